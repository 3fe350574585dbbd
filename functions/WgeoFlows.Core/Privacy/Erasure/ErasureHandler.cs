using System.Net.Mail;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Privacy.Audit;
using WgeoFlows.Privacy.ChangeLog;
using WgeoFlows.Shared;
using WgeoFlows.Storage;
using WgeoFlows.Web;
using WgeoFlows.Web.AdminAuth;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Privacy.Erasure;

/// <summary>
/// The admin's erasures: <c>POST /api/admin/requests/{id}/erase</c> (through the admin actions, which have checked the admin,
/// the media type and the request) and <c>POST /api/admin/people/erase</c>. Both answer 200 with what was erased; an erased
/// request erased again answers 200 with counts of zero and <c>alreadyErased</c>, so a script may retry freely. Refusals are
/// problem+json and erase nothing: 400 (reason, email), 404 (no such request), 415 and 403 (the admin change guard), 503 with
/// Retry-After when a workflow did not stop in time (run it again).
/// </summary>
public sealed class ErasureHandler(
    AdminAuthenticator auth,
    RequestEraser eraser,
    RequestStore requests,
    RequestsByContactEmail finder,
    ConfirmationQuota quota,
    AuditStore audit,
    ChangeLogRows changeLog,
    TimeProvider clock)
{
    public const int MaxBodyBytes = 16 * 1024;
    public const int MaxEmailLength = 254;

    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(30);

    /// <summary>Erases one request; the caller has authenticated the admin and knows the request exists.</summary>
    public async Task<IResult> EraseRequestAsync(string requestId, string? reason, AdminIdentity admin, DurableTaskClient durable,
        CancellationToken cancellationToken = default)
    {
        if (ReasonError(reason) is { } invalid) return invalid;
        try
        {
            var erased = await eraser.EraseAsync(requestId, new ErasureCause(admin.Name, PersonRoles.Admin, AuditActions.EraseRequest, reason!),
                durable, cancellationToken);
            return erased is null ? Problems.NotFound($"No request has the id {requestId}.") : Results.Json(View(erased), WgeoJson.Options);
        }
        catch (ErasureIncompleteException e)
        {
            return Problems.Unavailable(e.Message, RetryAfter);
        }
    }

    /// <summary>Erases every request whose contact is <c>email</c> (compared lower case), and that address's confirmation
    /// counts, and replaces the address by its role in the admins' change log; one audit entry for all of them, holding the
    /// requests' ids but not the address.</summary>
    public async Task<IResult> ErasePersonAsync(HttpRequest http, DurableTaskClient durable, CancellationToken cancellationToken = default)
    {
        if (auth.RefuseChange(http, out var admin) is { } refused) return refused;
        var (body, bodyError) = await ReadBodyAsync(http, cancellationToken);
        if (bodyError is not null) return bodyError;
        var email = StringField(body, "email")?.Trim();
        var reason = StringField(body, "reason");
        var errors = new Dictionary<string, string[]>();
        if (!IsAddress(email))
        {
            errors["email"] = [$"Give the person's email address (at most {MaxEmailLength} characters): {{ \"email\": \"name@example.org\", \"reason\": \"…\" }}."];
        }
        if (ReasonMessage(reason) is { } reasonMessage) errors["reason"] = [reasonMessage];
        if (errors.Count > 0) return Problems.Validation(errors, "Nothing was erased.");

        var address = email!.ToLowerInvariant();
        var ids = await finder.FindAsync(address, cancellationToken);
        var personal = new List<string?> { address };
        foreach (var id in ids)
        {
            if (await requests.GetAsync(id, cancellationToken) is { } stored) personal.Add(stored.Request.Contact.Name);
        }
        var cause = new ErasureCause(admin!.Name, PersonRoles.Admin, AuditActions.ErasePerson, ErasureReason.Clean(reason!, personal), Audit: false);
        var done = new List<RequestErasure>();
        try
        {
            foreach (var id in ids)
            {
                if (await eraser.EraseAsync(id, cause, durable, cancellationToken) is { } erased) done.Add(erased);
            }
        }
        catch (ErasureIncompleteException e)
        {
            // The requests erased so far stay erased; the same call again finishes the others.
            return Problems.Unavailable($"{e.Message} {done.Count} of {ids.Count} request(s) were erased; send the same erasure again.", RetryAfter);
        }
        // The admins' change log of partners and reviewers keeps who changed what; the person's address in it becomes their
        // role there (a partner's, a reviewer's, or the admin's who made the change).
        var changesRewritten = await changeLog.RewriteAsync(subject => new AddressRewrite(address, ChangeLogRows.RoleIn(subject)),
            new AddressRewrite(address, PersonRoles.Admin), cancellationToken);
        var total = done.Aggregate(ErasureCounts.Deleted(await quota.ForgetAsync(address, cancellationToken)) + ErasureCounts.Changed(changesRewritten),
            (sum, d) => sum + d.Erased);
        var now = clock.GetUtcNow();
        await audit.AddAsync(new AuditEntry($"person|{now.UtcTicks}|{Guid.NewGuid():N}", now, admin.Name, AuditActions.ErasePerson, cause.Reason,
            [.. done.Select(d => d.RequestId)], total), cancellationToken);
        return Results.Json(new { requests = done.Select(View), erased = total }, WgeoJson.Options);
    }

    private static object View(RequestErasure e) => new
    {
        requestId = e.RequestId,
        action = AdminActions.Erase,
        status = e.Status.ToString(),
        erasedAt = e.ErasedAt,
        alreadyErased = e.AlreadyErased,
        erased = e.Erased,
    };

    private static IResult? ReasonError(string? reason) =>
        ReasonMessage(reason) is { } message ? Problems.Validation(new Dictionary<string, string[]> { ["reason"] = [message] }, "Nothing was erased.") : null;

    private static string? ReasonMessage(string? reason) =>
        string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > ErasureReason.MaxLength
            ? $"Give the reason for the erasure, without the person's name or address (1 to {ErasureReason.MaxLength} characters): {{ \"reason\": \"…\" }}."
            : null;

    /// <summary>One plain address, as intake accepts a contact's: no display name, no spaces, a dotted domain.</summary>
    private static bool IsAddress(string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxEmailLength || text.Any(char.IsWhiteSpace)) return false;
        if (!MailAddress.TryCreate(text, out var address) || address.Address != text) return false;
        var domain = address.Host;
        return domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.');
    }

    private static async Task<(JsonElement? Body, IResult? Error)> ReadBodyAsync(HttpRequest http, CancellationToken cancellationToken)
    {
        var bytes = await RawBody.ReadAsync(http, MaxBodyBytes, cancellationToken);
        if (bytes is null) return (null, Problems.Of(StatusCodes.Status413PayloadTooLarge, "Body too large", $"The body is at most {MaxBodyBytes} bytes."));
        try
        {
            using var doc = JsonDocument.Parse(bytes);
            if (doc.RootElement.ValueKind != JsonValueKind.Object) return (null, Invalid("body", "The body must be a JSON object."));
            return (doc.RootElement.Clone(), null);
        }
        catch (JsonException)
        {
            return (null, Invalid("body", "The body is not valid JSON."));
        }
    }

    private static string? StringField(JsonElement? body, string name) =>
        body is { } b && b.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static IResult Invalid(string field, string message) =>
        Problems.Validation(new Dictionary<string, string[]> { [field] = [message] }, "Nothing was erased.");
}
