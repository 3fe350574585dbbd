using Azure;
using Azure.Data.Tables;
using WgeoFlows.Storage;

namespace WgeoFlows.Links;

public enum DecideOutcome { Recorded, AlreadyDecided, Closed, Missing, NotAllowed }

/// <summary>
/// Link stages as rows "stage|{key}" in the request's partition. The first decision wins through an ETag-conditional
/// update, so two reviewers clicking at once cannot both decide; the loser is told who decided and when.
/// </summary>
public sealed class LinkStageStore(StorageClients storage)
{
    public const string RowPrefix = "stage|";

    private TableClient Table => storage.Table(TableNames.Requests);

    /// <summary>Opens the stage, or leaves it as it is when it exists already (a retried activity).
    /// Persons given again are added, so escalation to a backup reviewer keeps the primary's link alive.</summary>
    public async Task<LinkStage> OpenAsync(string requestId, string stageKey, LinkKind kind, string title,
        IEnumerable<string> persons, string? question, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        for (var attempt = 0; ; attempt++)
        {
            var existing = await GetEntityAsync(requestId, stageKey, cancellationToken);
            try
            {
                if (existing is null)
                {
                    var stage = new LinkStage(requestId, stageKey, kind, title, persons.Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
                        now, question, null, null, null);
                    await Table.AddEntityAsync(ToEntity(stage), cancellationToken);
                    return stage;
                }
                var current = FromEntity(existing);
                var merged = current.Persons.Concat(persons).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (merged.Count == current.Persons.Count) return current;
                var widened = current with { Persons = merged };
                await Table.UpdateEntityAsync(ToEntity(widened), existing.ETag, TableUpdateMode.Replace, cancellationToken);
                return widened;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 && attempt < 10)
            {
                // Raced with another writer of the same stage: read it again.
            }
        }
    }

    public async Task<LinkStage?> GetAsync(string requestId, string stageKey, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var entity = await GetEntityAsync(requestId, stageKey, cancellationToken);
        return entity is null ? null : FromEntity(entity);
    }

