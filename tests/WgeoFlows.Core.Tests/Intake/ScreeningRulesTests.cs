using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Intake;

public class ScreeningRulesTests
{
    private static readonly DateTimeOffset SubmittedAt = new(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);

    private static SupportRequest Eligible() =>
        SubmissionValidator.Validate(SamplePayloads.Valid().ToElement()).Submission!
            .ToSupportRequest("WG-AAAAA-AAAAA", SubmittedAt, []);

    [Fact]
    public void Finds_a_complete_valid_request_eligible()
    {
        var result = ScreeningRules.Screen(Eligible());

        result.Eligible.ShouldBeTrue();
        result.Reasons.ShouldBeEmpty();
    }

    [Fact]
    public void Refuses_an_unknown_platform() =>
        ShouldRefuse(Eligible() with { Organization = Eligible().Organization with { Platform = "government" } }, "platform");

    [Fact]
    public void Refuses_an_unknown_country() =>
        ShouldRefuse(Eligible() with { Organization = Eligible().Organization with { Country = "XX" } }, "country");

    [Fact]
    public void Refuses_an_unknown_language() =>
        ShouldRefuse(Eligible() with { Contact = Eligible().Contact with { Language = "de" } }, "language");

    [Fact]
    public void Refuses_a_missing_organisation_name() =>
        ShouldRefuse(Eligible() with { Organization = Eligible().Organization with { Name = " " } }, "organisation's name");

    [Fact]
    public void Refuses_a_missing_contact_email() =>
        ShouldRefuse(Eligible() with { Contact = Eligible().Contact with { Email = "" } }, "email");

    [Fact]
    public void Refuses_a_missing_title() =>
        ShouldRefuse(Eligible() with { Title = "" }, "title");

    [Fact]
    public void Refuses_a_description_too_short_to_review() =>
        ShouldRefuse(Eligible() with { Description = "Need solar panels, please." }, "at least 30 characters");

    [Fact]
    public void Accepts_a_description_of_exactly_the_minimum_length() =>
        ScreeningRules.Screen(Eligible() with { Description = new string('x', ScreeningRules.MinimumDescriptionLength) }).Eligible.ShouldBeTrue();

    [Fact]
    public void Does_not_count_surrounding_spaces_towards_the_description_length() =>
        ShouldRefuse(Eligible() with { Description = "   " + new string('x', 29) + "   " }, "too short");

    [Fact]
    public void Refuses_a_request_without_a_thematic_area() =>
        ShouldRefuse(Eligible() with { ThematicAreas = [] }, "thematic area");

    [Fact]
    public void Refuses_an_unknown_thematic_area() =>
        ShouldRefuse(Eligible() with { ThematicAreas = ["renewable-energy", "space-travel"] }, "'space-travel'");

    [Fact]
    public void Refuses_a_request_without_a_support_type() =>
        ShouldRefuse(Eligible() with { SupportTypes = [] }, "type of support");

    [Fact]
    public void Refuses_an_unknown_support_type() =>
        ShouldRefuse(Eligible() with { SupportTypes = ["grants"] }, "'grants'");

    [Fact]
    public void Refuses_an_unknown_preferred_region() =>
        ShouldRefuse(Eligible() with { PreferredRegions = ["antarctica"] }, "'antarctica'");

    [Fact]
    public void Refuses_a_needed_by_date_already_past_when_submitted() =>
        ShouldRefuse(Eligible() with { NeededBy = new DateOnly(2026, 2, 28) }, "already past");

    [Fact]
    public void Accepts_a_needed_by_date_on_the_day_of_submission() =>
        ScreeningRules.Screen(Eligible() with { NeededBy = new DateOnly(2026, 3, 1) }).Eligible.ShouldBeTrue();

    [Fact]
    public void Judges_the_date_against_the_submit_date_in_UTC()
    {
        // 1 March 23:30 UTC is already 2 March in Nairobi; the rule still reads the submit date as 1 March.
        var request = Eligible() with { SubmittedAt = new DateTimeOffset(2026, 3, 2, 2, 30, 0, TimeSpan.FromHours(3)), NeededBy = new DateOnly(2026, 3, 1) };

        ScreeningRules.Screen(request).Eligible.ShouldBeTrue();
    }

    [Fact]
    public void Lists_every_reason_at_once()
    {
        var request = Eligible() with
        {
            Organization = Eligible().Organization with { Platform = "government", Country = "XX" },
            Description = "Short.",
            ThematicAreas = [],
        };

        ScreeningRules.Screen(request).Reasons.Count.ShouldBe(4);
    }

    [Fact]
    public void Gives_the_same_result_for_the_same_request() =>
        ScreeningRules.Screen(Eligible() with { Title = "" }).Reasons
            .ShouldBe(ScreeningRules.Screen(Eligible() with { Title = "" }).Reasons);

    private static void ShouldRefuse(SupportRequest request, string reasonMentions)
    {
        var result = ScreeningRules.Screen(request);

        result.Eligible.ShouldBeFalse();
        result.Reasons.ShouldHaveSingleItem().ShouldContain(reasonMentions);
    }
}
