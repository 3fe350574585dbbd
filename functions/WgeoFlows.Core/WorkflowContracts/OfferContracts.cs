using WgeoFlows.Workflow.Steps;

namespace WgeoFlows.WorkflowContracts;

/// <summary>The two ranked sides of a triangular cooperation: Global South providers for the technical side, and funders.</summary>
/// <param name="Reason">Why triangular cooperation is proposed (shown to admins).</param>
public sealed record TriangularCandidates(string Reason, IReadOnlyList<RankedPartner> Technical, IReadOnlyList<RankedPartner> Funders);

/// <summary>The sides a request's offers are made for. A one-to-one match has one side; a triangle has two, and is matched
/// only when each side has a partner who accepted.</summary>
public static class OfferSides
{
    /// <summary>One-to-one (South-South) cooperation: the single side.</summary>
    public const string Partner = "partner";
    /// <summary>The technical side of a triangle: a Global South provider.</summary>
    public const string Technical = "technical";
    /// <summary>The financing side of a triangle.</summary>
    public const string Funder = "funder";
}
