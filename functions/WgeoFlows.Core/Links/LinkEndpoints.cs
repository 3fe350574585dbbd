using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.DurableTask.Client;

namespace WgeoFlows.Links;

public static class LinkEndpoints
{
    /// <summary>GET and HEAD show a link's page; only POST decides.</summary>
    public static RouteGroupBuilder MapLinkEndpoints(this RouteGroupBuilder api)
    {
        foreach (var kind in new[] { LinkKind.Review, LinkKind.Update, LinkKind.Offer, LinkKind.Confirm })
        {
            api.MapMethods($"{kind}/{{token}}", ["GET", "HEAD"], (string token, LinkPageHandler h, CancellationToken ct) =>
                h.ShowAsync(kind, token, ct));
            // No antiforgery token: the signed link in the URL is the capability, and a cross-site page cannot know it.
            api.MapPost($"{kind}/{{token}}", (string token, HttpRequest http, LinkPageHandler h, DurableTaskClient d, CancellationToken ct) =>
                h.DecideAsync(kind, token, http, d, ct)).DisableAntiforgery();
        }
        return api;
    }
}
