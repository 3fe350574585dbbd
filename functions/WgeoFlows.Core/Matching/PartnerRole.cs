using System.Text.Json.Serialization;

namespace WgeoFlows.Matching;

[JsonConverter(typeof(LowerCaseEnumConverter<PartnerRole>))]
public enum PartnerRole
{
    /// <summary>Gives technical support: assistance, capacity building, knowledge, technology.</summary>
    Provider,
    /// <summary>Finances the cooperation (the third party of triangular cooperation).</summary>
    Funder,
    Both,
}

/// <summary>The contract's spelling of roles: <c>provider</c>, <c>funder</c>, <c>both</c>.</summary>
public static class PartnerRoles
{
    public static bool TryParse(string? value, out PartnerRole role)
    {
        switch (value?.Trim().ToLowerInvariant())
        {
            case "provider": role = PartnerRole.Provider; return true;
            case "funder": role = PartnerRole.Funder; return true;
            case "both": role = PartnerRole.Both; return true;
            default: role = default; return false;
        }
    }

    public static string ToId(this PartnerRole role) => role switch
    {
        PartnerRole.Provider => "provider",
        PartnerRole.Funder => "funder",
        PartnerRole.Both => "both",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };
}
