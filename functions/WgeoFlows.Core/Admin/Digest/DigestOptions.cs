namespace WgeoFlows.Admin.Digest;

/// <summary><c>Admin:DigestSchedule</c>: when the daily digest goes to <c>Admin:NotifyEmails</c> (six-field cron with
/// seconds, as Azure Functions' timer trigger reads it; default every day at 07:00 UTC).</summary>
public sealed class DigestOptions
{
    public const string Section = "Admin";
    public const string ScheduleKey = "Admin:DigestSchedule";
    public const string DefaultSchedule = "0 0 7 * * *";

    public string DigestSchedule { get; set; } = DefaultSchedule;

    /// <summary>How many of the requests waiting longest the digest lists.</summary>
    public int DigestLongestWaiting { get; set; } = 10;
}
