using WgeoFlows.Local.Runtime;
using WgeoFlows.SampleData;
using WgeoFlows.Storage;

namespace WgeoFlows.Local.MailSink;

/// <summary>
/// In <c>--mode mail-sink</c>: once the web server runs, creates the product's tables, seeds the sample data (so that
/// the other host finds reviewers and partners), and prints the line scripts and tests wait for:
/// <c>WgeoFlows mail sink is ready at {baseUrl}</c>. If any of it fails, the process stops with exit code 1.
/// </summary>
public sealed class MailSinkAnnouncer(
    IHostApplicationLifetime lifetime,
    LocalUrls urls,
    StorageClients storage,
    SampleDataLoader sampleData,
    ILogger<MailSinkAnnouncer> logger) : BackgroundService
{
    public const string ReadyLinePrefix = "WgeoFlows mail sink is ready at ";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            lifetime.ApplicationStarted.Register(() => started.TrySetResult());
            await started.Task.WaitAsync(stoppingToken);

            await storage.EnsureCreatedAsync();
            var seeded = await sampleData.SeedIfEmptyAsync(stoppingToken);
            if (seeded > 0) logger.LogInformation("Seeded {Count} sample records", seeded);

            var b = urls.BaseUrl;
            Console.Out.Write($"""

                WgeoFlows mail sink (for another host's SendGrid client: SendGrid:Host={b})
                  mail outbox     {b}/dev/outbox
                  mail (JSON)     {b}/dev/mail

                """);
            Console.Out.WriteLine(ReadyLinePrefix + b);
            Console.Out.Flush();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while starting: nothing to announce.
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "The mail sink could not start");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }
}
