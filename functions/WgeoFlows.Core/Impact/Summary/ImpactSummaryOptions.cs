namespace WgeoFlows.Impact.Summary;

/// <summary><c>Impact:SummarySchedule</c>: when the quarterly summary goes to <c>Admin:NotifyEmails</c> (six-field cron
/// with seconds, as Azure Functions' timer trigger reads it; default 08:00 UTC on the first day of each quarter). It
/// reports the quarter that has just ended.</summary>
public sealed class ImpactSummaryOptions
{
    public const string Section = "Impact";
    public const string ScheduleKey = "Impact:SummarySchedule";
    public const string DefaultSchedule = "0 0 8 1 1,4,7,10 *";

    public string SummarySchedule { get; set; } = DefaultSchedule;
}
