using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using WgeoFlows.Hosting;
using WgeoFlows.Matching.Partners;

namespace WgeoFlows.Functions.Http;

// The partner registry's admin API. Anonymous at the Functions level: the handler checks the admin identity.
public sealed class PartnerFunctions(PartnersAdminHandler partners)
{
    [Function("AdminPartners")]
    public async Task List([HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ApiRoute.Prefix + Routes.AdminPartners)] HttpRequest req,
        CancellationToken ct) =>
        await (await partners.ListAsync(req, ct)).ExecuteAsync(req.HttpContext);

    [Function("AdminPartner")]
    public async Task One([HttpTrigger(AuthorizationLevel.Anonymous, "get", "put", "delete", Route = ApiRoute.Prefix + Routes.AdminPartner)] HttpRequest req,
        string id, CancellationToken ct)
    {
        var result = req.Method.ToUpperInvariant() switch
        {
            "PUT" => await partners.PutAsync(req, id, ct),
            "DELETE" => await partners.DeleteAsync(req, id, ct),
            _ => await partners.GetAsync(req, id, ct),
        };
        await result.ExecuteAsync(req.HttpContext);
    }

    [Function("AdminPartnersImport")]
    public async Task Import([HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ApiRoute.Prefix + Routes.AdminPartnersImport)] HttpRequest req,
        CancellationToken ct) =>
        await (await partners.ImportAsync(req, ct)).ExecuteAsync(req.HttpContext);
}
