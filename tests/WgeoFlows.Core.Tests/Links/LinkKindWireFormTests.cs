using System.Text.Json;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Hosting;
using WgeoFlows.Intake;
using WgeoFlows.Links;
using WgeoFlows.Telemetry;

namespace WgeoFlows.Tests.Links;

/// <summary>
/// Link kinds are an enum in code and the same words outside it: links already emailed (their path and their token's kind claim)
/// keep working, and links issued now are the same bytes as before. The tokens below were issued by the code that passed kinds
/// around as strings, with the key, base URL, person, stage and time given here.
/// </summary>
public sealed class LinkKindWireFormTests
{
    private const string Key = "wire-form-test-key";
    private const string BaseUrl = "https://wgeo.example.org";
    private const string RequestId = "WG-AAAAA-BBBBB";
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Each kind, its word, and a token issued for it before the enum (person Lead@Example.org, stage "{word}-1").</summary>
    private static readonly Dictionary<LinkKind, (string Word, string Token)> IssuedBefore = new()
    {
        [LinkKind.Review] = ("review",
            "eyJrIjoicmV2aWV3IiwiciI6IldHLUFBQUFBLUJCQkJCIiwicCI6ImxlYWRAZXhhbXBsZS5vcmciLCJzIjoicmV2aWV3LTEiLCJlIjoxNzk4MzcyODAwLCJFeHBpcmVzQXQiOiIyMDI2"
            + "LTEyLTI3VDEyOjAwOjAwKzAwOjAwIn0.kEPOSdxLk6OgE2J3X47iqm0kz49Ur9OFh_yUeujNRwc"),
        [LinkKind.Update] = ("update",
            "eyJrIjoidXBkYXRlIiwiciI6IldHLUFBQUFBLUJCQkJCIiwicCI6ImxlYWRAZXhhbXBsZS5vcmciLCJzIjoidXBkYXRlLTEiLCJlIjoxNzk4MzcyODAwLCJFeHBpcmVzQXQiOiIyMDI2"
            + "LTEyLTI3VDEyOjAwOjAwKzAwOjAwIn0.UzR3KO_G_2z6mQ59h4S-pQ9AEU9HH-gvUkIRZ9ku234"),
        [LinkKind.Offer] = ("offer",
            "eyJrIjoib2ZmZXIiLCJyIjoiV0ctQUFBQUEtQkJCQkIiLCJwIjoibGVhZEBleGFtcGxlLm9yZyIsInMiOiJvZmZlci0xIiwiZSI6MTc5ODM3MjgwMCwiRXhwaXJlc0F0IjoiMjAyNi0x"
            + "Mi0yN1QxMjowMDowMCswMDowMCJ9.lu2jsYumL4cRqXcSvlBOj8qHcbzsO8QWbTHAzakloM0"),
        [LinkKind.Confirm] = ("confirm",
            "eyJrIjoiY29uZmlybSIsInIiOiJXRy1BQUFBQS1CQkJCQiIsInAiOiJsZWFkQGV4YW1wbGUub3JnIiwicyI6ImNvbmZpcm0tMSIsImUiOjE3OTgzNzI4MDAsIkV4cGlyZXNBdCI6IjIw"
            + "MjYtMTItMjdUMTI6MDA6MDArMDA6MDAifQ.HfkCdxD_wwGWkLZ9MU-YC_Hq9GDCIvW_dxEGL9zw-qc"),
        [LinkKind.FollowUp] = ("followup",
            "eyJrIjoiZm9sbG93dXAiLCJyIjoiV0ctQUFBQUEtQkJCQkIiLCJwIjoibGVhZEBleGFtcGxlLm9yZyIsInMiOiJmb2xsb3d1cC0xIiwiZSI6MTc5ODM3MjgwMCwiRXhwaXJlc0F0Ijoi"
            + "MjAyNi0xMi0yN1QxMjowMDowMCswMDowMCJ9.X4JwCegTaVe7flEwypytSuO_cIBnemyvoNE5EMZz2sE"),
    };

    public static TheoryData<LinkKind> Kinds => new(Enum.GetValues<LinkKind>());

    private static LinkIssuer Issuer() => new(Options.Create(new LinkOptions { SigningKey = Key, Lifetime = TimeSpan.FromDays(30) }),
        Options.Create(new PublicUrlOptions { BaseUrl = BaseUrl }));

    [Fact]
    public void Every_kind_has_a_token_issued_before_the_enum() => IssuedBefore.Keys.Order().ShouldBe(Enum.GetValues<LinkKind>());

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_token_issued_before_the_enum_still_opens_its_kind_of_page(LinkKind kind)
    {
        var (word, token) = IssuedBefore[kind];

        LinkToken.Read(token, kind, Key, IssuedAt, out var claims).ShouldBe(LinkTokenCheck.Valid);
        claims.ShouldBe(new LinkClaims(word, RequestId, "lead@example.org", word + "-1", IssuedAt.AddDays(30).ToUnixTimeSeconds()));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_token_issued_before_the_enum_opens_no_other_kind_of_page(LinkKind kind)
    {
        foreach (var other in Enum.GetValues<LinkKind>().Where(k => k != kind))
        {
            LinkToken.Read(IssuedBefore[kind].Token, other, Key, IssuedAt, out _).ShouldBe(LinkTokenCheck.WrongKind, $"{kind} token on a {other} page");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_link_issued_now_is_byte_for_byte_the_link_issued_before(LinkKind kind)
    {
        var (word, token) = IssuedBefore[kind];

        Issuer().DecisionUrl(kind, RequestId, "Lead@Example.org", word + "-1", IssuedAt).ShouldBe($"{BaseUrl}/api/{word}/{token}");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void A_kind_is_written_and_read_as_its_word(LinkKind kind)
    {
        var word = IssuedBefore[kind].Word;

        kind.ToWord().ShouldBe(word);
        LinkKinds.TryParse(word, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(kind);
        JsonSerializer.Serialize(kind).ShouldBe($"\"{word}\"");
    }

    [Theory]
    [InlineData("Review")]
    [InlineData("follow-up")]
    [InlineData("status")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_word_is_no_kind(string? word) => LinkKinds.TryParse(word, out _).ShouldBeFalse();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_kind_s_token_is_kept_out_of_telemetry(LinkKind kind)
    {
        var (word, token) = IssuedBefore[kind];

        SecretRedaction.Redact($"GET {BaseUrl}/api/{word}/{token}").ShouldBe($"GET {BaseUrl}/api/{word}/{{token}}");
    }

    [Fact]
    public void The_link_routes_start_with_their_kind_s_word_as_before()
    {
        new[] { Routes.Review, Routes.Update, Routes.Offer, Routes.Confirm, Routes.FollowUp, IntakeRoutes.ReviewAttachment, IntakeRoutes.UpdateAttachment }
            .ShouldBe(["review/{token}", "update/{token}", "offer/{token}", "confirm/{token}", "followup/{token}",
                "review/{token}/attachments/{fileName}", "update/{token}/attachments/{fileName}"]);
    }
}
