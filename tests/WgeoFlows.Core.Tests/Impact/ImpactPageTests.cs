using System.Net;
using System.Text.RegularExpressions;
using WgeoFlows.Impact;
using WgeoFlows.Localization;
using WgeoFlows.Web;

namespace WgeoFlows.Tests.Impact;

/// <summary>The impact page in each of the seven languages: its words from the catalog, its numbers, quarters and counted
/// texts as the language writes them, its charts mirrored in Arabic, and the left-to-right content isolated.</summary>
public sealed partial class ImpactPageTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static ImpactFigures Figures() => ImpactReport.Build(
        [
            new ImpactCounter("2026-Q3", "received", "all", "all", 1200),
            new ImpactCounter("2026-Q4", "received", "all", "all", 34),
            new ImpactCounter("2026-Q3", "received", "platform", "cities", 1200),
            new ImpactCounter("2026-Q4", "received", "platform", "cities", 34),
            new ImpactCounter("2026-Q4", "received", "platform", "academia-youth", 1),
            new ImpactCounter("2026-Q4", "received", "region", "arab-states", 40),
            new ImpactCounter("2026-Q4", "received", "theme", "renewable-energy", 40),
            new ImpactCounter("2026-Q4", "matchKind", "kind", ImpactRecorder.SouthSouth, 6),
            new ImpactCounter("2026-Q4", "matchKind", "kind", ImpactRecorder.Triangular, 3),
            new ImpactCounter("2026-Q4", "matchKind", "kind", ImpactRecorder.NorthSouth, 3),
            new ImpactCounter("2026-Q4", "daysToMatch", "bucket", "1", 5),
            new ImpactCounter("2026-Q4", "daysToDecision", "bucket", "21", 5),
        ],
        [new ImpactStory("2026-Q4", "Cairo Solar Office", "EG", [new ImpactStoryPartner("Energía Limpia", "CO")], "renewable-energy", ImpactRecorder.SouthSouth)],
        3, Now);

    public static TheoryData<string> LanguageCodes => new(Languages.Codes);

    private static async Task<string> RenderAsync(string language)
    {
        var model = ImpactPageModel.Build(Figures(), language);
        return await new PageRenderer().RenderAsync("impact", model.Texts.Heading, model, PageLanguage.Fixed(language));
    }

    [Theory]
    [MemberData(nameof(LanguageCodes))]
    public async Task Renders_in_each_language_with_its_direction_and_no_missing_text(string language)
    {
        var html = await RenderAsync(language);
        var info = Languages.Resolve(language);

        html.ShouldContain($"<html lang=\"{language}\" dir=\"{info.Direction}\">");
        html.ShouldNotContain("[impact.");
        html.ShouldNotContain("[taxonomy.");
        var text = WebUtility.HtmlDecode(html);
        text.ShouldContain($"<h1>{TextCatalog.Default.For(language)["impact.heading"]}</h1>");
        text.ShouldContain(TextCatalog.Default.For(language)["taxonomy.platforms.cities"]);
        text.ShouldContain(TextCatalog.Default.For(language)["impact.quarterOf"].Split('{')[0].Trim());
        text.ShouldContain("<bdi>Cairo Solar Office (");
        if (language != Languages.Default) text.ShouldNotContain("Impact of South-South");
    }

    [Theory]
    [InlineData("en", "1,234", "at most 1 day", "at most 21 days", "Q4 2026", "50%")]
    [InlineData("fr", "1\u202F234", "au plus 1 jour", "au plus 21 jours", "T4 2026", "50\u00A0%")]
    [InlineData("ru", "1\u00A0234", "не более 1 дня", "не более 21 дня", "4-й квартал 2026 г.", "50\u00A0%")]
    [InlineData("zh", "1,234", "最多1天", "最多21天", "2026年第4季度", "50%")]
    [InlineData("ar", "1\u066C234", "يوم واحد على الأكثر", "\u206821\u2069 يومًا على الأكثر", "الربع \u20684\u2069 من عام \u20682026\u2069", "50")]
    [InlineData("pt", "1.234", "no máximo 1 dia", "no máximo 21 dias", "4º trimestre de 2026", "50%")]
    public void Formats_numbers_counts_quarters_and_shares_for_the_culture(string language, string thousands, string oneDay, string days,
        string quarter, string percent)
    {
        var model = ImpactPageModel.Build(Figures(), language);

        model.Totals[0].Value.ShouldBe(thousands, "1,234 requests received");
        model.Cooperation[2].Value.ShouldBe(oneDay);
        model.Texts.AtMostDays(21).ShouldBe(days);
        model.Texts.Quarter("2026-Q4").ShouldBe(quarter);
        model.Cooperation[0].Value.ShouldStartWith(percent);
        model.Charts.Single(c => c.Id == "quarter").Rows.Select(r => r.Label).ShouldContain(quarter);
    }

    [Fact]
    public void Counts_days_with_each_of_the_Arabic_and_Russian_plural_forms()
    {
        var arabic = ImpactTexts.For("ar");
        arabic.AtMostDays(2).ShouldBe("يومان على الأكثر");
        arabic.AtMostDays(3).ShouldBe("\u20683\u2069 أيام على الأكثر");
        arabic.AtMostDays(14).ShouldBe("\u206814\u2069 يومًا على الأكثر");
        arabic.AtMostDays(100).ShouldBe("\u2068100\u2069 يوم على الأكثر");
        var russian = ImpactTexts.For("ru");
        russian.AtMostDays(3).ShouldBe("не более 3 дней");
        russian.AtMostDays(5).ShouldBe("не более 5 дней");
        russian.AtMostDays(21).ShouldBe("не более 21 дня");
    }

    [Fact]
    public void An_Arabic_chart_is_the_mirror_of_an_English_one()
    {
        var english = ImpactPageModel.Build(Figures(), "en").Charts.Single(c => c.Id == "platform");
        var arabic = ImpactPageModel.Build(Figures(), "ar").Charts.Single(c => c.Id == "platform");

        english.LabelX.ShouldBe(0);
        english.Direction.ShouldBe("ltr");
        arabic.LabelX.ShouldBe(ImpactPageModel.ChartWidth);
        arabic.Direction.ShouldBe("rtl");
        foreach (var (en, ar) in english.Rows.SelectMany(r => r.Bars).Zip(arabic.Rows.SelectMany(r => r.Bars)))
        {
            ar.Width.ShouldBe(en.Width);
            // Mirrored: the Arabic bar's right edge is where the English bar's left edge is, seen from the other side.
            (ar.X + ar.Width).ShouldBe(ImpactPageModel.ChartWidth - en.X);
            ar.TextX.ShouldBe(ImpactPageModel.ChartWidth - en.TextX);
        }
    }

    [Fact]
    public async Task The_Arabic_page_draws_its_labels_from_the_right_and_isolates_the_left_to_right_links()
    {
        var html = await RenderAsync("ar");

        SvgLabel().Matches(html).Select(m => m.Groups["x"].Value).Distinct().ShouldBe(["600"]);
        html.ShouldContain("direction=\"rtl\" text-anchor=\"start\"");
        html.ShouldContain("<bdi>data.json</bdi>");
        html.ShouldNotContain("text-align:left");
        html.ShouldNotContain("margin-left");
    }

    [Fact]
    public void Names_the_story_s_countries_and_theme_in_the_language()
    {
        var story = ImpactPageModel.Build(Figures(), "zh").Stories.ShouldHaveSingleItem();

        story.Requester.ShouldBe("Cairo Solar Office (埃及)");
        story.Partners.ShouldBe("Energía Limpia (哥伦比亚)");
        story.Theme.ShouldBe("可再生能源");
        story.Quarter.ShouldBe("2026年第4季度");
    }

    [GeneratedRegex(""""<text x="(?<x>\d+)"[^>]*font-size="13"""")]
    private static partial Regex SvgLabel();
}
