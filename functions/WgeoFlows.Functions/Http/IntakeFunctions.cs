using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Status;

namespace WgeoFlows.Functions.Http;

// Anonymous at the Functions level: the webhook is authenticated by its HMAC signature, the status page by its signed link.
public sealed class IntakeFunctions(IntakeHandler intake, StatusPageHandler status)
{
    [Function("Intake")]
    public async Task Submit([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoute.Prefix + Routes.Requests)] HttpRequest req,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        await (await intake.SubmitAsync(req, durable, ct)).ExecuteAsync(req.HttpContext);

    [Function("Status")]
    public async Task Status([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", Route = ApiRoute.Prefix + Routes.Status)] HttpRequest req, string id,
        CancellationToken ct) =>
        await (await status.ShowAsync(id, req.Query["sig"], req.Query["lang"], ct)).ExecuteAsync(req.HttpContext);
}
