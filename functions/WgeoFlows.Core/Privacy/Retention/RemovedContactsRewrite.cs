using WgeoFlows.Privacy.Erasure;

namespace WgeoFlows.Privacy.Retention;

/// <summary>Replaces the addresses of removed partners and reviewers (<see cref="RemovedContacts"/>) by their role, and
/// nothing else: a finished request kept within its retention period keeps its own texts.</summary>
public sealed class RemovedContactsRewrite(IReadOnlyList<RemovedContact> removed, Func<string, string> keyOf) : PersonalDataRewrite
{
    private readonly Dictionary<string, string> _roles = removed.ToDictionary(r => r.Key, r => r.Role, StringComparer.Ordinal);

    public override bool ErasesFreeText => false;

    protected override string? RoleFor(string address) => _roles.GetValueOrDefault(keyOf(address));
}
