using Microsoft.AspNetCore.Http;
using WgeoFlows.Web;

namespace WgeoFlows.Intake.Submissions;

/// <summary>What became of one delivered submission, whichever door it came through (webhook, Typeform, form page).
/// Each door turns it into its own kind of answer: problem+json for machines, a page for people.</summary>
public abstract record IntakeOutcome
{
    /// <summary>Stored and started (<paramref name="Duplicate"/> false), or already stored earlier with the same body.</summary>
    public sealed record Accepted(string RequestId, string StatusUrl, bool Duplicate, string Status = "Received") : IntakeOutcome;

    /// <summary>Refused before anything was stored: the contact address has had its confirmation mails for today.</summary>
    public sealed record Limited(string Detail, TimeSpan RetryAfter) : IntakeOutcome;

    /// <summary>Refused before anything was stored; <paramref name="Errors"/> names every bad field by its contract path.</summary>
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : IntakeOutcome;

    /// <summary>The submission id was accepted before with a different body.</summary>
    public sealed record Conflict(string RequestId, string Detail) : IntakeOutcome;

    /// <summary>Storage or another delivery of the same submission did not finish in time: deliver again.</summary>
    public sealed record Unavailable(string Detail, TimeSpan RetryAfter) : IntakeOutcome;

    /// <summary>The contract's API answer (docs/integrators.md): 202, 200 duplicate, 400, 409, 429 or 503 with Retry-After.</summary>
    public IResult ToApiResult() => this switch
    {
        Accepted { Duplicate: true } a => Results.Json(new { requestId = a.RequestId, status = a.Status, statusUrl = a.StatusUrl, duplicate = true },
            statusCode: StatusCodes.Status200OK),
        Accepted a => Results.Json(new { requestId = a.RequestId, status = a.Status, statusUrl = a.StatusUrl },
            statusCode: StatusCodes.Status202Accepted),
        Invalid i => Problems.Validation(i.Errors.ToDictionary(e => e.Key, e => e.Value)),
        Conflict c => Problems.Of(StatusCodes.Status409Conflict, "Conflict", c.Detail),
        Unavailable u => Problems.Unavailable(u.Detail, u.RetryAfter),
        Limited l => Problems.TooManyRequests(l.Detail, l.RetryAfter),
        _ => throw new InvalidOperationException($"Unknown intake outcome {GetType().Name}."),
    };
}
