using Microsoft.AspNetCore.Http;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Admin.Dashboard;

/// <summary>
/// GET /api/admin (the page), GET /api/admin/dashboard.js (its script) and GET /api/admin/summary (its data). Page and
/// script hold no data and are served to anyone — a browser cannot send the admin key on navigation, so the page asks
/// for it; every call for data is checked like any admin route.
/// </summary>
public sealed class AdminDashboardHandler(AdminAuthenticator auth, AdminSummaryReader summaries)
{
    public IResult Page() => DashboardAsset.Page;

    public IResult Script() => DashboardAsset.Script;

    public async Task<IResult> SummaryAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        if (auth.Authenticate(http) is null) return Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.");
        return Results.Json(await summaries.ReadAsync(cancellationToken), Shared.WgeoJson.Options);
    }
}
