namespace WgeoFlows.Intake;

public enum SignatureStatus
{
    Valid,
    MissingSignature,
    MalformedSignature,
    BadSignature,
    MissingTimestamp,
    MalformedTimestamp,
    TimestampOutOfTolerance,
}

/// <summary>The outcome of <see cref="WebhookSignature.Verify"/>. <see cref="Message"/> says what is wrong in words a
/// form-service operator can act on; it never contains the secret or the expected signature.</summary>
public sealed record SignatureCheck(SignatureStatus Status, string Message)
{
    public bool IsValid => Status == SignatureStatus.Valid;
}
