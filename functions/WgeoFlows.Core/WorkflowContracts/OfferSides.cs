namespace WgeoFlows.WorkflowContracts;

/// <summary>The sides a request's offers are made for. A one-to-one match has one side; a triangle has two, and is matched
/// only when each side has a partner who accepted.</summary>
/// <remarks>Here rather than beside an activity: the ranking and offer activities (Matching) write these words into stage keys,
/// stored candidates and histories, and the offer rounds (Workflow) run one round per side.</remarks>
public static class OfferSides
{
    /// <summary>One-to-one (South-South) cooperation: the single side.</summary>
    public const string Partner = "partner";
    /// <summary>The technical side of a triangle: a Global South provider.</summary>
    public const string Technical = "technical";
    /// <summary>The financing side of a triangle.</summary>
    public const string Funder = "funder";
}
