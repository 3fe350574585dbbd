using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace WgeoFlows.Testing;

/// <summary>
/// Signs event posts as SendGrid's signed Event Webhook does: ECDSA P-256 with SHA-256 over the timestamp header followed
/// by the body, the signature base64 of its DER form; the verification key is base64 of the public key's DER
/// (SubjectPublicKeyInfo), as SendGrid shows it. A key pair made for this test run.
/// </summary>
public static class SendGridSigner
{
    private static readonly ECDsa Key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public static string PublicKey { get; } = Convert.ToBase64String(Key.ExportSubjectPublicKeyInfo());

    public static (string Signature, string Timestamp) Sign(string body, DateTimeOffset at)
    {
        var timestamp = at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Key.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
        return (Convert.ToBase64String(signature), timestamp);
    }

    /// <summary>A signature by another key: well-formed, but not SendGrid's.</summary>
    public static string SignWithAnotherKey(string body, string timestamp)
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(other.SignData(Encoding.UTF8.GetBytes(timestamp + body), HashAlgorithmName.SHA256,
            DSASignatureFormat.Rfc3279DerSequence));
    }
}
