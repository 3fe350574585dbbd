using Azure.Data.Tables;

namespace WgeoFlows.Matching;

/// <summary>How a partner is kept in <see cref="Storage.TableNames.Partners"/>: PK "partner", RK = id, lists as ';'-joined cells.</summary>
internal static class PartnerEntity
{
    public const string PartitionKey = "partner";

    // Written by imports and admin edits (merge), never touching the engagement columns below.
    public static TableEntity RegistryFields(Partner p) => new(PartitionKey, p.Id)
    {
        ["Name"] = p.Name,
        ["Platform"] = p.Platform,
        ["Country"] = p.Country,
        ["Region"] = p.Region,
        ["GlobalSouth"] = p.GlobalSouth,
        ["Role"] = p.Role.ToId(),
        ["ThematicAreas"] = Join(p.ThematicAreas),
        ["SupportTypes"] = Join(p.SupportTypes),
        ["Languages"] = Join(p.Languages),
        ["Capacity"] = p.Capacity,
        ["Email"] = p.Email,
        ["Active"] = p.Active,
        ["Publishable"] = p.Publishable,
    };

    public const string OpenEngagements = "OpenEngagements";
    /// <summary>The engagement keys holding a capacity unit: what makes a reservation idempotent.</summary>
    public const string EngagementKeys = "EngagementKeys";
    public const string LastOfferedAt = "LastOfferedAt";
    public const string RecentOffers = "RecentOffers";

    public static Partner ToPartner(TableEntity e) => new()
    {
        Id = e.RowKey,
        Name = e.GetString("Name") ?? "",
        Platform = e.GetString("Platform") ?? "",
        Country = e.GetString("Country") ?? "",
        Region = e.GetString("Region") ?? "",
        GlobalSouth = e.GetBoolean("GlobalSouth") ?? false,
        Role = PartnerRoles.TryParse(e.GetString("Role"), out var role) ? role : PartnerRole.Provider,
        ThematicAreas = PartnerInput.SplitList(e.GetString("ThematicAreas")),
        SupportTypes = PartnerInput.SplitList(e.GetString("SupportTypes")),
        Languages = PartnerInput.SplitList(e.GetString("Languages")),
        Capacity = e.GetInt32("Capacity") ?? 0,
        Email = e.GetString("Email") ?? "",
        Active = e.GetBoolean("Active") ?? false,
        Publishable = e.GetBoolean("Publishable") ?? false,
        OpenEngagements = e.GetInt32(OpenEngagements) ?? 0,
        LastOfferedAt = e.GetDateTimeOffset(LastOfferedAt),
        RecentOffers = e.GetInt32(RecentOffers) ?? 0,
    };

    public static List<string> Keys(TableEntity e) => [.. PartnerInput.SplitList(e.GetString(EngagementKeys))];

    public static string Join(IEnumerable<string> items) => string.Join(';', items);
}
