using System.Text.Json.Nodes;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Intake.Typeform;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>A Typeform form written in Arabic, Chinese, Russian or Portuguese needs no value map: its choice labels reach the
/// inbox as the contract's ids, through the Typeform door as the hosts run it.</summary>
public sealed class TypeformChoiceLabelsTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly DoorStack _stack = new(azurite);

    public static TheoryData<string, string, string, string, string, string, string> Forms => new()
    {
        // language, platform, country, language answer, thematic area, support type, region
        { "ar", "المجتمع المدني", "المغرب", "العربية", "إدارة المياه", "بناء القدرات", "الدول العربية" },
        { "zh", "城市", "中国", "中文", "可再生能源", "技术转让", "亚洲" },
        { "ru", "Частный сектор", "Казахстан", "Русский", "Устойчивое сельское хозяйство", "Обмен знаниями", "Азия" },
        { "pt", "Setor público", "Moçambique", "Português", "Energias renováveis", "Assistência técnica", "África" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task Labels_in_the_form_s_language_reach_the_inbox_as_ids(string form, string platform, string country, string language,
        string theme, string support, string region)
    {
        var token = $"labels-{form}-{Guid.NewGuid():N}";
        var delivery = TypeformSamples.Delivery(token);
        var answers = delivery["form_response"]!["answers"]!.AsArray();
        answers[1] = TypeformSamples.Answer("choice", "organization_platform", new JsonObject { ["label"] = platform });
        answers[2] = TypeformSamples.Answer("choice", "organization_country", new JsonObject { ["label"] = country });
        // One address per case: the confirmation quota counts mails per address and day.
        answers[5] = TypeformSamples.Answer("email", "contact_email", JsonValue.Create($"{token}@example.org"));
        answers[6] = TypeformSamples.Answer("choice", "contact_language", new JsonObject { ["label"] = language });
        answers[9] = TypeformSamples.Answer("choices", "request_thematicAreas", new JsonObject { ["labels"] = new JsonArray(theme) });
        answers[10] = TypeformSamples.Answer("choices", "request_supportTypes", new JsonObject { ["labels"] = new JsonArray(support) });
        answers[11] = TypeformSamples.Answer("choices", "request_preferredRegions", new JsonObject { ["labels"] = new JsonArray(region) });

        var context = DoorCalls.Typeform(_stack.Services, delivery.ToJsonString());
        var answer = await DoorCalls.RunAsync(context, await _stack.Get<TypeformHandler>().SubmitAsync(context.Request, null!, Ct));

        answer.Status.ShouldBe(202, answer.Body);
        var request = (await _stack.Get<SubmissionInbox>().GetAsync(RequestIds.For("typeform:" + token), Ct)).ShouldNotBeNull()
            .Pending.ShouldNotBeNull().Request;
        var expected = new Dictionary<string, (string Platform, string Country, string Theme, string Support, string Region)>
        {
            ["ar"] = ("civil-society", "MA", "water-management", "capacity-building", "arab-states"),
            ["zh"] = ("cities", "CN", "renewable-energy", "technology-transfer", "asia"),
            ["ru"] = ("private-sector", "KZ", "sustainable-agriculture", "knowledge-exchange", "asia"),
            ["pt"] = ("public-sector", "MZ", "renewable-energy", "technical-assistance", "africa"),
        }[form];
        request.Organization.Platform.ShouldBe(expected.Platform);
        request.Organization.Country.ShouldBe(expected.Country);
        request.Contact.Language.ShouldBe(form);
        request.ThematicAreas.ShouldBe([expected.Theme]);
        request.SupportTypes.ShouldBe([expected.Support]);
        request.PreferredRegions.ShouldBe([expected.Region]);
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
