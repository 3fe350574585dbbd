using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Reference;
using WgeoFlows.Shared;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Matching.Partners;

/// <summary>
/// The partner registry's admin API (docs/integrators.md): list, get, put, delete and CSV import. Every route needs an admin
/// identity; refusals are problem+json naming the fields; storage that does not answer gives 503, never 500.
/// </summary>
public sealed class PartnersAdminHandler(AdminAuthenticator auth, PartnerStore partners, PartnerCsvImporter importer, IContactRemovals removals)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 1000;
    public const int MaxPutBytes = 64 * 1024;
    /// <summary>Larger than the 10,000 rows an import may have at a few hundred bytes a row.</summary>
    public const int MaxImportBytes = 8 * 1024 * 1024;

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    public Task<IResult> ListAsync(HttpRequest http, CancellationToken cancellationToken = default) => GuardAsync(http, async () =>
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = DefaultPageSize;
        var q = http.Query;
        if (!string.IsNullOrEmpty(q["pageSize"]) && (!int.TryParse(q["pageSize"], out pageSize) || pageSize < 1 || pageSize > MaxPageSize))
        {
            errors["pageSize"] = [$"pageSize must be a whole number from 1 to {MaxPageSize}."];
        }
        var continuation = q["continuation"].ToString();
        if (continuation.Length > 1024) errors["continuation"] = ["The continuation token is not valid."];
        if (errors.Count > 0) return Problems.Validation(errors);
        try
        {
            var page = await partners.ListAsync(pageSize, continuation, cancellationToken);
            return Results.Json(new { items = page.Items.Select(PartnerView.Of), continuation = page.Continuation }, WgeoJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 400 && continuation.Length > 0)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["continuation"] = ["The continuation token is not valid."] });
        }
    });

    public Task<IResult> GetAsync(HttpRequest http, string id, CancellationToken cancellationToken = default) => GuardAsync(http, async () =>
    {
        var partner = IsPlausibleId(id) ? await partners.GetAsync(id, cancellationToken) : null;
        return partner is null ? NoSuchPartner(id) : Results.Json(PartnerView.Of(partner), WgeoJson.Options);
    });

    /// <summary>Creates (201) or replaces (200) the registry fields of partner <paramref name="id"/>; the engagement fields
    /// the workflow keeps (open engagements, recent offers) stay as they are.</summary>
    public Task<IResult> PutAsync(HttpRequest http, string id, CancellationToken cancellationToken = default) => ChangeAsync(http, AdminAuthenticator.JsonMediaType, async () =>
    {
        var body = await RawBody.ReadAsync(http, MaxPutBytes, cancellationToken);
        if (body is null) return TooLarge(MaxPutBytes);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["$"] = [$"The body is not valid JSON: {e.Message}"] });
        }
        if (root.ValueKind != JsonValueKind.Object)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["$"] = ["The body must be a JSON object."] });
        }

        var (input, errors) = PartnerJsonInput.Read(root, id);
        var validation = PartnerValidator.Validate(input, CountryCatalog.Default);
        PartnerJsonInput.AddValidatorErrors(errors, validation.Errors);
        if (errors.Count > 0) return Problems.Validation(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()), "The partner has invalid fields.");

        var existed = await partners.GetAsync(id, cancellationToken) is not null;
        await partners.UpsertAsync(validation.Partner!, cancellationToken);
        var stored = await partners.GetAsync(id, cancellationToken) ?? validation.Partner!;
        return Results.Json(PartnerView.Of(stored), WgeoJson.Options, statusCode: existed ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    });

    /// <summary>Deletes a partner without open engagements (204). One with open engagements is refused (409): deleting it
    /// would lose the capacity the workflow holds; set <c>active</c> to false to stop new offers instead.</summary>
    public Task<IResult> DeleteAsync(HttpRequest http, string id, CancellationToken cancellationToken = default) => ChangeAsync(http, AdminAuthenticator.JsonMediaType, async () =>
    {
        var partner = IsPlausibleId(id) ? await partners.GetAsync(id, cancellationToken) : null;
        if (partner is null) return NoSuchPartner(id);
        if (partner.OpenEngagements > 0)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "Partner has open engagements",
                $"{partner.Name} has {partner.OpenEngagements} open engagement(s). Set \"active\": false to stop new offers; delete it once they are closed.");
        }
        await partners.DeleteAsync(id, cancellationToken);
        // Its address stays in finished requests' timelines and mails until the retention period has passed since today.
        await removals.PartnerRemovedAsync(partner.Email, cancellationToken);
        return Results.NoContent();
    });

    /// <summary>Imports a CSV (text/csv, UTF-8): 200 with a report of every row; 400 when the file as a whole is refused.</summary>
    public Task<IResult> ImportAsync(HttpRequest http, CancellationToken cancellationToken = default) => ChangeAsync(http, null, async () =>
    {
        if (!RawBody.IsMediaType(http.ContentType, "text/csv"))
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the partners as text/csv (UTF-8, header row: " + string.Join(",", PartnerCsvReader.RequiredColumns) + ",active,publishable).");
        }
        var body = await RawBody.ReadAsync(http, MaxImportBytes, cancellationToken);
        if (body is null) return TooLarge(MaxImportBytes);
        using var stream = new MemoryStream(body, writable: false);
        var report = await importer.ImportAsync(stream, cancellationToken);
        if (report.FileError is not null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["file"] = [report.FileError] }, "The file was not imported.");
        }
        return Results.Json(new
        {
            created = report.Created,
            updated = report.Updated,
            unchanged = report.Unchanged,
            rejected = report.Rejected,
            // Spelled out: the outcome is lower case in the contract, and a row's errors are always a list.
            rows = report.Rows.Select(r => new
            {
                line = r.Line,
                id = r.Id,
                outcome = r.Outcome.ToString().ToLowerInvariant(),
                accepted = r.Accepted,
                errors = r.Errors,
            }),
        }, WgeoJson.Options);
    });

    // Admin check first; storage that does not answer is the caller's "try again", not a 500.
    private Task<IResult> GuardAsync(HttpRequest http, Func<Task<IResult>> action) =>
        auth.Authenticate(http) is null ? Task.FromResult(Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.")) : RunAsync(action);

    // A change also refuses a cross-site request and, unless mediaType is null (the CSV import checks text/csv itself),
    // any body that is not of mediaType.
    private Task<IResult> ChangeAsync(HttpRequest http, string? mediaType, Func<Task<IResult>> action) =>
        auth.RefuseChange(http, out _, mediaType) is { } refused ? Task.FromResult(refused) : RunAsync(action);

    private async Task<IResult> RunAsync(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (RequestFailedException e) when (e.Status is 0 or >= 500)
        {
            return Problems.Unavailable("The partner registry did not answer; try again.", RetryAfter);
        }
    }

    private static bool IsPlausibleId(string id) => !string.IsNullOrWhiteSpace(id) && id.Length <= 64;

    private static IResult NoSuchPartner(string id) => Problems.NotFound($"No partner has the id '{id}'.");

    private static IResult TooLarge(int limit) => Problems.Of(StatusCodes.Status413PayloadTooLarge, "Payload too large",
        $"The body may be at most {limit / 1024:N0} KiB.");
}
