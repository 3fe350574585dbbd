using WgeoFlows.Web.RateLimiting;

namespace WgeoFlows.Web.Routing;

/// <summary>
/// One public route under /api with everything a host needs to serve it: its name (the Functions host's function name),
/// its template, the verbs that reach <see cref="Handle"/>, who may call it, and the per-route facts the hosts apply
/// around the handler. Both hosts read the same entries (<see cref="Hosting.ApiRoutes"/>), so a route, its verbs and
/// its rate limit cannot differ between them. Hosts run it through <see cref="Hosting.RouteRunner.RunAsync"/>, which applies
/// what <see cref="Auth"/> asks of every route of its kind before <see cref="Handle"/>.
/// </summary>
public sealed record ApiRoute(string Name, string Template, IReadOnlyList<string> Verbs, RouteAuth Auth, RouteHandler Handle)
{
    /// <summary>The public door whose rate limit applies before the handler runs; null for routes that are not rate limited.</summary>
    public PublicDoor? Door { get; init; }

    /// <summary>The handler takes the Durable Task client: the Functions host must bind one ([DurableClient]).</summary>
    public bool UsesDurableClient { get; init; }

    /// <summary>The names between braces in <see cref="Template"/>, in order: the values a host hands to <see cref="RouteCall"/>.</summary>
    public IReadOnlyList<string> Parameters { get; } = ParametersOf(Template);

    private static string[] ParametersOf(string template) =>
        template.Split('/').Where(s => s.StartsWith('{') && s.EndsWith('}')).Select(s => s[1..^1]).ToArray();
}

/// <summary>Runs one route's handler; the host executes the result it returns.</summary>
public delegate Task<Microsoft.AspNetCore.Http.IResult> RouteHandler(RouteCall call);

/// <summary>
/// Who may call a route. Every kind is checked by the route's handler, identically in both hosts, which is why every
/// route is anonymous at the Functions platform level: the platform's function keys would be a second, different gate.
/// </summary>
public enum RouteAuth
{
    /// <summary>Anyone: public pages and data, the health probe, the admin dashboard's page and script (they carry no data).</summary>
    Public,
    /// <summary>A signed, expiring token or signature in the URL (emailed links, the status page, link attachments).</summary>
    SignedLink,
    /// <summary>A signature of the body by the sender (the intake webhook, Typeform, SendGrid's event webhook).</summary>
    SignedBody,
    /// <summary>The admin key or Entra ID role, reading only.</summary>
    Admin,
    /// <summary>The admin key or Entra ID role, changing state: cross-site requests are refused (403) before the identity is
    /// looked at, and bodies take the route's media type only.</summary>
    AdminChange,
}
