using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace WgeoFlows.Local.MailSink;

/// <summary>
/// Decides which mail/send calls the sink fails (see <see cref="MailSinkFaultOptions"/>) and counts what it did, for
/// <c>GET /dev/mail/faults</c>.
/// </summary>
public sealed class MailSinkFaults
{
    private readonly MailSinkFaultOptions _options;
    private readonly IReadOnlyList<MailSinkFault> _kinds;
    private readonly ILogger<MailSinkFaults> _logger;
    private readonly ConcurrentDictionary<string, int> _callsPerMail = new(StringComparer.Ordinal);
    private readonly long[] _faults = new long[Enum.GetValues<MailSinkFault>().Length];
    private long _calls;
    private long _stored;

    public MailSinkFaults(IOptions<MailSinkFaultOptions> options, ILogger<MailSinkFaults> logger)
    {
        _options = options.Value;
        _kinds = _options.ValidatedKinds();
        _logger = logger;
    }

    public MailSinkFaultOptions Options => _options;

    /// <summary>Counts a call for the mail <paramref name="mailIdentity"/> and says how to fail it, or null to accept it.</summary>
    public MailSinkFault? Decide(string mailIdentity)
    {
        Interlocked.Increment(ref _calls);
        var call = _callsPerMail.AddOrUpdate(mailIdentity, 1, (_, n) => n + 1);
        if (_options.Share <= 0) return null;

        // A hash rather than a shared Random: which call fails depends on the seed and the mail, not on how
        // concurrent calls happened to interleave, so a run can be repeated.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{_options.Seed}|{mailIdentity}|{call}"));
        var draw = BitConverter.ToUInt64(hash, 0) / (ulong.MaxValue + 1.0);
        if (draw >= _options.Share) return null;

        var kind = _kinds[(int)(BitConverter.ToUInt64(hash, 8) % (ulong)_kinds.Count)];
        Interlocked.Increment(ref _faults[(int)kind]);
        _logger.LogInformation("Mail sink fault {Fault} on call {Call} of {Mail}", kind, call, mailIdentity);
        return kind;
    }

    public void CountStored() => Interlocked.Increment(ref _stored);

    public MailSinkFaultCounts Counts() => new(
        _options.Share,
        _options.Seed,
        Interlocked.Read(ref _calls),
        Interlocked.Read(ref _stored),
        Enum.GetValues<MailSinkFault>().ToDictionary(k => k.ToString(), k => Interlocked.Read(ref _faults[(int)k])));
}

/// <summary>What the sink did since it started: calls that reached it, calls whose mail it stored, and faults by kind.</summary>
public sealed record MailSinkFaultCounts(double Share, int Seed, long Calls, long Stored, IReadOnlyDictionary<string, long> Faults);
