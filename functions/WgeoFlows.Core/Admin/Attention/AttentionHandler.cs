using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using WgeoFlows.RequestIndex;
using WgeoFlows.Shared;
using WgeoFlows.Storage;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Admin.Attention;

/// <summary>
/// <c>GET /api/admin/attention</c>: everything an admin must act on, as one list (<see cref="AttentionReader"/>).
/// <c>POST /api/admin/requests/{id}/flags/{kind}/clear</c> (<c>{}</c>): an admin has dealt with a flag (a bounced mail
/// answered by other means); the flag goes and the request's timeline records who cleared it. Clearing a flag that is not
/// raised answers 200 with <c>cleared: false</c> and records nothing, so a retried click changes nothing.
/// </summary>
public sealed class AttentionHandler(AdminAuthenticator auth, AttentionReader reader, AdminFlagStore flags, RequestStore requests,
    TimelineStore timeline, TimeProvider clock)
{
    public const int MaxBodyBytes = 4 * 1024;

    /// <summary>The flag kinds an admin may clear.</summary>
    public static readonly IReadOnlyList<string> ClearableKinds = [AdminFlagStore.MailUndelivered, AdminFlagStore.ReviewerMissing];

    public async Task<IResult> ListAsync(HttpRequest http, DurableTaskClient? durable, CancellationToken cancellationToken = default)
    {
        if (auth.Authenticate(http) is null) return Problems.Unauthorized("An admin key or the Wgeo.Admin role is required.");
        return Results.Json(await reader.ReadAsync(durable, cancellationToken), WgeoJson.Options);
    }

    public async Task<IResult> ClearFlagAsync(HttpRequest http, string requestId, string kind, CancellationToken cancellationToken = default)
    {
        if (auth.RefuseChange(http, out var admin) is { } refusal) return refusal;
        if (!ClearableKinds.Contains(kind, StringComparer.Ordinal))
        {
            return Problems.NotFound($"Unknown flag {Echo.Quoted(kind)}. Use {string.Join(" or ", ClearableKinds)}.");
        }
        if (string.IsNullOrWhiteSpace(requestId) || requestId.Length > 64) return Problems.NotFound("No request has this id.");
        if (await BodyErrorAsync(http, cancellationToken) is { } bodyError) return bodyError;
        if (await requests.GetAsync(requestId, cancellationToken) is null) return Problems.NotFound($"No request has the id {requestId}.");

        var cleared = await flags.ClearAsync(requestId, kind, cancellationToken);
        if (cleared)
        {
            var now = clock.GetUtcNow();
            await timeline.AppendAsync(new TimelineEntry(requestId, $"admin|{now.UtcTicks:D19}|clear-flag", admin!.Name,
                "admin action: clear flag", $"{kind} marked as dealt with", now), cancellationToken);
        }
        return Results.Json(new { requestId, kind, cleared }, WgeoJson.Options);
    }

    /// <summary>The body is optional; when there is one it must be a small JSON object (the dashboard sends <c>{}</c>).</summary>
    private static async Task<IResult?> BodyErrorAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        if (http.ContentLength is 0 || (http.ContentLength is null && !http.Headers.ContainsKey("Transfer-Encoding"))) return null;
        var bytes = await RawBody.ReadAsync(http, MaxBodyBytes, cancellationToken);
        if (bytes is null) return Problems.Of(StatusCodes.Status413PayloadTooLarge, "Body too large", $"At most {MaxBodyBytes} bytes.");
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            return doc.RootElement.ValueKind == JsonValueKind.Object ? null : Invalid("The body must be a JSON object: {}.");
        }
        catch (JsonException)
        {
            return Invalid("The body is not valid JSON.");
        }
    }

    private static IResult Invalid(string message) => Problems.Validation(new Dictionary<string, string[]> { ["body"] = [message] });
}
