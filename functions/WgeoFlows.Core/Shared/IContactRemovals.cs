namespace WgeoFlows.Shared;

/// <summary>
/// Told when a partner or a reviewer leaves the registries, so that their address is erased from finished requests'
/// timelines, mails and link stages once <c>Privacy:RetainFor</c> has passed since the removal (Privacy/Retention keeps the
/// list and does the erasing). The stages that remove people know only this interface: the privacy stage uses them (it gives
/// partners' capacity back), so they must not use it in return.
/// </summary>
public interface IContactRemovals
{
    Task PartnerRemovedAsync(string email, CancellationToken cancellationToken = default);

    Task ReviewerRemovedAsync(string email, CancellationToken cancellationToken = default);
}
