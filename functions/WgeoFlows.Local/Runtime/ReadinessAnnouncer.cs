using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.SampleData;
using WgeoFlows.Storage;

namespace WgeoFlows.Local.Runtime;

/// <summary>
/// Once the web server runs, checks that storage, the sidecar, the worker and the client all answer, seeds the
/// sample data, prints where everything is, and then prints the one line tests and scripts wait for:
/// <c>WgeoFlows is ready at {baseUrl}</c>. If any of it fails, the host stops with exit code 1.
/// </summary>
public sealed class ReadinessAnnouncer(
    IHostApplicationLifetime lifetime,
    LocalUrls urls,
    SidecarEndpoint sidecar,
    DurableTaskClient durableClient,
    StorageClients storage,
    SampleDataLoader sampleData,
    IOptions<IntakeOptions> intake,
    IOptions<AdminOptions> admin,
    IHostEnvironment environment,
    ILogger<ReadinessAnnouncer> logger) : BackgroundService
{
    public const string ReadyLinePrefix = "WgeoFlows is ready at ";

    private static readonly TimeSpan WorkerConnectTimeout = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await WhenStartedAsync(stoppingToken);
            await storage.EnsureCreatedAsync();
            await sidecar.WorkerConnection.Connected.WaitAsync(WorkerConnectTimeout, stoppingToken);
            // A round trip client → sidecar → task hub storage; the instance does not exist.
            await durableClient.GetInstanceAsync("wgeo-readiness-probe", stoppingToken);
            var seeded = await sampleData.SeedIfEmptyAsync(stoppingToken);
            if (seeded > 0) logger.LogInformation("Seeded {Count} sample records", seeded);

            Announce();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopped while starting: nothing to announce.
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "WgeoFlows could not start");
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    private Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }

    private void Announce()
    {
        var b = urls.BaseUrl;
        if (!environment.IsDevelopment())
        {
            // No mail sink, and the keys are real secrets: print neither.
            Console.Out.Write($"""

                WgeoFlows local host ({environment.EnvironmentName})
                  base URL        {b}
                  request form    {b}/api/form
                  admin dashboard {b}/api/admin
                  health          {b}/api/health


                """);
            Console.Out.WriteLine(ReadyLinePrefix + b);
            Console.Out.Flush();
            return;
        }
        Console.Out.Write($"""

            WgeoFlows local host
              base URL        {b}
              request form    {b}/api/form
              admin dashboard {b}/api/admin
              mail outbox     {b}/dev/outbox
              mail (JSON)     {b}/dev/mail
              health          {b}/api/health

            Development keys (local only)
              webhook secret  {intake.Value.WebhookSecret}   (Intake:WebhookSecret)
              admin key       {admin.Value.ApiKey}   (Admin:ApiKey, header X-Wgeo-Admin-Key)

            Press Ctrl+C to stop.

            """);
        Console.Out.WriteLine(ReadyLinePrefix + b);
        Console.Out.Flush();
    }
}
