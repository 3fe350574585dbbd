using System.Security.Cryptography;
using System.Text;
using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Intake;

public class WebhookSignatureTests
{
    private const string Secret = "test-webhook-secret";
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"submissionId":"form-1"}""");
    private static readonly string Timestamp = Now.ToUnixTimeSeconds().ToString();

    private static SignatureCheck Verify(string? timestamp, string? signature, byte[]? body = null, string secret = Secret) =>
        WebhookSignature.Verify(secret, timestamp, signature, body ?? Body, Now, Tolerance);

    [Fact]
    public void Computes_the_contract_signature_over_timestamp_dot_body()
    {
        var expected = "sha256=" + Convert.ToHexStringLower(
            HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(Timestamp + ".").Concat(Body).ToArray()));

        WebhookSignature.Compute(Secret, Timestamp, Body).ShouldBe(expected);
    }

    [Fact]
    public void Matches_a_signature_computed_independently_with_openssl() =>
        // printf '1700000000.{}' | openssl dgst -sha256 -hmac key
        WebhookSignature.Compute("key", "1700000000", "{}"u8)
            .ShouldBe("sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae");

    [Fact]
    public void Accepts_a_correctly_signed_delivery()
    {
        var check = Verify(Timestamp, WebhookSignature.Compute(Secret, Timestamp, Body));

        check.Status.ShouldBe(SignatureStatus.Valid);
        check.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Accepts_upper_case_hex_and_surrounding_spaces() =>
        Verify($" {Timestamp} ", " sha256=" + WebhookSignature.Compute(Secret, Timestamp, Body)[7..].ToUpperInvariant() + " ")
            .Status.ShouldBe(SignatureStatus.Valid);

    [Fact]
    public void Refuses_a_body_changed_after_signing()
    {
        var signature = WebhookSignature.Compute(Secret, Timestamp, Body);

        Verify(Timestamp, signature, Encoding.UTF8.GetBytes("""{"submissionId":"form-2"}""")).Status.ShouldBe(SignatureStatus.BadSignature);
    }

    [Fact]
    public void Refuses_a_signature_made_with_another_secret() =>
        Verify(Timestamp, WebhookSignature.Compute("another-secret", Timestamp, Body)).Status.ShouldBe(SignatureStatus.BadSignature);

    [Fact]
    public void Refuses_a_signature_moved_to_another_timestamp()
    {
        var otherTimestamp = (Now.ToUnixTimeSeconds() - 10).ToString();

        Verify(otherTimestamp, WebhookSignature.Compute(Secret, Timestamp, Body)).Status.ShouldBe(SignatureStatus.BadSignature);
    }

    [Fact]
    public void Refuses_everything_when_no_secret_is_configured() =>
        Verify(Timestamp, WebhookSignature.Compute("", Timestamp, Body), secret: "").Status.ShouldBe(SignatureStatus.BadSignature);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Reports_a_missing_signature(string? signature) =>
        Verify(Timestamp, signature).Status.ShouldBe(SignatureStatus.MissingSignature);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Reports_a_missing_timestamp(string? timestamp) =>
        Verify(timestamp, WebhookSignature.Compute(Secret, Timestamp, Body)).Status.ShouldBe(SignatureStatus.MissingTimestamp);

    [Theory]
    [InlineData("yesterday")]
    [InlineData("1700000000.5")]
    [InlineData("-1700000000")]
    [InlineData("+1700000000")]
    [InlineData("2026-03-01T12:00:00Z")]
    [InlineData("99999999999999999999999")]
    [InlineData("１７００００００００")]
    public void Reports_a_timestamp_that_is_not_unix_seconds(string timestamp) =>
        Verify(timestamp, WebhookSignature.Compute(Secret, timestamp, Body)).Status.ShouldBe(SignatureStatus.MalformedTimestamp);

    [Theory]
    [InlineData("abc")]
    [InlineData("sha1=0123456789abcdef0123456789abcdef01234567")]
    [InlineData("sha256=")]
    [InlineData("sha256=xyz")]
    [InlineData("SHA256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    [InlineData("sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde")]
    [InlineData("sha256=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdefab")]
    [InlineData("sha256=g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Reports_a_signature_that_is_not_sha256_hex(string signature) =>
        Verify(Timestamp, signature).Status.ShouldBe(SignatureStatus.MalformedSignature);

    [Theory]
    [InlineData(-301)]
    [InlineData(301)]
    [InlineData(-86_400)]
    public void Refuses_a_timestamp_more_than_the_tolerance_from_the_clock(int offsetSeconds)
    {
        var timestamp = (Now.ToUnixTimeSeconds() + offsetSeconds).ToString();

        var check = Verify(timestamp, WebhookSignature.Compute(Secret, timestamp, Body));

        check.Status.ShouldBe(SignatureStatus.TimestampOutOfTolerance);
        check.Message.ShouldContain("5 minutes");
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public void Accepts_a_timestamp_exactly_at_the_tolerance(int offsetSeconds)
    {
        var timestamp = (Now.ToUnixTimeSeconds() + offsetSeconds).ToString();

        Verify(timestamp, WebhookSignature.Compute(Secret, timestamp, Body)).Status.ShouldBe(SignatureStatus.Valid);
    }

    [Fact]
    public void Never_reveals_the_expected_signature_in_its_message()
    {
        var expected = WebhookSignature.Compute(Secret, Timestamp, Body);

        var check = Verify(Timestamp, "sha256=" + new string('0', 64));

        check.Message.ShouldNotContain(expected[7..]);
        check.Message.ShouldNotContain(Secret);
    }

    [Fact]
    public void Never_throws_on_arbitrary_header_values()
    {
        string?[] values = [null, "", " ", "sha256=", "\0", "sha256=\u00e9\u00e9", new string('9', 10_000), "0", "sha256=" + new string('a', 64)];
        foreach (var timestamp in values)
            foreach (var signature in values)
                Should.NotThrow(() => WebhookSignature.Verify(Secret, timestamp, signature, ReadOnlySpan<byte>.Empty, Now, Tolerance));
    }
}
