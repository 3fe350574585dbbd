namespace WgeoFlows.Local.Scheduling;

/// <summary>Every <c>interval</c> from the moment asked: what an older interval setting meant, kept so that it still works.</summary>
public sealed class IntervalSchedule(TimeSpan interval) : IJobSchedule
{
    public string Text => $"every {interval}";

    public DateTimeOffset? NextAfter(DateTimeOffset now) => now + interval;
}
