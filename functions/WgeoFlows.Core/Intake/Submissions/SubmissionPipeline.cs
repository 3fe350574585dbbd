using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;

namespace WgeoFlows.Intake.Submissions;

/// <summary>
/// The one way into the system for a submission in the contract's JSON shape: validation (every bad field named),
/// then <see cref="SubmissionIntake"/> (dedupe, storage, orchestration). The signed webhook, the Typeform webhook and
/// the built-in form page each authenticate their caller and build this JSON, then all run it through here, so the
/// same rules, limits and deduplication hold whichever door a request comes through.
/// </summary>
public sealed class SubmissionPipeline(SubmissionIntake intake, IOptions<AttachmentOptions> attachments, IOptions<IntakeOptions> options)
{
    /// <param name="door">Where it came from: a public door's request waits for its requester's confirmation
    /// (<see cref="ConfirmationOptions"/>).</param>
    public async Task<IntakeOutcome> SubmitAsync(JsonElement submission, IntakeDoor door, DurableTaskClient durable,
        CancellationToken cancellationToken = default)
    {
        var validation = SubmissionValidator.Validate(submission, AttachmentLimits.From(attachments.Value));
        if (!validation.IsValid) return new IntakeOutcome.Invalid(validation.Errors);
        return await intake.AcceptAsync(validation.Submission, SubmissionFingerprint.Of(submission), options.Value.Confirmation.AppliesTo(door),
            durable, cancellationToken);
    }
}
