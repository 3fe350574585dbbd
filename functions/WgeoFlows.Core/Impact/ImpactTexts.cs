using System.Globalization;
using WgeoFlows.Localization;

namespace WgeoFlows.Impact;

/// <summary>The impact page's words in one of the seven languages, read from the catalog (keys "impact.*"); the quarterly
/// staff summary reads the English ones.</summary>
public sealed class ImpactTexts
{
    private ImpactTexts(Texts texts)
    {
        Texts = texts;
        Heading = texts["impact.heading"];
        Intro = texts["impact.intro"];
        Totals = texts["impact.totals"];
        Received = texts["impact.received"];
        Approved = texts["impact.approved"];
        Matched = texts["impact.matched"];
        ByPlatform = texts["impact.byPlatform"];
        ByRegion = texts["impact.byRegion"];
        ByTheme = texts["impact.byTheme"];
        ByQuarter = texts["impact.byQuarter"];
        Category = texts["impact.category"];
        Cooperation = texts["impact.cooperation"];
        SouthSouthShare = texts["impact.southSouthShare"];
        TriangularShare = texts["impact.triangularShare"];
        MedianToMatch = texts["impact.medianToMatch"];
        MedianToDecision = texts["impact.medianToDecision"];
        Suppressed = texts["impact.suppressed"];
        Stories = texts["impact.stories"];
        NoStories = texts["impact.noStories"];
        StoryWith = texts["impact.storyWith"];
        OpenData = texts["impact.openData"];
        NoData = texts["impact.noData"];
    }

    public static ImpactTexts For(string? language) => new(TextCatalog.Default.For(language));

    public static ImpactTexts For(Texts texts) => new(texts);

    /// <summary>The catalog in the page's language, for numbers and dates formatted for its culture.</summary>
    public Texts Texts { get; }

    public string Heading { get; }
    public string Intro { get; }
    public string Totals { get; }
    public string Received { get; }
    public string Approved { get; }
    public string Matched { get; }
    public string ByPlatform { get; }
    public string ByRegion { get; }
    public string ByTheme { get; }
    public string ByQuarter { get; }
    public string Category { get; }
    public string Cooperation { get; }
    public string SouthSouthShare { get; }
    public string TriangularShare { get; }
    public string MedianToMatch { get; }
    public string MedianToDecision { get; }
    public string Suppressed { get; }
    public string Stories { get; }
    public string NoStories { get; }
    /// <summary>The word between a requester and its partners in a story ("with").</summary>
    public string StoryWith { get; }
    public string OpenData { get; }
    public string NoData { get; }

    /// <summary>"at most 1 day", "at most 14 days", with the language's plural forms.</summary>
    public string AtMostDays(long days) => Texts.Plural("impact.atMostDays", days);

    public string SuppressedNote(int minimum) => Texts.Format("impact.suppressedNote", ("minimum", minimum));

    public string ChartOf(string title) => Texts.Format("impact.chartOf", ("title", title));

    /// <summary>A quarter as the language writes it ("Q4 2026", "2026年第4季度"); the stored form "2026-Q4" otherwise.</summary>
    public string Quarter(string quarter)
    {
        var parts = quarter.Split("-Q");
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var year)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > 4)
        {
            return quarter;
        }
        // Passed as text: a year is written without the group separator a number would get ("2026", not "2,026").
        return Texts.Format("impact.quarterOf", ("quarter", number.ToString(Texts.Culture)), ("year", year.ToString(Texts.Culture)));
    }

    /// <summary>A share in percent as the culture writes it ("42 %", "42%", "42٪").</summary>
    public string Percent(double value)
    {
        var share = (decimal)value / 100m;
        // .NET writes "50 %" with an ordinary space, which a narrow column may break between the number and its sign.
        return share.ToString(share * 100m == decimal.Truncate(share * 100m) ? "P0" : "P1", Texts.Culture).Replace(' ', '\u00A0');
    }
}
