namespace WgeoFlows.Matching.Partners;

/// <summary>A partner as the admin API shows it: the registry fields (the PUT body's shape), the fields derived from the
/// country, and the engagement fields the workflow keeps (read-only).</summary>
public sealed record PartnerView(
    string Id,
    string Name,
    string Platform,
    string Country,
    string Region,
    bool GlobalSouth,
    string Role,
    IReadOnlyList<string> ThematicAreas,
    IReadOnlyList<string> SupportTypes,
    IReadOnlyList<string> Languages,
    int Capacity,
    string Email,
    bool Active,
    bool Publishable,
    int OpenEngagements,
    int RemainingCapacity,
    DateTimeOffset? LastOfferedAt,
    int RecentOffers)
{
    public static PartnerView Of(Partner p) => new(p.Id, p.Name, p.Platform, p.Country, p.Region, p.GlobalSouth, p.Role.ToId(),
        p.ThematicAreas, p.SupportTypes, p.Languages, p.Capacity, p.Email, p.Active, p.Publishable, p.OpenEngagements, p.RemainingCapacity,
        p.LastOfferedAt, p.RecentOffers);
}
