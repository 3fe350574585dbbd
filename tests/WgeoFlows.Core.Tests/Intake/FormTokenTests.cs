using WgeoFlows.Intake.Form;

namespace WgeoFlows.Tests.Intake;

public class FormTokenTests
{
    private const string Key = "link-signing-key";
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);
    private static readonly string Cookie = FormToken.NewRandom();

    [Fact]
    public void A_token_read_back_in_the_same_browser_before_expiry_is_valid_and_carries_its_nonce()
    {
        var token = FormToken.Issue(Key, Cookie, Now);

        FormToken.Read(token, Key, Cookie, Now.AddHours(1), out var claims).ShouldBe(FormTokenCheck.Valid);
        claims!.Nonce.Length.ShouldBe(22);
    }

    [Fact]
    public void Every_issued_token_has_its_own_nonce()
    {
        FormToken.Read(FormToken.Issue(Key, Cookie, Now), Key, Cookie, Now, out var a);
        FormToken.Read(FormToken.Issue(Key, Cookie, Now), Key, Cookie, Now, out var b);
        a!.Nonce.ShouldNotBe(b!.Nonce);
    }

    [Fact]
    public void A_token_is_refused_without_its_browsers_cookie() =>
        FormToken.Read(FormToken.Issue(Key, Cookie, Now), Key, FormToken.NewRandom(), Now, out _).ShouldBe(FormTokenCheck.OtherBrowser);

    [Fact]
    public void A_token_with_no_cookie_at_all_is_refused() =>
        FormToken.Read(FormToken.Issue(Key, Cookie, Now), Key, null, Now, out _).ShouldBe(FormTokenCheck.OtherBrowser);

    [Fact]
    public void An_old_token_has_expired() =>
        FormToken.Read(FormToken.Issue(Key, Cookie, Now), Key, Cookie, Now + FormToken.Lifetime, out _).ShouldBe(FormTokenCheck.Expired);

    [Fact]
    public void A_token_whose_claims_were_changed_is_tampered()
    {
        var token = FormToken.Issue(Key, Cookie, Now);
        var forged = FormToken.Sign(new FormClaims("chosen-nonce", FormToken.BrowserHash(Cookie), Now.AddYears(1).ToUnixTimeSeconds()), "other-key");
        FormToken.Read(forged[..forged.IndexOf('.')] + token[token.IndexOf('.')..], Key, Cookie, Now, out _).ShouldBe(FormTokenCheck.Tampered);
        FormToken.Read(forged, Key, Cookie, Now, out _).ShouldBe(FormTokenCheck.Tampered);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("a.b.c")]
    [InlineData("!!!.???")]
    public void Garbage_is_malformed(string? token) => FormToken.Read(token, Key, Cookie, Now, out _).ShouldBe(FormTokenCheck.Malformed);

    [Fact]
    public void An_emailed_link_token_signed_with_the_same_key_is_no_form_token()
    {
        var link = WgeoFlows.Links.LinkToken.Sign(new WgeoFlows.Links.LinkClaims("review", "WG-AAAAA-AAAAA", "p@example.org", "s", Now.AddDays(1).ToUnixTimeSeconds()), Key);
        FormToken.Read(link, Key, Cookie, Now, out _).ShouldBe(FormTokenCheck.Tampered);
    }
}
