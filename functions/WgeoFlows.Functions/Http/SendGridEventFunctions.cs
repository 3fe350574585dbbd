using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Admin.MailEvents;
using WgeoFlows.Hosting;

namespace WgeoFlows.Functions.Http;

// Anonymous at the Functions level: SendGrid's ECDSA signature is checked by the handler.
public sealed class SendGridEventFunctions(SendGridEventHandler events)
{
    [Function("SendGridEvents")]
    public async Task Receive([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoute.Prefix + Routes.SendGridEvents)] HttpRequest req,
        CancellationToken ct) =>
        await (await events.HandleAsync(req, ct)).ExecuteAsync(req.HttpContext);
}
