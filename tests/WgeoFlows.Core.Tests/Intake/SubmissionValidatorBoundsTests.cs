using System.Text.Json.Nodes;
using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// A list's size is checked before its items are read, and the answer stays small whatever the body holds: a 10 MiB body
/// of list items gets one error naming the field and the limit, not one error per item, and no error echoes the input.
/// </summary>
public class SubmissionValidatorBoundsTests
{
    [Theory]
    [InlineData("thematicAreas")]
    [InlineData("supportTypes")]
    [InlineData("preferredRegions")]
    public void A_list_longer_than_its_limit_gets_one_error_naming_the_field_before_any_item_is_read(string field)
    {
        var payload = SamplePayloads.Valid();
        // Each item would be refused on its own (a long unknown id); none of them may be read, let alone echoed.
        var items = new JsonArray(Enumerable.Range(0, 20_000).Select(i => (JsonNode?)JsonValue.Create(new string('x', 200) + i)).ToArray());
        payload["request"]![field] = items;

        var errors = SubmissionValidator.Validate(payload.ToElement()).Errors;

        errors.Keys.ShouldBe([$"request.{field}"]);
        errors[$"request.{field}"].ShouldBe([$"request.{field} may hold at most {SubmissionValidator.MaxListItems} items (it holds 20,000)."]);
    }

    [Fact]
    public void A_list_of_duplicates_within_the_limit_is_still_accepted()
    {
        var payload = SamplePayloads.Valid();
        payload["request"]!["thematicAreas"] = new JsonArray(Enumerable.Repeat(0, SubmissionValidator.MaxListItems)
            .Select(_ => (JsonNode?)JsonValue.Create("renewable-energy")).ToArray());

        SubmissionValidator.Validate(payload.ToElement()).Submission.ShouldNotBeNull().ThematicAreas.ShouldBe(["renewable-energy"]);
    }

    [Fact]
    public void However_many_fields_are_bad_the_answer_holds_a_bounded_number_of_errors_each_of_bounded_length()
    {
        var payload = SamplePayloads.Valid();
        var huge = new string('<', 50_000);
        payload["request"]!["thematicAreas"] = new JsonArray(Enumerable.Range(0, SubmissionValidator.MaxListItems).Select(_ => (JsonNode?)JsonValue.Create(huge)).ToArray());
        payload["request"]!["supportTypes"] = new JsonArray(Enumerable.Range(0, SubmissionValidator.MaxListItems).Select(_ => (JsonNode?)JsonValue.Create(huge)).ToArray());
        payload["request"]!["preferredRegions"] = new JsonArray(Enumerable.Range(0, SubmissionValidator.MaxListItems).Select(_ => (JsonNode?)JsonValue.Create(huge)).ToArray());
        payload["request"]!["title"] = huge;
        payload["organization"]!["name"] = huge;
        payload["attachments"] = new JsonArray(Enumerable.Range(0, 10).Select(_ => (JsonNode?)
            new JsonObject { ["fileName"] = huge, ["contentType"] = huge, ["contentBase64"] = huge }).ToArray());

        var errors = SubmissionValidator.Validate(payload.ToElement()).Errors;

        errors.Values.Sum(m => m.Length).ShouldBeLessThanOrEqualTo(SubmissionValidator.MaxErrors + 1);
        errors.ShouldContainKey("$");
        errors.SelectMany(e => e.Value.Append(e.Key)).ShouldAllBe(m => m.Length <= 500);
        errors.SelectMany(e => e.Value).ShouldAllBe(m => !m.Contains("<<<<<<<<<<", StringComparison.Ordinal));
    }
}
