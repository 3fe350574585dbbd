namespace WgeoFlows.Testing;

/// <summary>
/// The Functions app as Azure runs it, on one machine: an Azurite of its own, the local host in <c>--mode mail-sink</c>
/// (the SendGrid-compatible sink and the sample data) and the Azure Functions host on the published app, with the app
/// settings <c>infra/main.bicep</c> sets and the production environment, so that the app checks its secrets as in
/// Azure. Secrets here are test values of at least 32 bytes; the sink takes the SendGrid key the app sends.
/// </summary>
public sealed class FunctionsHostStack : IAsyncDisposable
{
    public const string WebhookSecret = "functions-host-tests-webhook-secret-0123456789";
    public const string AdminKey = "functions-host-tests-admin-key-0123456789abcdef";
    public const string LinkSigningKey = "functions-host-tests-link-signing-key-0123456789";
    public const string SendGridKey = "SG.functions-host-tests-sendgrid-key-0123456789";
    public const string NotifyEmail = "secretariat@example.org";

    private FunctionsHostStack(AzuriteInstance storage, LocalHostProcess mailSink, FunctionsHostProcess host)
    {
        Storage = storage;
        MailSink = mailSink;
        Host = host;
    }

    public AzuriteInstance Storage { get; }
    public LocalHostProcess MailSink { get; }
    public FunctionsHostProcess Host { get; }

    /// <summary>Starts the three on fresh storage; <paramref name="settings"/> add to or override the Bicep's app settings
    /// (<c>Section:Key</c> or <c>Section__Key</c>).</summary>
    public static async Task<FunctionsHostStack> StartAsync(
        IReadOnlyDictionary<string, string?>? settings = null, CancellationToken cancellationToken = default)
    {
        var storage = await AzuriteInstance.StartAsync(cancellationToken);
        LocalHostProcess? sink = null;
        try
        {
            sink = await LocalHostProcess.StartMailSinkAsync(storage, new Dictionary<string, string?>
            {
                ["SendGrid:ApiKey"] = SendGridKey,
            }, cancellationToken);
            var all = AppSettings(storage, sink);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                all[key.Replace("__", ":", StringComparison.Ordinal)] = value;
            }
            var host = await FunctionsHostProcess.StartAsync(all, cancellationToken);
            return new FunctionsHostStack(storage, sink, host);
        }
        catch
        {
            if (sink is not null) await sink.DisposeAsync();
            await storage.DisposeAsync();
            throw;
        }
    }

    /// <summary>What <c>infra/main.bicep</c> sets (its defaults), with storage, mail and the base URL pointed at this
    /// machine. Azure's identity-based storage settings become Azurite's connection string.</summary>
    private static Dictionary<string, string?> AppSettings(AzuriteInstance storage, LocalHostProcess sink) =>
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["AZURE_FUNCTIONS_ENVIRONMENT"] = "Production",
            ["AzureWebJobsStorage"] = storage.ConnectionString,
            ["TASKHUB_NAME"] = "wgeoflows",
            ["Intake:WebhookSecret"] = WebhookSecret,
            ["Links:SigningKey"] = LinkSigningKey,
            ["SendGrid:ApiKey"] = SendGridKey,
            ["SendGrid:Host"] = sink.BaseUrl.ToString().TrimEnd('/'),
            ["Admin:ApiKey"] = AdminKey,
            ["Admin:TrustAppServiceAuthentication"] = "false",
            ["Admin:NotifyEmails:0"] = NotifyEmail,
            ["Mail:From"] = "noreply@wgeoflows.example",
            ["Mail:FromName"] = "WGEO Partnership",
            // PublicBaseUrl: the host's own URL, set by FunctionsHostProcess once its port is known.
            ["Review:ReminderAfter"] = "3.00:00:00",
            ["Review:EscalateAfter"] = "7.00:00:00",
            ["Review:ExpireAfter"] = "14.00:00:00",
            ["Matching:CandidatesPerRound"] = "3",
            ["Matching:MaxRounds"] = "3",
            ["Matching:OfferTimeout"] = "5.00:00:00",
            ["FollowUp:After"] = "90.00:00:00",
            ["Admin:PurgeSchedule"] = "0 30 2 * * *",
            ["Admin:PurgeAfter"] = "90.00:00:00",
            ["Admin:DigestSchedule"] = "0 0 7 * * *",
            ["Impact:SummarySchedule"] = "0 0 8 1 1,4,7,10 *",
            ["Intake:DispatchSweepSchedule"] = "0 * * * * *",
            ["Privacy:RetainFor"] = "730.00:00:00",
            ["Privacy:RetentionSchedule"] = "0 0 3 * * *",
            ["SendGrid:EventWebhookPublicKey"] = SendGridSigner.PublicKey,
        };

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await MailSink.DisposeAsync();
        await Storage.DisposeAsync();
    }
}