    /// <summary>Records <paramref name="decision"/> if the stage is open and the person may decide; first writer wins.</summary>
    public async Task<(DecideOutcome Outcome, LinkStage? Stage)> TryDecideAsync(string requestId, LinkDecision decision,
        CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        for (var attempt = 0; ; attempt++)
        {
            var entity = await GetEntityAsync(requestId, decision.StageKey, cancellationToken);
            if (entity is null) return (DecideOutcome.Missing, null);
            var stage = FromEntity(entity);
            if (stage.Decision is not null) return (DecideOutcome.AlreadyDecided, stage);
            if (stage.ClosedReason is not null) return (DecideOutcome.Closed, stage);
            if (!stage.Allows(decision.Person)) return (DecideOutcome.NotAllowed, stage);
            var decided = stage with { Decision = decision };
            try
            {
                await Table.UpdateEntityAsync(ToEntity(decided), entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return (DecideOutcome.Recorded, decided);
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
                // Another decision or a close landed first; read again to find out which.
            }
        }
    }

    /// <summary>Takes back <paramref name="decision"/> when its event could not be raised, so that the person can send it
    /// again: only while the stage still holds this very decision and is not over (ETag-conditional).</summary>
    public async Task UndoDecisionAsync(string requestId, LinkDecision decision, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var entity = await GetEntityAsync(requestId, decision.StageKey, cancellationToken);
            if (entity is null) return;
            var stage = FromEntity(entity);
            if (stage.ClosedReason is not null || stage.Decision is not { } held || held.Person != decision.Person
                || held.Decision != decision.Decision || held.Comment != decision.Comment)
            {
                return;
            }
            try
            {
                await Table.UpdateEntityAsync(ToEntity(stage with { Decision = null }), entity.ETag, TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
            }
        }
    }

    /// <summary>Closes an open stage without a decision (expired, reassigned, cancelled). Decided stages stay as they are.</summary>
    public Task CloseAsync(string requestId, string stageKey, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        CloseOrSupersedeAsync(requestId, stageKey, reason, now, evenIfDecided: false, cancellationToken);

    /// <summary>Marks a stage over, decided or not: a decided stage keeps its decision, and its links then answer that the
    /// workflow has moved on (a new review round after the requester's answer) instead of offering the decision again.</summary>
    public Task SupersedeAsync(string requestId, string stageKey, string reason, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        CloseOrSupersedeAsync(requestId, stageKey, reason, now, evenIfDecided: true, cancellationToken);

    private async Task CloseOrSupersedeAsync(string requestId, string stageKey, string reason, DateTimeOffset now, bool evenIfDecided,
        CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        for (var attempt = 0; ; attempt++)
        {
            var entity = await GetEntityAsync(requestId, stageKey, cancellationToken);
            if (entity is null) return;
            var stage = FromEntity(entity);
            if (stage.ClosedReason is not null || (stage.Decision is not null && !evenIfDecided)) return;
            try
            {
                await Table.UpdateEntityAsync(ToEntity(stage with { ClosedReason = reason, ClosedAt = now }), entity.ETag,
                    TableUpdateMode.Replace, cancellationToken);
                return;
            }
            catch (RequestFailedException e) when (e.Status == 412 && attempt < 10)
            {
            }
        }
    }

    public async Task<IReadOnlyList<LinkStage>> ListAsync(string requestId, CancellationToken cancellationToken = default)
    {
        await storage.EnsureCreatedAsync();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {requestId} and RowKey ge {RowPrefix} and RowKey lt {"stage}"}");
        var stages = new List<LinkStage>();
        await foreach (var e in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken)) stages.Add(FromEntity(e));
        return stages.OrderBy(s => s.OpenedAt).ToList();
    }

    private async Task<TableEntity?> GetEntityAsync(string requestId, string stageKey, CancellationToken cancellationToken)
    {
        var response = await Table.GetEntityIfExistsAsync<TableEntity>(requestId, RowPrefix + stageKey, cancellationToken: cancellationToken);
        return response.HasValue ? response.Value : null;
    }

    private static TableEntity ToEntity(LinkStage s) => new(s.RequestId, RowPrefix + s.StageKey)
    {
        ["Kind"] = s.Kind.ToWord(),
        ["Title"] = s.Title,
        ["Persons"] = string.Join(';', s.Persons),
        ["OpenedAt"] = s.OpenedAt,
        ["Question"] = s.Question,
        ["DecidedBy"] = s.Decision?.Person,
        ["Decision"] = s.Decision?.Decision,
        ["Comment"] = s.Decision?.Comment,
        ["DecidedAt"] = s.Decision?.At,
        ["ClosedReason"] = s.ClosedReason,
        ["ClosedAt"] = s.ClosedAt,
    };

    private static LinkStage FromEntity(TableEntity e)
    {
        var stageKey = e.RowKey[RowPrefix.Length..];
        var decidedBy = e.GetString("DecidedBy");
        var decision = decidedBy is null
            ? null
            : new LinkDecision(stageKey, decidedBy, e.GetString("Decision") ?? "", e.GetString("Comment"), e.GetDateTimeOffset("DecidedAt") ?? default);
        return new LinkStage(e.PartitionKey, stageKey, KindOf(e), e.GetString("Title") ?? "",
            (e.GetString("Persons") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries), e.GetDateTimeOffset("OpenedAt") ?? default,
            e.GetString("Question"), decision, e.GetString("ClosedReason"), e.GetDateTimeOffset("ClosedAt"));
    }

    /// <summary>The stage's kind from the word its row holds (<see cref="LinkKinds"/>); this store writes no other.</summary>
    private static LinkKind KindOf(TableEntity e) => LinkKinds.TryParse(e.GetString("Kind"), out var kind)
        ? kind
        : throw new InvalidDataException($"The link stage {e.RowKey} of request {e.PartitionKey} has an unknown kind {e.GetString("Kind")}.");
}
