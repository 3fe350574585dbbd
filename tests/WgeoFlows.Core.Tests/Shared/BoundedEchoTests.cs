using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Partners;
using WgeoFlows.Reference;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Shared;

namespace WgeoFlows.Tests.Shared;

/// <summary>An error message quotes what was sent back, but only a bounded part of it: a script that puts 10,000
/// characters (or a thousand unknown terms) in every field gets a short answer, not its own body echoed.</summary>
public sealed class BoundedEchoTests
{
    private static readonly string Huge = string.Concat(Enumerable.Repeat("\"<b>长文本</b>\" \u0007", 1_000));

    [Fact]
    public void A_long_value_is_cut_and_counted_and_its_control_characters_are_blanked()
    {
        var quoted = Echo.Quoted(Huge);

        quoted.Length.ShouldBeLessThan(Echo.MaxCharacters + 40);
        quoted.ShouldEndWith($"… ({Huge.Length:N0} characters)");
        quoted.ShouldNotContain("\u0007");
        Echo.Quoted("ke").ShouldBe("'ke'");
    }

    [Fact]
    public void A_cut_text_keeps_its_limit_and_marks_the_cut_and_a_short_one_is_unchanged()
    {
        Echo.Cut(Huge, 100)!.Length.ShouldBe(100);
        Echo.Cut(Huge, 100).ShouldEndWith("…");
        Echo.Cut("ke", 100).ShouldBe("ke");
        Echo.Cut(null, 100).ShouldBeNull();
    }

    [Fact]
    public void A_long_list_shows_its_first_values_and_counts_the_rest()
    {
        var values = Enumerable.Range(0, 1_000).Select(i => $"term-{i}").ToList();

        Echo.QuotedList(values).ShouldEndWith($"and {1_000 - Echo.MaxItems:N0} more");
        Echo.QuotedList(values).ShouldNotContain("term-10'");
    }

    [Fact]
    public void A_partner_body_with_huge_values_in_every_field_gets_short_errors()
    {
        var body = new JsonObject
        {
            ["id"] = Huge,
            ["name"] = "Savanna Solar (fictional)",
            ["platform"] = Huge,
            ["country"] = Huge,
            ["role"] = Huge,
            ["thematicAreas"] = new JsonArray(Enumerable.Range(0, 500).Select(i => (JsonNode)JsonValue.Create($"{Huge[..100]}-{i}")).ToArray()),
            ["supportTypes"] = new JsonArray(JsonValue.Create(Huge)),
            ["languages"] = new JsonArray(JsonValue.Create("en")),
            ["capacity"] = Huge,
            ["email"] = Huge,
            ["active"] = Huge,
            ["publishable"] = Huge,
        };
        using var doc = JsonDocument.Parse(body.ToJsonString());
        var (input, errors) = PartnerJsonInput.Read(doc.RootElement, "ke-solar-001");
        PartnerJsonInput.AddValidatorErrors(errors, PartnerValidator.Validate(input, CountryCatalog.Default).Errors);

        errors.Count.ShouldBeGreaterThan(5, "every bad field is named");
        errors.SelectMany(e => e.Value).ShouldAllBe(message => message.Length < 1_500);
    }

    [Fact]
    public void A_reviewer_list_with_huge_values_gets_short_errors()
    {
        var errors = ReviewerValidator.Validate([new Reviewer(Huge, 1, Huge, "Lead (fictional)", ReviewerRole.Primary)]);

        errors.Count.ShouldBe(2);
        errors.ShouldAllBe(message => message.Length < 200);
    }
}
