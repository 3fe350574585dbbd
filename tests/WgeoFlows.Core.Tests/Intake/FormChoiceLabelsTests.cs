using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Form;

namespace WgeoFlows.Tests.Intake;

/// <summary>The form posts ids, but a choice posted by its label in any of the seven languages reads as its id too, and an
/// unknown one goes on as posted for the validator to name.</summary>
public sealed class FormChoiceLabelsTests
{
    [Fact]
    public async Task Choices_posted_by_their_Arabic_Chinese_Russian_or_Portuguese_labels_become_ids_the_validator_accepts()
    {
        var form = new FormCollection(new Dictionary<string, StringValues>
        {
            ["organization.name"] = "مكتب الطاقة في القاهرة",
            ["organization.platform"] = "القطاع العام",
            ["organization.country"] = "埃及",
            ["contact.name"] = "Ольга Иванова",
            ["contact.email"] = "olga@example.org",
            ["contact.language"] = "Русский",
            ["request.title"] = "Solar pumps for irrigation",
            ["request.description"] = SamplePayloads.Description,
            ["request.thematicAreas"] = new StringValues(["الطاقة المتجددة", "可持续农业"]),
            ["request.supportTypes"] = new StringValues(["Assistência técnica", "financing"]),
            ["request.preferredRegions"] = new StringValues(["Африка"]),
        });

        var submission = await FormSubmissionBuilder.BuildAsync("n-labels", form, TestContext.Current.CancellationToken);
        var validation = SubmissionValidator.Validate(submission.ToElement());

        validation.Errors.ShouldBeEmpty();
        var s = validation.Submission!;
        s.Organization.Platform.ShouldBe("public-sector");
        s.Organization.Country.ShouldBe("EG");
        s.Contact.Language.ShouldBe("ru");
        s.ThematicAreas.ShouldBe(["renewable-energy", "sustainable-agriculture"]);
        s.SupportTypes.ShouldBe(["technical-assistance", "financing"]);
        s.PreferredRegions.ShouldBe(["africa"]);
    }

    [Fact]
    public async Task An_unknown_choice_goes_on_as_posted_and_the_validator_names_its_field()
    {
        var form = new FormCollection(new Dictionary<string, StringValues> { ["organization.platform"] = "Space agencies" });

        var submission = await FormSubmissionBuilder.BuildAsync("n-unknown", form, TestContext.Current.CancellationToken);

        submission["organization"]!["platform"]!.GetValue<string>().ShouldBe("Space agencies");
        SubmissionValidator.Validate(submission.ToElement()).Errors.Keys.ShouldContain("organization.platform");
    }
}
