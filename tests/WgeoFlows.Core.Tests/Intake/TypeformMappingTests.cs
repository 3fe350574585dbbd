using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Typeform;

namespace WgeoFlows.Tests.Intake;

public class TypeformMappingTests
{
    private static TypeformSettings Settings(params (string Key, string Value)[] entries) => TypeformSettings.From(
        new ConfigurationBuilder().AddInMemoryCollection(entries.Select(e => KeyValuePair.Create(e.Key, (string?)e.Value))).Build());

    private static JsonObject Map(JsonObject delivery, TypeformSettings settings)
    {
        var mapped = TypeformMapping.Map(JsonSerializer.SerializeToElement(delivery), settings);
        mapped.Errors.ShouldBeEmpty();
        return mapped.Submission!;
    }

    [Fact]
    public void Answers_found_by_the_conventional_refs_make_a_submission_the_validator_accepts()
    {
        var submission = Map(TypeformSamples.Delivery("tok-1"), Settings());

        var validation = SubmissionValidator.Validate(submission.ToElement());
        validation.Errors.ShouldBeEmpty();
        var s = validation.Submission!;
        s.SubmissionId.ShouldBe("typeform:tok-1");
        s.Organization.ShouldBe(new Organization("Nairobi County Energy Office", "cities", "KE", "https://example.org"));
        s.Contact.ShouldBe(new Contact("Amina Otieno", "amina@example.org", "fr"));
        s.ThematicAreas.ShouldBe(["renewable-energy", "sustainable-cities"]);
        s.SupportTypes.ShouldBe(["technical-assistance", "financing"]);
        s.PreferredRegions.ShouldBe(["africa"]);
        s.BudgetUsd.ShouldBe(250000m);
        s.NeededBy.ShouldBe(new DateOnly(2027, 6, 30));
    }

    [Fact]
    public void Configured_refs_are_read_instead_of_the_convention_with_a_dot_or_a_colon_in_the_path()
    {
        var refs = new Dictionary<string, string> { ["organization.name"] = "org_name", ["contact.email"] = "email_1" };
        var settings = Settings(("Intake:Typeform:Fields:organization.name", "org_name"), ("Intake:Typeform:Fields:contact:email", "email_1"));

        var submission = Map(TypeformSamples.Delivery("tok-2", p => refs.GetValueOrDefault(p) ?? TypeformSamples.ConventionRef(p)), settings);

        submission["organization"]!["name"]!.GetValue<string>().ShouldBe("Nairobi County Energy Office");
        submission["contact"]!["email"]!.GetValue<string>().ShouldBe("amina@example.org");
    }

    [Fact]
    public void A_configured_value_map_turns_a_custom_choice_label_into_its_id()
    {
        var delivery = TypeformSamples.Delivery("tok-3");
        var answers = delivery["form_response"]!["answers"]!.AsArray();
        answers[1] = TypeformSamples.Answer("choice", "organization_platform", new JsonObject { ["label"] = "Local government / city" });
        answers[9] = TypeformSamples.Answer("choices", "request_thematicAreas", new JsonObject { ["labels"] = new JsonArray("Solar", "Urban") });
        var settings = Settings(
            ("Intake:Typeform:Choices:organization.platform:Local government / city", "cities"),
            ("Intake:Typeform:Choices:request.thematicAreas:solar", "renewable-energy"),
            ("Intake:Typeform:Choices:request.thematicAreas:Urban", "sustainable-cities"));

        var submission = Map(delivery, settings);

        submission["organization"]!["platform"]!.GetValue<string>().ShouldBe("cities");
        submission["request"]!["thematicAreas"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["renewable-energy", "sustainable-cities"]);
    }

    [Fact]
    public void Choice_labels_in_French_or_Spanish_and_country_codes_map_to_ids_too()
    {
        var delivery = TypeformSamples.Delivery("tok-4");
        var answers = delivery["form_response"]!["answers"]!.AsArray();
        answers[1] = TypeformSamples.Answer("choice", "organization_platform", new JsonObject { ["label"] = "Villes" });
        answers[2] = TypeformSamples.Answer("choice", "organization_country", new JsonObject { ["label"] = "pe" });
        answers[10] = TypeformSamples.Answer("choices", "request_supportTypes", new JsonObject { ["labels"] = new JsonArray("Asistencia técnica") });

        var submission = Map(delivery, Settings());

        submission["organization"]!["platform"]!.GetValue<string>().ShouldBe("cities");
        submission["organization"]!["country"]!.GetValue<string>().ShouldBe("PE");
        submission["request"]!["supportTypes"]!.AsArray().Select(n => n!.GetValue<string>()).ShouldBe(["technical-assistance"]);
    }

