namespace WgeoFlows.Matching;

/// <summary>
/// Whatever names partners in public and must stop at once when a partner may no longer be named: its <c>publishable</c>
/// written as false (an admin's PUT, a CSV import) or its removal from the registry. <see cref="PartnerStore"/> calls every
/// registered one after such a write. The impact page registers itself here, so that Matching, which the impact page
/// reads, does not depend on it in turn.
/// </summary>
public interface IPartnerNamingWithdrawal
{
    Task WithdrawAsync(IReadOnlyCollection<Partner> partners, CancellationToken cancellationToken);
}
