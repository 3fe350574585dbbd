using WgeoFlows.Links;

namespace WgeoFlows.Tests.Links;

public sealed class LinkTokenTests
{
    private const string Key = "test-signing-key";
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly LinkClaims Claims = new(LinkKinds.Review, "WG-AAAAA-BBBBB", "lead@example.org", "review-1-r0",
        Now.AddDays(1).ToUnixTimeSeconds());

    [Fact]
    public void A_signed_token_reads_back_its_claims()
    {
        var token = LinkToken.Sign(Claims, Key);
        LinkToken.Read(token, LinkKind.Review, Key, Now, out var read).ShouldBe(LinkTokenCheck.Valid);
        read.ShouldBe(Claims);
    }

    [Fact]
    public void A_token_with_any_changed_character_is_tampered_or_malformed()
    {
        var token = LinkToken.Sign(Claims, Key);
        for (var i = 0; i < token.Length; i++)
        {
            if (token[i] == '.') continue;
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            LinkToken.Read(changed, LinkKind.Review, Key, Now, out _).ShouldBeOneOf(LinkTokenCheck.Tampered, LinkTokenCheck.Malformed);
        }
    }

    [Fact]
    public void A_token_signed_with_another_key_is_tampered() =>
        LinkToken.Read(LinkToken.Sign(Claims, "another-key"), LinkKind.Review, Key, Now, out _).ShouldBe(LinkTokenCheck.Tampered);

    [Fact]
    public void A_token_past_its_expiry_is_expired() =>
        LinkToken.Read(LinkToken.Sign(Claims, Key), LinkKind.Review, Key, Now.AddDays(2), out _).ShouldBe(LinkTokenCheck.Expired);

    [Fact]
    public void A_review_token_does_not_open_an_offer_page() =>
        LinkToken.Read(LinkToken.Sign(Claims, Key), LinkKind.Offer, Key, Now, out _).ShouldBe(LinkTokenCheck.WrongKind);

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData(".onlysignature")]
    [InlineData("!!!.???")]
    public void Garbage_is_malformed_and_never_throws(string token) =>
        LinkToken.Read(token, LinkKind.Review, Key, Now, out _).ShouldBe(LinkTokenCheck.Malformed);

    [Fact]
    public void An_oversized_token_is_refused_before_any_work() =>
        LinkToken.Read(new string('a', 5000) + ".b", LinkKind.Review, Key, Now, out _).ShouldBe(LinkTokenCheck.Malformed);
}
