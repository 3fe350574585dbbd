using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using WgeoFlows.Matching.FollowUp;

namespace WgeoFlows.Functions.Http;

// The emailed follow-up form: GET and HEAD show, POST records (the handler enforces it). Anonymous: the signed token is the credential.
public sealed class FollowUpFunctions(FollowUpPageHandler followUp)
{
    [Function("FollowUpLink")]
    public async Task Run([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = ApiRoute.Prefix + Routes.FollowUp)] HttpRequest req, string token,
        [DurableClient] DurableTaskClient durable, CancellationToken ct)
    {
        var result = HttpMethods.IsPost(req.Method)
            ? await followUp.AnswerAsync(token, req, durable, ct)
            : await followUp.ShowAsync(token, ct);
        await result.ExecuteAsync(req.HttpContext);
    }
}
