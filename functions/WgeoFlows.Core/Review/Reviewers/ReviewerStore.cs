using System.Globalization;
using Azure.Data.Tables;
using WgeoFlows.Matching;
using WgeoFlows.Shared;
using WgeoFlows.Storage;

namespace WgeoFlows.Review.Reviewers;

public sealed class ReviewerValidationException(IReadOnlyList<string> errors)
    : Exception("The reviewer list is not valid: " + string.Join(" ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}

/// <summary>Reviewers in Table Storage: PK = platform, RK = stage + "|" + email (lower case).</summary>
public sealed class ReviewerStore(StorageClients storage)
{
    private async Task<TableClient> TableAsync()
    {
        await storage.EnsureCreatedAsync();
        return storage.Table(TableNames.Reviewers);
    }

    /// <summary>The platform's reviewers by stage, primaries before backups, then by email.</summary>
    public async Task<IReadOnlyList<Reviewer>> ListForPlatformAsync(string platform, CancellationToken cancellationToken = default) =>
        Ordered(await QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {platform}"), cancellationToken));

    /// <summary>Every reviewer, ordered by platform, then as <see cref="ListForPlatformAsync"/>.</summary>
    public async Task<IReadOnlyList<Reviewer>> ListAllAsync(CancellationToken cancellationToken = default) =>
        Ordered(await QueryAsync(null, cancellationToken));

    public async Task<bool> AnyAsync(CancellationToken cancellationToken = default)
    {
        var table = await TableAsync();
        await foreach (var page in table.QueryAsync<TableEntity>(maxPerPage: 1, select: ["RowKey"], cancellationToken: cancellationToken).AsPages())
        {
            if (page.Values.Count > 0) return true;
            if (page.ContinuationToken is null) break;
        }
        return false;
    }

    /// <summary>Makes the stored reviewers exactly <paramref name="reviewers"/>. Each platform is replaced in one table
    /// transaction, so a platform is never seen half-replaced; platforms absent from the list lose their reviewers.</summary>
    /// <exception cref="ReviewerValidationException">The list breaks a rule of <see cref="ReviewerValidator"/>; nothing is changed.</exception>
    public async Task ReplaceAllAsync(IEnumerable<Reviewer> reviewers, CancellationToken cancellationToken = default)
    {
        var wanted = reviewers.ToList();
        var errors = ReviewerValidator.Validate(wanted);
        if (errors.Count > 0) throw new ReviewerValidationException(errors);

        var table = await TableAsync();
        var stored = await QueryAsync(null, cancellationToken);
        var platforms = wanted.Select(r => r.Platform).Concat(stored.Select(r => r.Platform)).Distinct(StringComparer.Ordinal);
        foreach (var platform in platforms)
        {
            var keep = wanted.Where(r => r.Platform == platform).Select(ToEntity).ToList();
            var keepKeys = keep.Select(e => e.RowKey).ToHashSet(StringComparer.Ordinal);
            var actions = stored.Where(r => r.Platform == platform).Select(ToEntity).Where(e => !keepKeys.Contains(e.RowKey))
                .Select(e => new TableTransactionAction(TableTransactionActionType.Delete, e))
                .Concat(keep.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)))
                .ToList();
            if (actions.Count > 0) await table.SubmitTransactionAsync(actions, cancellationToken);
        }
    }

    private static TableEntity ToEntity(Reviewer r) => new(r.Platform, RowKey(r.Stage, r.Email))
    {
        ["Stage"] = r.Stage,
        ["Email"] = EmailAddresses.Normalize(r.Email),
        ["Name"] = r.Name.Trim(),
        ["Role"] = r.Role.ToString().ToLowerInvariant(),
    };

    private static string RowKey(int stage, string email) =>
        stage.ToString(CultureInfo.InvariantCulture) + "|" + EmailAddresses.Normalize(email);

    private static Reviewer ToReviewer(TableEntity e) => new(
        e.PartitionKey,
        e.GetInt32("Stage") ?? 1,
        e.GetString("Email") ?? "",
        e.GetString("Name") ?? "",
        Enum.TryParse<ReviewerRole>(e.GetString("Role"), ignoreCase: true, out var role) ? role : ReviewerRole.Backup);

    private static List<Reviewer> Ordered(IEnumerable<Reviewer> reviewers) =>
        [.. reviewers.OrderBy(r => r.Platform, StringComparer.Ordinal).ThenBy(r => r.Stage).ThenBy(r => r.Role).ThenBy(r => r.Email, StringComparer.Ordinal)];

    private async Task<List<Reviewer>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        var reviewers = new List<Reviewer>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            reviewers.Add(ToReviewer(entity));
        }
        return reviewers;
    }
}
