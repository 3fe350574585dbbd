using System.Globalization;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Privacy.People;

/// <summary>
/// <c>GET /api/admin/people?email=</c> (what holds the address: requests with the person's roles, partner and reviewer
/// entries, mails, held deliveries) and <c>GET /api/admin/people/export?email=</c> (everything held about the person, one
/// JSON file). Admin only, reading only. No key: 401; no address, several, or not one plain address: 400 naming
/// <c>email</c> (never echoing it: a problem answer may end up in a log). Nothing found is a 200 with empty lists.
/// </summary>
public sealed class PeopleHandler(AdminAuthenticator auth, PersonFinder finder, PersonExporter exporter, TimeProvider clock)
{
    public const string EmailParameter = "email";

    public async Task<IResult> ListAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        if (Refuse(http, out var email) is { } refusal) return refusal;
        return new PersonalDataResult(await finder.FindAsync(email!, cancellationToken));
    }

    public async Task<IResult> ExportAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        if (Refuse(http, out var email) is { } refusal) return refusal;
        var export = await exporter.ExportAsync(email!, cancellationToken);
        // The file's name carries the moment, not the address: it ends up in download folders and browser histories.
        var fileName = "wgeo-person-export-" + clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + ".json";
        return new PersonalDataResult(export, fileName);
    }

    private IResult? Refuse(HttpRequest http, out string? email)
    {
        email = null;
        if (auth.Authenticate(http) is null) return Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.");
        var given = http.Query[EmailParameter];
        var problem = given.Count switch
        {
            0 => "Give the person's address: ?email=name@example.org.",
            > 1 => "Give one address only.",
            _ when !PersonEmail.TryNormalize(given[0], out email) => "The email must be one plain address, e.g. name@example.org.",
            _ => null,
        };
        return problem is null ? null : Problems.Validation(new Dictionary<string, string[]> { [EmailParameter] = [problem] });
    }
}
