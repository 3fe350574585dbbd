using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using WgeoFlows.Shared;
using WgeoFlows.Storage.ChangeLog;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Review.Reviewers;

/// <summary>One reviewer as the admin API reads and writes it; absent fields are reported by the validator.</summary>
public sealed record ReviewerJson(string? Platform, int? Stage, string? Email, string? Name, string? Role);

/// <summary>The reviewer list as the admin API reads and writes it: <c>{ "reviewers": [ … ] }</c>.</summary>
public sealed record ReviewerListJson(IReadOnlyList<ReviewerJson?>? Reviewers);

/// <summary>
/// <c>GET /api/admin/reviewers</c> (every reviewer, by platform, stage and role), <c>PUT /api/admin/reviewers</c>
/// (replaces the whole list; the body has the GET's shape, so an admin can GET, edit and PUT back) and
/// <c>GET /api/admin/reviewers/changes</c> (the change log: one entry per platform a save changed, newest first).
/// A save that gives a platform a primary reviewer takes on its requests that waited for one.
/// </summary>
public sealed class ReviewersHandler(AdminAuthenticator auth, ReviewerStore reviewers, IContactRemovals removals, ChangeLogStore changes,
    BouncedAddresses bounced, WaitingForReviewer waiting, TimeProvider clock)
{
    private const int MaxBodyBytes = 1024 * 1024;
    public const int DefaultChangesPageSize = 50;

    public async Task<IResult> ListAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        if (auth.Authenticate(http) is null) return Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.");
        return ListResult(await reviewers.ListAllAsync(cancellationToken));
    }

    public async Task<IResult> ReplaceAsync(HttpRequest http, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        if (auth.RefuseChange(http, out var admin) is { } refused) return refused;
        if (http.ContentLength > MaxBodyBytes) return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Body too large");

        ReviewerListJson? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ReviewerListJson>(http.Body, WgeoJson.Options, cancellationToken);
        }
        catch (JsonException e)
        {
            return Invalid("body", $"The body is not a reviewer list: {e.Message}");
        }
        if (body?.Reviewers is null) return Invalid("reviewers", "The body must be { \"reviewers\": [ … ] }.");

        var list = body.Reviewers.Select(ToReviewer).ToList();
        var errors = ReviewerValidator.Validate(list);
        if (errors.Count > 0) return Problems.Validation(ByField(errors), "The reviewer list is not valid; nothing was changed.");
        var before = await reviewers.ListAllAsync(cancellationToken);
        await reviewers.ReplaceAllAsync(list.OfType<Reviewer>(), cancellationToken);
        var after = await reviewers.ListAllAsync(cancellationToken);
        // A reviewer no longer on any platform: their address leaves finished requests once the retention period has passed.
        foreach (var gone in before.Select(r => r.Email).Except(after.Select(r => r.Email), StringComparer.OrdinalIgnoreCase).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            await removals.ReviewerRemovedAsync(gone, cancellationToken);
            // An address that was replaced (corrected, or another person) no longer warns that the platform's mails bounce.
            await bounced.ForgetAsync(gone, cancellationToken);
        }

        var now = clock.GetUtcNow();
        var changed = ReviewerChanges.Between(before, after);
        foreach (var change in changed)
        {
            await changes.RecordAsync(ReviewerChanges.ToEntry(change, admin!.Name, now), cancellationToken);
        }
        // Only a platform this save changed can have gained a primary reviewer; its waiting requests go on for them.
        var staffed = after.Where(r => r.Role == ReviewerRole.Primary).Select(r => r.Platform)
            .Intersect(changed.Select(c => c.Platform), StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var takenOn = await waiting.TakeOnAsync(staffed, admin!.Name, durable, cancellationToken);
        return ListResult(after, takenOn);
    }

    /// <summary>The reviewers' change log, newest first: who, when, which platform, and its reviewers before and after.</summary>
    public async Task<IResult> ChangesAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        if (auth.Authenticate(http) is null) return Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.");
        var pageSizeText = http.Query["pageSize"].ToString();
        var pageSize = DefaultChangesPageSize;
        if (pageSizeText.Length > 0 && (!int.TryParse(pageSizeText, out pageSize) || pageSize < 1 || pageSize > ChangeLogStore.MaxPageSize))
        {
            return Invalid("pageSize", $"pageSize must be a whole number from 1 to {ChangeLogStore.MaxPageSize}.");
        }
        var continuation = http.Query["continuation"].ToString();
        if (continuation.Length > 1024) return Invalid("continuation", "This continuation token is not one this API gave.");
        (IReadOnlyList<ChangeEntry> Items, string? Continuation) page;
        try
        {
            page = await changes.ListAsync(ChangeSubjects.Reviewers, null, pageSize, continuation.Length == 0 ? null : continuation, cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or FormatException or ArgumentException)
        {
            return Invalid("continuation", "This continuation token is not one this API gave.");
        }
        return Results.Json(new
        {
            items = page.Items.Select(c => new
            {
                platform = c.SubjectId,
                action = c.Action,
                actor = c.Actor,
                at = c.At,
                before = ParseList(c.Before),
                after = ParseList(c.After),
            }),
            continuation = page.Continuation,
        }, WgeoJson.Options);
    }

    /// <summary>A logged list of reviewers, or an empty one for "none" (before an addition, after a removal).</summary>
    private static JsonElement ParseList(string? json)
    {
        using var doc = JsonDocument.Parse(string.IsNullOrEmpty(json) ? "[]" : json);
        return doc.RootElement.Clone();
    }

    /// <summary>Stage defaults to 1 ("a configurable sequence of stages, default one"); an unknown role stays invalid.</summary>
    private static Reviewer? ToReviewer(ReviewerJson? r) => r is null ? null : new Reviewer(
        r.Platform ?? "", r.Stage ?? 1, r.Email ?? "", r.Name ?? "",
        r.Role?.ToLowerInvariant() switch { "primary" => ReviewerRole.Primary, "backup" => ReviewerRole.Backup, _ => (ReviewerRole)(-1) });

    /// <summary>The validator names each problem "field: message"; problem+json wants them by field.</summary>
    private static Dictionary<string, string[]> ByField(IEnumerable<string> errors) =>
        errors.Select(e => e.Split(": ", 2))
            .GroupBy(parts => parts.Length == 2 ? parts[0] : "reviewers", parts => parts[^1])
            .ToDictionary(g => g.Key, g => g.ToArray());

    private static IResult ListResult(IEnumerable<Reviewer> list) => Results.Json(new
    {
        reviewers = list.Select(r => new { platform = r.Platform, stage = r.Stage, email = r.Email, name = r.Name, role = r.Role.ToString().ToLowerInvariant() }),
    }, WgeoJson.Options);

    /// <summary>After a save: the list, and the waiting requests it took on (an optional addition to the GET's shape).</summary>
    private static IResult ListResult(IEnumerable<Reviewer> list, IReadOnlyList<string> takenOn) => Results.Json(new
    {
        reviewers = list.Select(r => new { platform = r.Platform, stage = r.Stage, email = r.Email, name = r.Name, role = r.Role.ToString().ToLowerInvariant() }),
        takenOn,
    }, WgeoJson.Options);

    private static IResult Invalid(string field, string message) =>
        Problems.Validation(new Dictionary<string, string[]> { [field] = [message] });
}
