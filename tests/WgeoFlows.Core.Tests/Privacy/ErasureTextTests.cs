using WgeoFlows.Privacy;
using WgeoFlows.Privacy.Erasure;

namespace WgeoFlows.Tests.Privacy;

/// <summary>Finding addresses in keys, lists and text, and cleaning an admin's reason of the person it is about.</summary>
public sealed class ErasureTextTests
{
    [Theory]
    [InlineData("mail|review|review-1-r0|cities.lead@example.org", "cities.lead@example.org")]
    [InlineData("a.b@x.org;c+d@y.example", "a.b@x.org c+d@y.example")]
    [InlineData("acknowledgement to zoë.ñandú@correo.example, thanks.", "zoë.ñandú@correo.example")]
    [InlineData("no address here, only an @ sign", "")]
    public void Addresses_are_found_in_keys_lists_and_text_in_any_script(string text, string expected) =>
        string.Join(' ', EmailsInText.Find(text)).ShouldBe(expected);

    [Fact]
    public void A_reason_keeps_no_name_or_address_of_the_person()
    {
        var cleaned = ErasureReason.Clean("Zoë Quixbottom (zoe@example.org) asked by mail to admin@wgeo.example",
            ["Zoë Quixbottom", "zoe@example.org", null, ""]);

        cleaned.ShouldBe("[removed] ([removed]) asked by mail to [removed]");
    }
}
