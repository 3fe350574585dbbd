using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace WgeoFlows.Impact;

public static class ImpactEndpoints
{
    public static RouteGroupBuilder MapImpactEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet(ImpactRoutes.Page, (HttpRequest http, ImpactHandler h, CancellationToken ct) => h.PageAsync(http, ct));
        api.MapGet(ImpactRoutes.DataJson, (ImpactHandler h, CancellationToken ct) => h.JsonAsync(ct));
        api.MapGet(ImpactRoutes.DataCsv, (ImpactHandler h, CancellationToken ct) => h.CsvAsync(ct));
        return api;
    }
}
