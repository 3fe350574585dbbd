using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using WgeoFlows.Storage;

namespace WgeoFlows.Health;

/// <summary>GET /api/health: 200 when storage and the orchestration backend answer, 503 otherwise. No key needed, no details leaked.</summary>
public sealed class HealthHandler(StorageClients storage, ILogger<HealthHandler> logger)
{
    public async Task<IResult> CheckAsync(DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        var storageOk = await ProbeAsync("storage", async () =>
        {
            await storage.EnsureCreatedAsync();
            await storage.Table(TableNames.Requests).GetEntityIfExistsAsync<Azure.Data.Tables.TableEntity>("health", "probe",
                cancellationToken: timeout.Token);
        });
        var orchestrationOk = await ProbeAsync("orchestration", () => durable.GetInstanceAsync("health-probe", timeout.Token));
        var body = new { status = storageOk && orchestrationOk ? "healthy" : "unhealthy", storage = storageOk, orchestration = orchestrationOk };
        return Results.Json(body, statusCode: storageOk && orchestrationOk ? 200 : 503);
    }

    private async Task<bool> ProbeAsync(string what, Func<Task> probe)
    {
        try
        {
            await probe();
            return true;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "Health probe of {What} failed", what);
            return false;
        }
    }
}
