namespace WgeoFlows.Web.RateLimiting;

/// <summary>
/// <c>RateLimits:*</c>: how often one client address may use each public door (a fixed window per address and door).
/// <c>RateLimits:TrustedProxies</c>: the addresses or CIDR ranges whose X-Forwarded-For is believed (comma-separated);
/// empty, the socket's peer address is the client.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    public bool Enabled { get; set; } = true;
    public string TrustedProxies { get; set; } = "";

    /// <summary>GET and POST /api/form together: a person fills the form in a few times, not dozens.</summary>
    public RateLimitPolicy Form { get; set; } = new() { PermitLimit = 30, Window = TimeSpan.FromMinutes(10) };
    /// <summary>POST /api/requests/typeform: Typeform's servers deliver every respondent's answers from few addresses.</summary>
    public RateLimitPolicy Typeform { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };
    /// <summary>POST /api/requests: a trusted form service, signed; the limit only caps a runaway sender.</summary>
    public RateLimitPolicy Webhook { get; set; } = new() { PermitLimit = 300, Window = TimeSpan.FromMinutes(1) };
    /// <summary>GET /api/status/{id}.</summary>
    public RateLimitPolicy Status { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };
    /// <summary>The emailed link pages: review, update, offer, follow-up (and their attachments).</summary>
    public RateLimitPolicy Links { get; set; } = new() { PermitLimit = 60, Window = TimeSpan.FromMinutes(1) };
    /// <summary>GET and POST /api/confirm/{token}.</summary>
    public RateLimitPolicy Confirm { get; set; } = new() { PermitLimit = 20, Window = TimeSpan.FromMinutes(10) };
    /// <summary>The public impact page and its open data.</summary>
    public RateLimitPolicy Impact { get; set; } = new() { PermitLimit = 120, Window = TimeSpan.FromMinutes(1) };

    public RateLimitPolicy For(PublicDoor door) => door switch
    {
        PublicDoor.Form => Form,
        PublicDoor.Typeform => Typeform,
        PublicDoor.Webhook => Webhook,
        PublicDoor.Status => Status,
        PublicDoor.Links => Links,
        PublicDoor.Confirm => Confirm,
        _ => Impact,
    };
}

public sealed class RateLimitPolicy
{
    public int PermitLimit { get; set; }
    public TimeSpan Window { get; set; }
}

/// <summary>The public routes, each limited on its own.</summary>
public enum PublicDoor
{
    Form,
    Typeform,
    Webhook,
    Status,
    Links,
    Confirm,
    Impact,
}
