namespace WgeoFlows.Tests.Workflow.Orchestration;

/// <summary>One call of a fake activity, as the orchestrator made it (each retry is a call of its own).</summary>
public sealed record ActivityCall(string Name, object? Input);
