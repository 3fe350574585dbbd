using Azure;
using Azure.Data.Tables;
using WgeoFlows.Privacy.Erasure;
using WgeoFlows.Privacy.People;
using WgeoFlows.Storage;
using WgeoFlows.Storage.ChangeLog;

namespace WgeoFlows.Privacy.ChangeLog;

/// <summary>One row of the admins' change log of partners and reviewers, as the personal-data features read it.</summary>
public sealed record ChangeLogRow(string Partition, string RowKey, string Subject, string SubjectId, string Action, string Actor,
    DateTimeOffset At, string? Before, string? After, ETag ETag);

/// <summary>
/// The change log of partners and reviewers (written by the admin's changes, in <see cref="TableNames.Audit"/> under
/// the partitions "change|…") holds people's addresses: a partner's or a reviewer's in the values before and after a
/// change, and the admin's sign-in name, which is often an address too. The store writes and pages entries; this reads
/// the raw rows with their ETags, to find and rewrite them in place (the same partition prefix and columns, a test
/// compares them). Cost: one range read over the "change|" partitions, which grow with admins' edits only — small next
/// to the requests table. Each change is stored twice (its subject's partition and the subject-wide one); finding
/// reports it once, a rewrite changes both.
/// </summary>
public sealed class ChangeLogRows(StorageClients storage)
{
    public const string PartitionPrefix = ChangeLogStore.PartitionPrefix;

    /// <summary>The subjects the change log uses, and the role a person named in its values has.</summary>
    public const string PartnerSubject = ChangeSubjects.Partner;
    public const string ReviewersSubject = ChangeSubjects.Reviewers;

    private TableClient Table => storage.Table(TableNames.Audit);

    /// <summary>The changes naming <paramref name="email"/> (lower case) in their actor or values, newest first, each once.</summary>
    public async Task<IReadOnlyList<ChangeLogRow>> NamingAsync(string email, CancellationToken cancellationToken = default)
    {
        var found = new Dictionary<string, ChangeLogRow>(StringComparer.Ordinal);
        await foreach (var row in AllAsync(cancellationToken))
        {
            if (Names(row, email)) found.TryAdd(row.RowKey, row);
        }
        return [.. found.Values.OrderBy(r => r.RowKey, StringComparer.Ordinal)];
    }

    /// <summary>
    /// Rewrites every row whose actor or values hold an address <paramref name="values"/> (for the values, given the row's
    /// subject) or <paramref name="actor"/> (for the actor) replaces; returns how many rows changed. A row changed in between
    /// (it never is: the log is only added to) is read again and rewritten.
    /// </summary>
    public async Task<int> RewriteAsync(Func<string, PersonalDataRewrite> values, PersonalDataRewrite actor, CancellationToken cancellationToken = default)
    {
        var changed = 0;
        await foreach (var row in AllAsync(cancellationToken))
        {
            if (await RewriteRowAsync(row, values(row.Subject), actor, cancellationToken)) changed++;
        }
        return changed;
    }

    /// <summary>The role of a person named in the values of a change of <paramref name="subject"/>.</summary>
    public static string RoleIn(string subject) => subject switch
    {
        PartnerSubject => PersonRoles.Partner,
        ReviewersSubject => PersonRoles.Reviewer,
        _ => PersonRoles.Person,
    };

    private static bool Names(ChangeLogRow row, string email) =>
        EmailsInText.Names(row.Actor, email) || ChangeValues.Names(row.Before, email) || ChangeValues.Names(row.After, email);

    private async Task<bool> RewriteRowAsync(ChangeLogRow row, PersonalDataRewrite values, PersonalDataRewrite actor, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var newActor = actor.Text(row.Actor);
            var newBefore = row.Before is null ? null : ChangeValues.Map(row.Before, values.Text);
            var newAfter = row.After is null ? null : ChangeValues.Map(row.After, values.Text);
            if (newActor == row.Actor && newBefore == row.Before && newAfter == row.After) return false;
            var entity = new TableEntity(row.Partition, row.RowKey)
            {
                ["Subject"] = row.Subject,
                ["SubjectId"] = row.SubjectId,
                ["Action"] = row.Action,
                ["Actor"] = newActor,
                ["At"] = row.At,
            };
            if (newBefore is not null) SplitText.Write(entity, "Before", newBefore);
            if (newAfter is not null) SplitText.Write(entity, "After", newAfter);
            try
            {
                // Replace, not merge: a value that became shorter leaves none of its old parts behind.
                await Table.UpdateEntityAsync(entity, row.ETag, TableUpdateMode.Replace, cancellationToken);
                return true;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                var again = await Table.GetEntityIfExistsAsync<TableEntity>(row.Partition, row.RowKey, cancellationToken: cancellationToken);
                if (!again.HasValue) return false;
                row = FromEntity(again.Value!);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return false;
            }
        }
        throw new InvalidOperationException($"The change log row {row.Partition}/{row.RowKey} kept changing while its addresses were replaced.");
    }

    private async IAsyncEnumerable<ChangeLogRow> AllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await storage.EnsureCreatedAsync();
        // Every partition starting "change|": '}' is the character after '|'.
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {PartitionPrefix} and PartitionKey lt {PartitionPrefix[..^1] + "}"}");
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1000, cancellationToken: cancellationToken))
        {
            yield return FromEntity(entity);
        }
    }

    private static ChangeLogRow FromEntity(TableEntity e) => new(
        e.PartitionKey,
        e.RowKey,
        e.GetString("Subject") ?? "",
        e.GetString("SubjectId") ?? "",
        e.GetString("Action") ?? "",
        e.GetString("Actor") ?? "",
        e.GetDateTimeOffset("At") ?? default,
        SplitText.Read(e, "Before"),
        SplitText.Read(e, "After"),
        e.ETag);
}
