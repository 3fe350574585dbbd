using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace WgeoFlows.Deployment.Tests.Support;

/// <summary>The Bicep CLI that this project restored from NuGet (infra/BicepCli.props), run as a child process.</summary>
public static class BicepCli
{
    private static readonly Lazy<JsonObject> MainTemplate = new(() =>
    {
        var (exit, output, errors) = Run("build", Repository.PathOf("infra", "main.bicep"), "--stdout");
        if (exit != 0) throw new InvalidOperationException($"bicep build infra/main.bicep failed:\n{errors}");
        return JsonNode.Parse(output)!.AsObject();
    });

    /// <summary>infra/main.bicep compiled to the ARM JSON that azd sends to Azure.</summary>
    public static JsonObject CompiledMain => MainTemplate.Value;

    public static string ExecutablePath =>
        typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepCliPath").Value
        ?? throw new InvalidOperationException("The build did not record the Bicep CLI path.");

    public static (int ExitCode, string Output, string Errors) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(ExecutablePath)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {ExecutablePath}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} did not finish in 2 minutes.");
        }
        return (process.ExitCode, output.Result, errors.Result);
    }
}
