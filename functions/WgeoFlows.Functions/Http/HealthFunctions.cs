using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Health;
using WgeoFlows.Hosting;

namespace WgeoFlows.Functions.Http;

public sealed class HealthFunctions(HealthHandler health)
{
    [Function("Health")]
    public async Task Check([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + Routes.Health)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        await (await health.CheckAsync(durable, ct)).ExecuteAsync(req.HttpContext);
}
