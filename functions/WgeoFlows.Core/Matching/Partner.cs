using WgeoFlows.Configuration;

namespace WgeoFlows.Matching;

/// <summary>An organisation of the partner registry that can be offered requests.</summary>
/// <remarks>
/// Region and Global South membership are derived from <see cref="Country"/> when the partner is
/// validated, and stored with it, so that ranking never has to look them up. The engagement fields
/// (<see cref="OpenEngagements"/>, <see cref="LastOfferedAt"/>, <see cref="RecentOffers"/>) are kept by
/// the workflow, never by an import or an admin edit.
/// </remarks>
public sealed record Partner
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Platform { get; init; }
    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public required string Country { get; init; }
    public required string Region { get; init; }
    public required bool GlobalSouth { get; init; }
    public required PartnerRole Role { get; init; }
    public required IReadOnlyList<string> ThematicAreas { get; init; }
    public required IReadOnlyList<string> SupportTypes { get; init; }
    public required IReadOnlyList<string> Languages { get; init; }
    /// <summary>How many engagements the partner accepts at once.</summary>
    public required int Capacity { get; init; }
    public required string Email { get; init; }
    public bool Active { get; init; } = true;
    /// <summary>The partner agrees that the impact page may name it in a matched pair's story (contract extension).</summary>
    public bool Publishable { get; init; }

    public int OpenEngagements { get; init; }
    public DateTimeOffset? LastOfferedAt { get; init; }
    /// <summary>Offers made since the start of the current recent-load window (see <see cref="RankingWeights.RecentLoadWindow"/>).</summary>
    public int RecentOffers { get; init; }

    // Cached for ranking; a `with` copy carries it over, so it is checked against the copy before use.
    private RankingProfile? _rankingProfile;

    internal RankingProfile RankingProfile
    {
        get
        {
            var profile = _rankingProfile;
            if (profile is null || !profile.Describes(this)) _rankingProfile = profile = new RankingProfile(this);
            return profile;
        }
    }

    public int RemainingCapacity => Math.Max(0, Capacity - OpenEngagements);
    public bool ProvidesSupport => Role is PartnerRole.Provider or PartnerRole.Both;
    public bool Funds => Role is PartnerRole.Funder or PartnerRole.Both;

    /// <summary>Equal when every field is, lists by content (a record's default compares them by reference) and the
    /// ranking cache left out.</summary>
    public bool Equals(Partner? other) =>
        other is not null && HasSameRegistryFieldsAs(other) && OpenEngagements == other.OpenEngagements
        && LastOfferedAt == other.LastOfferedAt && RecentOffers == other.RecentOffers;

    public override int GetHashCode() => HashCode.Combine(Id, Name, Email);

    /// <summary>True when every field an import or an admin edit sets is the same, lists by content.</summary>
    public bool HasSameRegistryFieldsAs(Partner other) =>
        Id == other.Id && Name == other.Name && Platform == other.Platform && Country == other.Country
        && Region == other.Region && GlobalSouth == other.GlobalSouth && Role == other.Role
        && ThematicAreas.SequenceEqual(other.ThematicAreas) && SupportTypes.SequenceEqual(other.SupportTypes)
        && Languages.SequenceEqual(other.Languages) && Capacity == other.Capacity
        && Email == other.Email && Active == other.Active && Publishable == other.Publishable;
}
