using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using WgeoFlows.Hosting;
using WgeoFlows.Links;

namespace WgeoFlows.Functions.Http;

// The emailed links: GET and HEAD show, POST decides (the handler enforces it). Anonymous: the signed token is the credential.
public sealed class LinkFunctions(LinkPageHandler links)
{
    [Function("ReviewLink")]
    public Task Review([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = ApiRoute.Prefix + Routes.Review)] HttpRequest req, string token,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) => HandleAsync(LinkKind.Review, token, req, durable, ct);

    [Function("UpdateLink")]
    public Task Update([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = ApiRoute.Prefix + Routes.Update)] HttpRequest req, string token,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) => HandleAsync(LinkKind.Update, token, req, durable, ct);

    [Function("OfferLink")]
    public Task Offer([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = ApiRoute.Prefix + Routes.Offer)] HttpRequest req, string token,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) => HandleAsync(LinkKind.Offer, token, req, durable, ct);

    [Function("ConfirmLink")]
    public Task Confirm([HttpTrigger(AuthorizationLevel.Anonymous, "get", "head", "post", Route = ApiRoute.Prefix + Routes.Confirm)] HttpRequest req, string token,
        [DurableClient] DurableTaskClient durable, CancellationToken ct) => HandleAsync(LinkKind.Confirm, token, req, durable, ct);

    private async Task HandleAsync(string kind, string token, HttpRequest req, DurableTaskClient durable, CancellationToken ct)
    {
        var result = HttpMethods.IsPost(req.Method)
            ? await links.DecideAsync(kind, token, req, durable, ct)
            : await links.ShowAsync(kind, token, ct);
        await result.ExecuteAsync(req.HttpContext);
    }
}
