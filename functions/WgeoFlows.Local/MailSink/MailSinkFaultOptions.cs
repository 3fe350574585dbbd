namespace WgeoFlows.Local.MailSink;

/// <summary>
/// <c>MailSink:Faults:*</c>: makes the local mail sink misbehave on purpose, as SendGrid sometimes does, so that a developer
/// (or the mail-fault suite) can watch retries, backoff and duplicates. Off unless <see cref="Share"/> is above zero.
/// </summary>
public sealed class MailSinkFaultOptions
{
    public const string Section = "MailSink:Faults";

    /// <summary>The share of mail/send calls that fail, from 0 (never) to 1 (always).</summary>
    public double Share { get; set; }

    /// <summary>Which faults, comma-separated names of <see cref="MailSinkFault"/>; a failing call gets one of them.</summary>
    public string Kinds { get; set; } = string.Join(',', Enum.GetNames<MailSinkFault>());

    /// <summary>How long a hanging call hangs (it ends sooner when the client gives up). Longer than any client timeout.</summary>
    public TimeSpan HangFor { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The Retry-After of a 429 answer.</summary>
    public TimeSpan RetryAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Which calls fail follows from the seed and the mail (request id, message key, how many times it came):
    /// the same seed and the same mails give the same faults, however calls interleave.</summary>
    public int Seed { get; set; }

    public IReadOnlyList<MailSinkFault> ValidatedKinds()
    {
        var kinds = new List<MailSinkFault>();
        foreach (var name in Kinds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<MailSinkFault>(name, ignoreCase: true, out var kind) || !Enum.IsDefined(kind))
            {
                throw new InvalidOperationException(
                    $"{Section}:Kinds names '{name}', which is not one of {string.Join(", ", Enum.GetNames<MailSinkFault>())}.");
            }
            kinds.Add(kind);
        }
        if (Share is < 0 or > 1) throw new InvalidOperationException($"{Section}:Share must be between 0 and 1, not {Share}.");
        if (Share > 0 && kinds.Count == 0) throw new InvalidOperationException($"{Section}:Kinds names no fault while {Section}:Share is {Share}.");
        return kinds;
    }
}

/// <summary>The ways the sink fails a call.</summary>
public enum MailSinkFault
{
    /// <summary>429 with Retry-After; nothing stored.</summary>
    TooManyRequests,
    /// <summary>500; nothing stored.</summary>
    ServerError,
    /// <summary>Hangs before accepting: the client times out and nothing is stored.</summary>
    HangBeforeAccept,
    /// <summary>Stores the mail, then hangs: the client times out and sends again, so the mail arrives twice.</summary>
    AcceptThenHang,
}
