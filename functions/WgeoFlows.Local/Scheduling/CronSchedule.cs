using Cronos;

namespace WgeoFlows.Local.Scheduling;

/// <summary>
/// A schedule in the six-field cron format Azure Functions' timer trigger reads ("second minute hour day month
/// day-of-week", UTC), so the local host fires the same jobs at the same times as the Functions host.
/// </summary>
public sealed class CronSchedule : IJobSchedule
{
    private readonly CronExpression _expression;

    private CronSchedule(string text, CronExpression expression)
    {
        Text = text;
        _expression = expression;
    }

    public string Text { get; }

    /// <exception cref="InvalidOperationException">The text is not a six-field cron expression; the message names the key.</exception>
    public static CronSchedule Parse(string key, string text)
    {
        try
        {
            return new CronSchedule(text, CronExpression.Parse(text, CronFormat.IncludeSeconds));
        }
        catch (CronFormatException e)
        {
            throw new InvalidOperationException(
                $"{key} = '{text}' is not a six-field cron schedule (second minute hour day month day-of-week, e.g. '0 30 2 * * *'): {e.Message}", e);
        }
    }

    public DateTimeOffset? NextAfter(DateTimeOffset now) => _expression.GetNextOccurrence(now, TimeZoneInfo.Utc);
}
