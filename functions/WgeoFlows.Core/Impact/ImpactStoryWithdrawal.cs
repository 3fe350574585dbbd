using WgeoFlows.Matching;

namespace WgeoFlows.Impact;

/// <summary>
/// Takes stories off the impact page, data.json and data.csv at once when an agreement to be named ends: the requester's
/// consent withdrawn (the admin action <c>withdraw-consent</c>), or a partner no longer publishable or removed from the
/// registry (<see cref="IPartnerNamingWithdrawal"/>). The figures stay: only the stories that name them go.
/// <para>"At once" on every instance: the rows are deleted in storage; this instance drops its cached figures; and the
/// stories stamp gets a new version, which every other instance compares with the one its cached figures were read under
/// before serving them again (<see cref="ImpactHandler"/>, at most <see cref="ImpactOptions.UnpublishCheckEvery"/> apart).
/// What browsers and proxies kept under <c>Cache-Control</c> is beyond the app's reach (see docs/personal-data.md).</para>
/// </summary>
public sealed class ImpactStoryWithdrawal(ImpactStatsStore store, ImpactHandler page, TimeProvider time) : IPartnerNamingWithdrawal
{
    /// <summary>Takes down the story of request <paramref name="requestId"/>; returns how many rows went (0 or 1).</summary>
    public Task<int> WithdrawRequestAsync(string requestId, CancellationToken cancellationToken = default) =>
        TakeDownAsync(story => story.RequestId == requestId, cancellationToken);

    /// <summary>Takes down every story naming one of <paramref name="partners"/>: by id, or, on stories stored before the
    /// ids were kept, by the partner's current name and country.</summary>
    public Task WithdrawAsync(IReadOnlyCollection<Partner> partners, CancellationToken cancellationToken) =>
        TakeDownAsync(story => Names(story, partners), cancellationToken);

    /// <summary>Takes down the stories that <paramref name="names"/>; returns how many.</summary>
    public async Task<int> TakeDownAsync(Func<StoredStory, bool> names, CancellationToken cancellationToken = default)
    {
        var doomed = (await store.StoryRowsAsync(cancellationToken)).Where(names).Select(s => s.RowKey).ToList();
        await store.DeleteStoriesAsync(doomed, cancellationToken);
        // Marked even when nothing was found: a withdrawal retried after a failure between the delete and this mark finds
        // nothing the second time, and must still tell the other instances.
        await store.MarkStoriesChangedAsync(time.GetUtcNow(), cancellationToken);
        page.ForgetFigures();
        return doomed.Count;
    }

    private static bool Names(StoredStory story, IReadOnlyCollection<Partner> partners) =>
        story.PartnerIds is { } ids
            ? ids.Any(id => partners.Any(p => p.Id == id))
            : story.Story?.Partners.Any(named => partners.Any(p => p.Name == named.Organization && p.Country == named.Country)) == true;
}
