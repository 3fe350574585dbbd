
namespace WgeoFlows.Configuration;

// Option classes bound from the configuration keys of the public contract (docs/integrators.md). Defaults are the contract's.

public sealed class StorageOptions
{
    public const string Section = "Storage";
    /// <summary>A connection string (Azurite locally). Empty in Azure, where <see cref="AccountName"/> and a managed identity are used.</summary>
    public string? ConnectionString { get; set; }
    public string? AccountName { get; set; }
}

public sealed class IntakeOptions
{
    public const string Section = "Intake";
    /// <summary>When the inbox is swept for rows a crash left behind: a six-field cron, on both hosts (see
    /// <see cref="Scheduling.ScheduledJobs.Sweep"/> for the defaults).</summary>
    public const string DispatchSweepScheduleKey = "Intake:DispatchSweepSchedule";
    /// <summary>The local host's former sweep setting (an interval), still read there when the schedule is not set.</summary>
    public const string DispatchSweepIntervalKey = "Intake:DispatchSweepInterval";
    public string WebhookSecret { get; set; } = "";
    public TimeSpan TimestampTolerance { get; set; } = TimeSpan.FromMinutes(5);
    public int MaxBodyBytes { get; set; } = 10 * 1024 * 1024;
    /// <summary>How long the sweep leaves a new inbox row to the delivery that added it before it dispatches the row
    /// itself (that delivery may be in another instance).</summary>
    public TimeSpan DispatchGrace { get; set; } = TimeSpan.FromSeconds(10);
    /// <summary>Most submissions waiting in memory for their dispatch; when that many wait, every intake door answers 503
    /// with Retry-After and stores nothing.</summary>
    public int DispatchQueueCapacity { get; set; } = Intake.Dispatch.DispatchQueue.DefaultCapacity;
    /// <summary><c>Intake:Confirmation:*</c>: which doors wait for the requester to confirm their address.</summary>
    public ConfirmationOptions Confirmation { get; set; } = new();
    /// <summary><c>Intake:ConfirmWithin</c>: how long an unconfirmed request waits before it expires and loses its personal data.</summary>
    public TimeSpan ConfirmWithin { get; set; } = TimeSpan.FromDays(2);
}

/// <summary>
/// A request from a public door (anyone on the internet can post the built-in form, and a public Typeform) first gets
/// one mail only, a confirmation with a link and none of the submitter's text, so that the system cannot be used to send
/// text to strangers; only a confirmed request is screened, acknowledged and shown to reviewers. A signed webhook comes
/// from a trusted form service and skips it unless configured.
/// </summary>
public sealed class ConfirmationOptions
{
    public bool Form { get; set; } = true;
    public bool Typeform { get; set; } = true;
    public bool Webhook { get; set; }
    /// <summary>The most confirmation mails one address receives in a UTC day, across all instances.</summary>
    public int MaxPerAddressPerDay { get; set; } = 3;

    public bool AppliesTo(IntakeDoor door) => door switch
    {
        IntakeDoor.Form => Form,
        IntakeDoor.Typeform => Typeform,
        _ => Webhook,
    };
}

/// <summary>The door a submission came through.</summary>
public enum IntakeDoor
{
    Webhook,
    Typeform,
    Form,
}

public sealed class LinkOptions
{
    public const string Section = "Links";
    public string SigningKey { get; set; } = "";
    /// <summary>How long an emailed link stays valid after it is issued.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(30);
}

public sealed class AdminOptions
{
    public const string Section = "Admin";
    public string ApiKey { get; set; } = "";
    /// <summary>Where admin notices (e.g. a request that needs a manual match) are sent.</summary>
    public List<string> NotifyEmails { get; set; } = [];
    /// <summary>Accept App Service authentication's principal header (X-MS-CLIENT-PRINCIPAL). Only where App Service sets it and
    /// strips any copy a caller sends: in Azure. Never locally, where anyone could send the header.</summary>
    public bool TrustAppServiceAuthentication { get; set; }
    public const string Role = "Wgeo.Admin";
}

public sealed class SendGridOptions
{
    public const string Section = "SendGrid";
    public string ApiKey { get; set; } = "";
    /// <summary>Points the SendGrid client at another server (the local mail sink); empty for SendGrid itself.</summary>
    public string? Host { get; set; }
    /// <summary>How long one call to SendGrid may take. Shorter than HttpClient's 100 s default, so that a call that hangs
    /// fails soon and the activity's retry policy sends again.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

public sealed class MailOptions
{
    public const string Section = "Mail";
    public string From { get; set; } = "noreply@wgeoflows.example";
    public string FromName { get; set; } = "WGEO Partnership";
    /// <summary><c>Mail:Retry:*</c>: how long a workflow keeps trying to send one email before the request fails.</summary>
    public MailRetryOptions Retry { get; set; } = new();
}

/// <summary>
/// The retry policy of the SendEmail activity. An email that cannot be sent fails its whole request, so it gets a longer
/// budget than other activities: 12 attempts, 2 s doubling up to 5 min apart, about 23 minutes in all — enough to ride out
/// a SendGrid incident of minutes, and at a one-in-three failure rate (1/3)^12 ≈ 2·10⁻⁶ per email fails for good.
/// </summary>
public sealed class MailRetryOptions
{
    public int MaxAttempts { get; set; } = 12;
    public TimeSpan FirstInterval { get; set; } = TimeSpan.FromSeconds(2);
    public double BackoffCoefficient { get; set; } = 2;
    public TimeSpan MaxInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>The mails' settings that are not about sending (those are <see cref="MailOptions"/>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";
    /// <summary>The language of reviewers' and administrators' mails: one of the seven served (ar en es fr pt ru zh); any
    /// other value means English. Requesters and partners are written to in their own language.</summary>
    public string StaffLanguage { get; set; } = "en";
}

public sealed class ReviewOptions
{
    public const string Section = "Review";
    public TimeSpan ReminderAfter { get; set; } = TimeSpan.FromDays(3);
    public TimeSpan EscalateAfter { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan ExpireAfter { get; set; } = TimeSpan.FromDays(14);
}

public sealed class MatchingOptions
{
    public const string Section = "Matching";
    public int CandidatesPerRound { get; set; } = 3;
    public int MaxRounds { get; set; } = 3;
    public TimeSpan OfferTimeout { get; set; } = TimeSpan.FromDays(5);
    /// <summary><c>Matching:Weights:*</c>: how partners are scored.</summary>
    public RankingWeights Weights { get; set; } = new();
}

public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";
    public TimeSpan After { get; set; } = TimeSpan.FromDays(90);
    /// <summary>How long the follow-up answers are waited for before the engagement is closed without them.</summary>
    public TimeSpan AnswerWithin { get; set; } = TimeSpan.FromDays(30);
}

public sealed class PublicUrlOptions
{
    /// <summary>Configuration key <c>PublicBaseUrl</c>: the base of every emailed link, without a trailing slash.</summary>
    public const string Key = "PublicBaseUrl";
    public string BaseUrl { get; set; } = "http://127.0.0.1:7071";
}
