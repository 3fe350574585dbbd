namespace WgeoFlows.Notifications;

/// <summary>
/// Human labels for the reference-data ids a request carries (platform, thematic areas, support types, regions,
/// country), in a language. Emails show these instead of ids. The taxonomy of WgeoFlows.Reference is plugged in by
/// registering an <see cref="IReferenceLabels"/> before <c>AddWgeoFlowsNotifications</c>; without one, the ids are shown.
/// </summary>
public interface IReferenceLabels
{
    string Label(string list, string id, string language);
}

/// <summary>The list names passed to <see cref="IReferenceLabels.Label"/>.</summary>
public static class ReferenceLists
{
    public const string Platforms = "platforms";
    public const string ThematicAreas = "thematicAreas";
    public const string SupportTypes = "supportTypes";
    public const string Regions = "regions";
    public const string Countries = "countries";
}

/// <summary>Shows each id as it is: readable (the ids are words such as "renewable-energy"), never wrong.</summary>
public sealed class IdsAsLabels : IReferenceLabels
{
    public string Label(string list, string id, string language) => id;
}