    [Fact]
    public void Choice_labels_in_Arabic_Chinese_Russian_and_Portuguese_map_to_ids()
    {
        var delivery = TypeformSamples.Delivery("tok-4b");
        var answers = delivery["form_response"]!["answers"]!.AsArray();
        answers[1] = TypeformSamples.Answer("choice", "organization_platform", new JsonObject { ["label"] = "المجتمع المدني" });
        answers[2] = TypeformSamples.Answer("choice", "organization_country", new JsonObject { ["label"] = "Moçambique" });
        answers[6] = TypeformSamples.Answer("choice", "contact_language", new JsonObject { ["label"] = "中文" });
        answers[9] = TypeformSamples.Answer("choices", "request_thematicAreas", new JsonObject { ["labels"] = new JsonArray("可再生能源", "Gestão da água") });
        answers[10] = TypeformSamples.Answer("choices", "request_supportTypes", new JsonObject { ["labels"] = new JsonArray("Передача технологий") });
        answers[11] = TypeformSamples.Answer("choices", "request_preferredRegions", new JsonObject { ["labels"] = new JsonArray("الدول العربية", "Азия") });

        var validation = SubmissionValidator.Validate(Map(delivery, Settings()).ToElement());

        validation.Errors.ShouldBeEmpty();
        var s = validation.Submission!;
        s.Organization.Platform.ShouldBe("civil-society");
        s.Organization.Country.ShouldBe("MZ");
        s.Contact.Language.ShouldBe("zh");
        s.ThematicAreas.ShouldBe(["renewable-energy", "water-management"]);
        s.SupportTypes.ShouldBe(["technology-transfer"]);
        s.PreferredRegions.ShouldBe(["arab-states", "asia"]);
    }

    [Fact]
    public void An_unknown_choice_is_passed_on_for_the_validator_to_name_with_its_path()
    {
        var delivery = TypeformSamples.Delivery("tok-5");
        delivery["form_response"]!["answers"]!.AsArray()[1] = TypeformSamples.Answer("choice", "organization_platform", new JsonObject { ["label"] = "Aliens" });

        var validation = SubmissionValidator.Validate(Map(delivery, Settings()).ToElement());

        validation.Errors.Keys.ShouldBe(["organization.platform"]);
        TypeformMapping.RefFor("organization.platform", Settings()).ShouldBe("organization_platform");
        TypeformMapping.RefFor("request.thematicAreas[1]", Settings()).ShouldBe("request_thematicAreas");
    }

    [Fact]
    public void A_hidden_field_can_fill_a_contract_field()
    {
        var delivery = TypeformSamples.Delivery("tok-6");
        delivery["form_response"]!["hidden"] = new JsonObject { ["lang"] = "es" };
        var answers = delivery["form_response"]!["answers"]!.AsArray();
        answers.RemoveAt(6);

        var submission = Map(delivery, Settings(("Intake:Typeform:Fields:contact.language", "hidden:lang")));

        submission["contact"]!["language"]!.GetValue<string>().ShouldBe("es");
    }

    [Fact]
    public void The_submission_id_is_the_response_token_so_a_redelivery_under_another_event_id_is_the_same_submission()
    {
        var first = Map(TypeformSamples.Delivery("tok-7", eventId: "E1"), Settings());
        var again = Map(TypeformSamples.Delivery("tok-7", eventId: "E2"), Settings());

        SubmissionFingerprint.Of(first.ToElement()).ShouldBe(SubmissionFingerprint.Of(again.ToElement()));
        first["submissionId"]!.GetValue<string>().ShouldBe("typeform:tok-7");
    }

    [Fact]
    public void Without_a_token_the_event_id_is_the_submission_id_and_without_either_the_delivery_is_refused()
    {
        var delivery = TypeformSamples.Delivery("tok-8", eventId: "E9");
        delivery["form_response"]!.AsObject().Remove("token");
        Map(delivery, Settings())["submissionId"]!.GetValue<string>().ShouldBe("typeform:E9");

        delivery.Remove("event_id");
        TypeformMapping.Map(JsonSerializer.SerializeToElement(delivery), Settings()).Errors.Keys.ShouldBe(["form_response.token"]);
        TypeformMapping.Map(JsonSerializer.SerializeToElement(new JsonObject { ["x"] = 1 }), Settings()).Errors.Keys.ShouldBe(["form_response"]);
    }

    [Fact]
    public void A_mapping_to_a_path_the_contract_does_not_have_stops_the_app_at_start() =>
        Should.Throw<InvalidOperationException>(() => Settings(("Intake:Typeform:Fields:organization.size", "org_size")))
            .Message.ShouldContain("organization.size");
}
