namespace WgeoFlows.Matching;

/// <summary>A partner as someone typed it (a CSV row or an admin's PUT body): raw text, validated by <see cref="PartnerValidator"/>.</summary>
public sealed record PartnerInput
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Platform { get; init; }
    public string? Country { get; init; }
    public string? Role { get; init; }
    public IReadOnlyList<string> ThematicAreas { get; init; } = [];
    public IReadOnlyList<string> SupportTypes { get; init; } = [];
    public IReadOnlyList<string> Languages { get; init; } = [];
    public string? Capacity { get; init; }
    public string? Email { get; init; }
    /// <summary>Empty means active.</summary>
    public string? Active { get; init; }
    /// <summary>Empty means not publishable.</summary>
    public string? Publishable { get; init; }

    /// <summary>Splits a <c>;</c>-joined cell into its trimmed, non-empty items.</summary>
    public static IReadOnlyList<string> SplitList(string? cell) =>
        string.IsNullOrWhiteSpace(cell)
            ? []
            : cell.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
