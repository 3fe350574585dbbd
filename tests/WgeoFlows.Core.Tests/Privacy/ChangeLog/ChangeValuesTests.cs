using System.Text.Json;
using WgeoFlows.Privacy.ChangeLog;

namespace WgeoFlows.Tests.Privacy.ChangeLog;

/// <summary>The change log's values are JSON, whose strings may hold an address escaped: found and replaced decoded.</summary>
public sealed class ChangeValuesTests
{
    private const string Person = "nour.o'hara@شراكة.example";

    // JsonSerializer's default encoder writes ' as \u0027 and the Arabic letters as \uXXXX.
    private static readonly string Stored = JsonSerializer.Serialize(new
    {
        name = "\"جمعية الطاقة\" <b>&</b>",
        email = "Nour.O'Hara@شراكة.example",
        reviewers = new[] { new { email = "li.wei@example.cn", note = "backup of Nour.O'Hara@شراكة.example" } },
    });

    [Fact]
    public void An_escaped_address_is_found_decoded_and_a_longer_one_ending_with_it_is_not()
    {
        Stored.ShouldNotContain("O'Hara");
        ChangeValues.Names(Stored, Person).ShouldBeTrue();
        ChangeValues.Names(JsonSerializer.Serialize(new { email = "jim.nour.o'hara@شراكة.example.org" }), Person).ShouldBeFalse();
        ChangeValues.Names(null, Person).ShouldBeFalse();
    }

    [Fact]
    public void Mapping_replaces_inside_every_string_and_keeps_the_rest_as_it_was()
    {
        var mapped = ChangeValues.Map(Stored, text => new AddressRewrite(Person, "partner").Text(text));

        var root = JsonDocument.Parse(mapped).RootElement;
        root.GetProperty("email").GetString().ShouldBe("partner");
        root.GetProperty("name").GetString().ShouldBe("\"جمعية الطاقة\" <b>&</b>");
        root.GetProperty("reviewers")[0].GetProperty("email").GetString().ShouldBe("li.wei@example.cn");
        root.GetProperty("reviewers")[0].GetProperty("note").GetString().ShouldBe("backup of partner");
    }

    [Fact]
    public void Nothing_to_replace_gives_back_the_same_text_and_plain_text_is_mapped_as_text()
    {
        ChangeValues.Map(Stored, text => text).ShouldBeSameAs(Stored);
        ChangeValues.Map("not json: Nour.O'Hara@شراكة.example", text => new AddressRewrite(Person, "reviewer").Text(text)).ShouldBe("not json: reviewer");
    }
}
