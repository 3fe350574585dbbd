using System.Security.Cryptography;
using System.Text;

namespace WgeoFlows.Domain;

/// <summary>Request ids (reference numbers) such as <c>WG-7K3QZ-M2X9A</c>. The id is derived from the form's
/// submission id, not drawn at random, so that concurrent duplicate deliveries of one submission agree on one
/// request id, one orchestration instance and one acknowledgement. Crockford base32 has no I, L, O or U, so a
/// reference read aloud or copied by hand is not mistaken.</summary>
public static class RequestIds
{
    private const string Namespace = "wgeoflows/request-id/v1:";
    private const string CrockfordAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private const int Characters = 10; // 50 bits: a collision is unlikely before tens of millions of requests.

    public static string For(string submissionId)
    {
        ArgumentNullException.ThrowIfNull(submissionId);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(Namespace + submissionId));

        // The first 64 bits of the hash, read big-endian; the top 50 of them make the id.
        var bits = 0UL;
        for (var i = 0; i < 8; i++) bits = (bits << 8) | hash[i];

        Span<char> symbols = stackalloc char[Characters];
        for (var i = 0; i < Characters; i++)
            symbols[i] = CrockfordAlphabet[(int)((bits >> (64 - 5 * (i + 1))) & 0x1F)];

        return $"WG-{symbols[..5]}-{symbols[5..]}";
    }

    /// <summary>True when <paramref name="value"/> has the shape of a request id (upper case, no I/L/O/U).
    /// Lets routes refuse garbage before touching storage.</summary>
    public static bool IsWellFormed(string? value) =>
        value is { Length: 14 } && value.StartsWith("WG-", StringComparison.Ordinal) && value[8] == '-'
        && value.AsSpan(3, 5).IndexOfAnyExcept(CrockfordAlphabet) < 0
        && value.AsSpan(9, 5).IndexOfAnyExcept(CrockfordAlphabet) < 0;
}
