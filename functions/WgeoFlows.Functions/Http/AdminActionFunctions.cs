using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Admin.Actions;
using WgeoFlows.Hosting;
using WgeoFlows.Review.Reviewers;

namespace WgeoFlows.Functions.Http;

// Anonymous at the Functions level: admin identity (key or Entra ID role) is checked by the handlers, identically in both hosts.
public sealed class AdminActionFunctions(AdminActionsHandler actions, ReviewersHandler reviewers)
{
    [Function("AdminRequestAction")]
    public async Task Act([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoute.Prefix + Routes.AdminRequestAction)] HttpRequest req, string id,
        string action, [DurableClient] DurableTaskClient durable, CancellationToken ct) =>
        await (await actions.ActAsync(req, id, action, durable, ct)).ExecuteAsync(req.HttpContext);

    [Function("AdminReviewers")]
    public async Task Reviewers([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", Route = ApiRoute.Prefix + Routes.AdminReviewers)] HttpRequest req,
        CancellationToken ct)
    {
        var result = HttpMethods.IsPut(req.Method) ? await reviewers.ReplaceAsync(req, ct) : await reviewers.ListAsync(req, ct);
        await result.ExecuteAsync(req.HttpContext);
    }
}
