namespace WgeoFlows.Matching;

/// <summary>A partner proposed for a request, best first; <see cref="Score"/> is the sum of the breakdown's points.</summary>
public sealed record MatchCandidate(string PartnerId, double Score, IReadOnlyList<ScoreComponent> Breakdown);

/// <param name="Name">One of <see cref="ScoreComponents"/>.</param>
/// <param name="Value">How far the partner meets this criterion, from 0 to 1.</param>
/// <param name="Points">What it adds to the score: <c>Weight × Value</c>, negative for recent load.</param>
/// <param name="Explanation">A sentence an admin can read.</param>
public sealed record ScoreComponent(string Name, double Weight, double Value, double Points, string Explanation);

public static class ScoreComponents
{
    public const string ThematicFit = "thematic-fit";
    public const string SupportTypeFit = "support-type-fit";
    public const string Language = "language";
    public const string PreferredRegion = "preferred-region";
    public const string SouthSouth = "south-south";
    public const string RemainingCapacity = "remaining-capacity";
    public const string RecentLoad = "recent-load";
}
