using WgeoFlows.Impact;
using WgeoFlows.Storage;

namespace WgeoFlows.Admin.Actions;

/// <summary>
/// The admin action <c>withdraw-consent</c>: the requester no longer agrees that the impact page names its organisation.
/// The record's <see cref="SupportRequest.ConsentToPublish"/> is set to false first (so that a match recorded later writes
/// no story), then the story is taken off the impact page, its cache and the open data at once
/// (<see cref="ImpactStoryWithdrawal"/>). Allowed in any status; doing it again changes nothing more. The counts stay.
/// </summary>
public sealed class ConsentWithdrawal(RequestStore requests, ImpactStoryWithdrawal stories)
{
    /// <returns>How many stories were taken down (0 or 1).</returns>
    public async Task<int> WithdrawAsync(StoredRequest stored, CancellationToken cancellationToken = default)
    {
        var requestId = stored.Request.RequestId;
        if (stored.Request.ConsentToPublish)
        {
            await requests.UpdateAsync(requestId, r => r with { ConsentToPublish = false }, cancellationToken);
        }
        return await stories.WithdrawRequestAsync(requestId, cancellationToken);
    }
}
