using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Reference;
using WgeoFlows.Shared;
using WgeoFlows.Storage.ChangeLog;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Matching.Partners;

/// <summary>
/// The partner registry's admin API (docs/integrators.md): list (with filters), get, put, delete, CSV import (with a dry
/// run) and export, and each partner's change history. Every route needs an admin identity; refusals are problem+json
/// naming the fields; storage that does not answer gives 503, never 500. Every change is recorded in the change log.
/// </summary>
public sealed class PartnersAdminHandler(AdminAuthenticator auth, PartnerStore partners, PartnerCsvImporter importer, IContactRemovals removals,
    PartnerChangeRecorder changes, ChangeLogStore changeLog, PartnerOfferLog offers, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int DefaultChangesPageSize = 20;
    public const int MaxPageSize = 1000;
    public const int MaxPutBytes = 64 * 1024;
    /// <summary>Larger than the 10,000 rows an import may have at a few hundred bytes a row.</summary>
    public const int MaxImportBytes = 8 * 1024 * 1024;

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>A page of partners, in id order, matching the optional filters (<see cref="PartnerListFilter"/>). The
    /// continuation is the id of the last partner read (<see cref="PartnerStore.SearchAsync"/>).</summary>
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
        // The token is a partner id: anything else was not given by this API.
        if (continuation.Length > 0 && !PartnerValidator.IsId(continuation)) errors["continuation"] = ["The continuation token is not valid."];
        var filter = PartnerListFilter.Read(q, errors);
        if (errors.Count > 0) return Problems.Validation(errors);
        var page = await partners.SearchAsync(filter, pageSize, continuation.Length > 0 ? continuation : null, cancellationToken);
        return Results.Json(new { items = page.Items.Select(PartnerView.Of), continuation = page.Continuation }, WgeoJson.Options);
    });

    public Task<IResult> GetAsync(HttpRequest http, string id, CancellationToken cancellationToken = default) => GuardAsync(http, async () =>
    {
        var partner = IsPlausibleId(id) ? await partners.GetAsync(id, cancellationToken) : null;
        if (partner is null) return NoSuchPartner(id);
        // Optional additions for the dashboard's partner page: the requests holding its capacity, the offers made to it.
        var engagements = await partners.GetEngagementKeysAsync(id, cancellationToken);
        var recent = await offers.RecentAsync(id, cancellationToken: cancellationToken);
        var answer = JsonSerializer.SerializeToNode(PartnerView.Of(partner), WgeoJson.Options)!.AsObject();
        answer["engagements"] = JsonSerializer.SerializeToNode(engagements, WgeoJson.Options);
        answer["offers"] = JsonSerializer.SerializeToNode(recent, WgeoJson.Options);
        return Results.Json(answer, WgeoJson.Options);
    });

    /// <summary>The terms the dashboard's partner filters and form offer, with their English labels, from the reference
    /// data (so the page never keeps its own copy of a taxonomy).</summary>
    public Task<IResult> TermsAsync(HttpRequest http) => GuardAsync(http, () =>
    {
        static object[] Of(IReadOnlyList<TaxonomyTerm> list) => [.. list.Select(t => new { id = t.Id, label = Taxonomy.Label(list, t.Id) })];
        return Task.FromResult(Results.Json(new
        {
            platforms = Of(Taxonomy.Platforms),
            regions = Of(Taxonomy.Regions),
            thematicAreas = Of(Taxonomy.ThematicAreas),
            supportTypes = Of(Taxonomy.SupportTypes),
            languages = Of(Taxonomy.Languages),
            roles = Enum.GetValues<PartnerRole>().Select(r => new { id = r.ToId(), label = r.ToId() }),
        }, WgeoJson.Options));
    });

    /// <summary>The partner's change history, newest first: who, when, the action and the registry fields before and after.</summary>
    public Task<IResult> ChangesAsync(HttpRequest http, string id, CancellationToken cancellationToken = default) => GuardAsync(http, async () =>
    {
        var errors = new Dictionary<string, string[]>();
        var pageSize = DefaultChangesPageSize;
        var q = http.Query;
        if (!string.IsNullOrEmpty(q["pageSize"]) && (!int.TryParse(q["pageSize"], out pageSize) || pageSize < 1 || pageSize > ChangeLogStore.MaxPageSize))
        {
            errors["pageSize"] = [$"pageSize must be a whole number from 1 to {ChangeLogStore.MaxPageSize}."];
        }
        var continuation = q["continuation"].ToString();
        if (continuation.Length > 1024) errors["continuation"] = ["The continuation token is not valid."];
        if (!IsPlausibleId(id)) return NoSuchPartner(id);
        if (errors.Count > 0) return Problems.Validation(errors);
        try
        {
            var (items, next) = await changeLog.ListAsync(ChangeSubjects.Partner, id, pageSize, continuation, cancellationToken);
            return Results.Json(new
            {
                items = items.Select(e => new { action = e.Action, actor = e.Actor, at = e.At, before = ParseJson(e.Before), after = ParseJson(e.After) }),
                continuation = next,
            }, WgeoJson.Options);
        }
        catch (RequestFailedException e) when (e.Status == 400 && continuation.Length > 0)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["continuation"] = ["The continuation token is not valid."] });
        }
    });

    /// <summary>The whole registry as CSV in the import's columns (<see cref="PartnerCsvWriter"/>): importing it again
    /// reports every row unchanged.</summary>
    public Task<IResult> ExportAsync(HttpRequest http, CancellationToken cancellationToken = default) => GuardAsync(http, async () =>
    {
        var all = await partners.ListAllAsync(cancellationToken);
        var csv = PartnerCsvWriter.Write(all);
        var fileName = $"partners-{time.GetUtcNow():yyyy-MM-dd}.csv";
        // UTF-8 with a byte order mark: spreadsheets then read Arabic and Chinese names right; the import ignores it.
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(csv)).ToArray();
        return Results.File(bytes, "text/csv; charset=utf-8", fileName);
    });

    /// <summary>Creates (201) or replaces (200) the registry fields of partner <paramref name="id"/>; the engagement fields
    /// the workflow keeps (open engagements, recent offers) stay as they are.</summary>
    public Task<IResult> PutAsync(HttpRequest http, string id, CancellationToken cancellationToken = default) =>
        ChangeAsync(http, AdminAuthenticator.JsonMediaType, async admin =>
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

        var before = await partners.GetAsync(id, cancellationToken);
        await partners.UpsertAsync(validation.Partner!, cancellationToken);
        var stored = await partners.GetAsync(id, cancellationToken) ?? validation.Partner!;
        // A PUT that changes nothing (the form saved as it was) is not a change.
        if (before is null || !before.HasSameRegistryFieldsAs(stored))
        {
            await changes.RecordAsync(before is null ? PartnerChangeActions.Created : PartnerChangeActions.Updated, admin.Name, before, stored, cancellationToken);
        }
        return Results.Json(PartnerView.Of(stored), WgeoJson.Options, statusCode: before is not null ? StatusCodes.Status200OK : StatusCodes.Status201Created);
    });

    /// <summary>Deletes a partner without open engagements (204). One with open engagements is refused (409): deleting it
    /// would lose the capacity the workflow holds; set <c>active</c> to false to stop new offers instead.</summary>
    public Task<IResult> DeleteAsync(HttpRequest http, string id, CancellationToken cancellationToken = default) =>
        ChangeAsync(http, AdminAuthenticator.JsonMediaType, async admin =>
    {
        var partner = IsPlausibleId(id) ? await partners.GetAsync(id, cancellationToken) : null;
        if (partner is null) return NoSuchPartner(id);
        if (partner.OpenEngagements > 0)
        {
            return Problems.Of(StatusCodes.Status409Conflict, "Partner has open engagements",
                $"{partner.Name} has {partner.OpenEngagements} open engagement(s). Set \"active\": false to stop new offers; delete it once they are closed.");
        }
        await partners.DeleteAsync(id, cancellationToken);
        await changes.RecordAsync(PartnerChangeActions.Deleted, admin.Name, partner, null, cancellationToken);
        // Its address stays in finished requests' timelines and mails until the retention period has passed since today.
        await removals.PartnerRemovedAsync(partner.Email, cancellationToken);
        return Results.NoContent();
    });

    /// <summary>Imports a CSV (text/csv, UTF-8): 200 with a report of every row; 400 when the file as a whole is refused.
    /// With <c>?dryRun=true</c> the same report, and nothing is written.</summary>
    public Task<IResult> ImportAsync(HttpRequest http, CancellationToken cancellationToken = default) => ChangeAsync(http, null, async admin =>
    {
        var dryRunText = http.Query["dryRun"].ToString().Trim().ToLowerInvariant();
        if (dryRunText is not ("" or "true" or "false"))
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["dryRun"] = [$"{Echo.Quoted(http.Query["dryRun"])} is not true or false."] });
        }
        var dryRun = dryRunText == "true";
        if (!RawBody.IsMediaType(http.ContentType, "text/csv"))
        {
            return Problems.Of(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type",
                "Send the partners as text/csv (UTF-8, header row: " + string.Join(",", PartnerCsvReader.RequiredColumns) + ",active,publishable).");
        }
        var body = await RawBody.ReadAsync(http, MaxImportBytes, cancellationToken);
        if (body is null) return TooLarge(MaxImportBytes);
        using var stream = new MemoryStream(body, writable: false);
        var (report, written) = await importer.RunAsync(stream, dryRun, cancellationToken);
        if (report.FileError is not null)
        {
            return Problems.Validation(new Dictionary<string, string[]> { ["file"] = [report.FileError] }, "The file was not imported.");
        }
        await changes.RecordManyAsync(PartnerChangeActions.Imported, admin.Name, written, cancellationToken);
        return Results.Json(new
        {
            dryRun,
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
    // The action is given who is acting: the change log records it.
    private Task<IResult> ChangeAsync(HttpRequest http, string? mediaType, Func<AdminIdentity, Task<IResult>> action) =>
        auth.RefuseChange(http, out var admin, mediaType) is { } refused ? Task.FromResult(refused) : RunAsync(() => action(admin!));

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

    private static JsonElement? ParseJson(string? json)
    {
        if (json is null) return null;
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static bool IsPlausibleId(string id) => !string.IsNullOrWhiteSpace(id) && id.Length <= 64;

    private static IResult NoSuchPartner(string id) => Problems.NotFound($"No partner has the id '{id}'.");

    private static IResult TooLarge(int limit) => Problems.Of(StatusCodes.Status413PayloadTooLarge, "Payload too large",
        $"The body may be at most {limit / 1024:N0} KiB.");
}
