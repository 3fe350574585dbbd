using System.Text.Json;
using Microsoft.AspNetCore.Http;
using WgeoFlows.Shared;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Review.Reviewers;

/// <summary>One reviewer as the admin API reads and writes it; absent fields are reported by the validator.</summary>
public sealed record ReviewerJson(string? Platform, int? Stage, string? Email, string? Name, string? Role);

/// <summary>The reviewer list as the admin API reads and writes it: <c>{ "reviewers": [ … ] }</c>.</summary>
public sealed record ReviewerListJson(IReadOnlyList<ReviewerJson?>? Reviewers);

/// <summary>
/// <c>GET /api/admin/reviewers</c> (every reviewer, by platform, stage and role) and <c>PUT /api/admin/reviewers</c>
/// (replaces the whole list; the body has the GET's shape, so an admin can GET, edit and PUT back).
/// </summary>
public sealed class ReviewersHandler(AdminAuthenticator auth, ReviewerStore reviewers, IContactRemovals removals)
{
    private const int MaxBodyBytes = 1024 * 1024;

    public async Task<IResult> ListAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        if (auth.Authenticate(http) is null) return Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.");
        return ListResult(await reviewers.ListAllAsync(cancellationToken));
    }

    public async Task<IResult> ReplaceAsync(HttpRequest http, CancellationToken cancellationToken = default)
    {
        if (auth.RefuseChange(http, out _) is { } refused) return refused;
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
        }
        return ListResult(after);
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

    private static IResult Invalid(string field, string message) =>
        Problems.Validation(new Dictionary<string, string[]> { [field] = [message] });
}
