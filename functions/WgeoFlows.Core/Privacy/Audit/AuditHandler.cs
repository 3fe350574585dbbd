using Microsoft.AspNetCore.Http;
using WgeoFlows.Shared;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Privacy.Audit;

/// <summary><c>GET /api/admin/audit?pageSize=&amp;continuation=</c> (admin, read-only): the privacy audit, newest first,
/// <c>{ "items": [ { "id", "at", "actor", "action", "reason", "requestIds", "erased": { "rowsChanged", "rowsDeleted",
/// "blobsDeleted", "instancesPurged" } } ], "continuation" }</c>.</summary>
public sealed class AuditHandler(AdminAuthenticator auth, AuditStore audit)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public async Task<IResult> ListAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        if (auth.Authenticate(http) is null) return Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.");
        var errors = new Dictionary<string, string[]>();
        var pageSize = DefaultPageSize;
        if (!string.IsNullOrEmpty(http.Query["pageSize"]) && (!int.TryParse(http.Query["pageSize"], out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            errors["pageSize"] = [$"pageSize must be a whole number from 1 to {MaxPageSize}."];
        }
        var continuation = http.Query["continuation"].ToString();
        if (continuation.Length > 1024) errors["continuation"] = ["The continuation token is not valid."];
        if (errors.Count > 0) return Problems.Validation(errors);
        try
        {
            var (items, next) = await audit.ListAsync(pageSize, continuation, cancellationToken);
            return Results.Json(new { items, continuation = next }, WgeoJson.Options);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 400 && continuation.Length > 0)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["continuation"] = ["The continuation token is not valid."] });
        }
    }
}
