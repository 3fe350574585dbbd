using System.Security.Cryptography;
using System.Text;
using WgeoFlows.Intake.Typeform;

namespace WgeoFlows.Tests.Intake;

public class TypeformSignatureTests
{
    private const string Secret = "typeform-secret";
    private static readonly byte[] Body = """{"event_id":"x","form_response":{}}"""u8.ToArray();

    [Fact]
    public void The_signature_is_sha256_and_the_base64_HMAC_of_the_raw_body() =>
        TypeformSignature.Compute(Secret, Body).ShouldBe("sha256=" + Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Body)));

    [Fact]
    public void A_matching_signature_is_valid() =>
        TypeformSignature.IsValid(Secret, TypeformSignature.Compute(Secret, Body), Body).ShouldBeTrue();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha256=not base64!")]
    [InlineData("sha1=AAAA")]
    [InlineData("sha256=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    public void A_missing_malformed_or_wrong_signature_is_refused(string? header) =>
        TypeformSignature.IsValid(Secret, header, Body).ShouldBeFalse();

    [Fact]
    public void A_signature_over_another_body_or_with_another_secret_is_refused()
    {
        TypeformSignature.IsValid(Secret, TypeformSignature.Compute(Secret, "{}"u8), Body).ShouldBeFalse();
        TypeformSignature.IsValid(Secret, TypeformSignature.Compute("other", Body), Body).ShouldBeFalse();
    }

    [Fact]
    public void Nothing_is_valid_when_no_secret_is_configured() =>
        TypeformSignature.IsValid("", TypeformSignature.Compute("", Body), Body).ShouldBeFalse();
}
