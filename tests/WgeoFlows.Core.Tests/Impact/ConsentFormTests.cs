using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Form;

namespace WgeoFlows.Tests.Impact;

/// <summary>The built-in form's consent checkbox becomes the payload's consentToPublish.</summary>
public sealed class ConsentFormTests
{
    private static FormCollection Form(bool consent)
    {
        var fields = new Dictionary<string, StringValues> { ["organization.name"] = "Nairobi County Energy Office" };
        if (consent) fields[FormFields.ConsentToPublish] = "true";
        return new FormCollection(fields);
    }

    [Fact]
    public async Task A_checked_consent_box_sets_consentToPublish_and_an_unchecked_one_leaves_it_out()
    {
        var consenting = await FormSubmissionBuilder.BuildAsync("n1", Form(consent: true), TestContext.Current.CancellationToken);
        consenting[FormFields.ConsentToPublish]!.GetValue<bool>().ShouldBeTrue();
        var silent = await FormSubmissionBuilder.BuildAsync("n2", Form(consent: false), TestContext.Current.CancellationToken);
        silent.ContainsKey(FormFields.ConsentToPublish).ShouldBeFalse();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("es")]
    public void The_form_shows_one_unchecked_consent_checkbox_with_a_label_in_each_language(string language)
    {
        var field = FormView.Sections(WgeoFlows.Localization.TextCatalog.Default.For(language), null, new Dictionary<string, string>())
            .SelectMany(s => s.Fields).Single(f => f.Name == FormFields.ConsentToPublish);
        var box = field.Options.ShouldHaveSingleItem();
        box.Value.ShouldBe("true");
        box.Selected.ShouldBeFalse();
        box.Label.ShouldNotBeNullOrWhiteSpace();
        field.Required.ShouldBeFalse();
        FormFields.FieldOf("consentToPublish").ShouldBe(FormFields.ConsentToPublish);
    }
}
