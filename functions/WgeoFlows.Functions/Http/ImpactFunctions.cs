using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Hosting;
using WgeoFlows.Impact;

namespace WgeoFlows.Functions.Http;

// Public, no sign-in: aggregates and consented stories only.
public sealed class ImpactFunctions(ImpactHandler impact)
{
    [Function("ImpactPage")]
    public async Task Page([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + ImpactRoutes.Page)] HttpRequest req,
        CancellationToken ct) =>
        await (await impact.PageAsync(req, ct)).ExecuteAsync(req.HttpContext);

    [Function("ImpactDataJson")]
    public async Task Json([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + ImpactRoutes.DataJson)] HttpRequest req,
        CancellationToken ct) =>
        await (await impact.JsonAsync(ct)).ExecuteAsync(req.HttpContext);

    [Function("ImpactDataCsv")]
    public async Task Csv([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + ImpactRoutes.DataCsv)] HttpRequest req,
        CancellationToken ct) =>
        await (await impact.CsvAsync(ct)).ExecuteAsync(req.HttpContext);
}
