using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Intake;

/// <summary>
/// The inbox sweep reads only pending rows: one query per shard partition, each a row-key range over that partition's
/// pending index, never a query across the whole table (on Azure a table scan) nor one over the dispatched claims; and
/// those queries return the pending rows older than the grace only.
/// </summary>
public sealed class InboxSweepQueryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sweep_reads_each_shard_partitions_pending_index_by_key_range_and_never_a_dispatched_claim()
    {
        var queries = new QueryRecorder();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(queries, HttpPipelinePosition.PerCall);
        var inbox = new SubmissionInbox(new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }), tableOptions));
        var old = DateTimeOffset.UtcNow.AddMinutes(-5);
        var pending = new List<string>();
        var all = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < 40; i++)
        {
            var row = Pending($"sweep-query-{i}-{Guid.NewGuid():N}", i % 4 == 1 ? DateTimeOffset.UtcNow : old);
            (await inbox.TryAddAsync(row, Ct)).ShouldBeTrue();
            all.Add(row.RequestId);
            if (i % 2 == 0) await inbox.MarkDispatchedAsync(row, DateTimeOffset.UtcNow, Ct);
            else pending.Add(row.RequestId);
        }
        // Every fourth row is still pending but younger than the sweep's grace.
        var olderThanGrace = pending.Where((_, i) => i % 2 == 1).ToList();
        queries.Clear();

        var found = await inbox.PendingAsync(DateTimeOffset.UtcNow.AddMinutes(-1), Ct).ToListAsync(Ct);

        found.Where(all.Contains).Order(StringComparer.Ordinal).ShouldBe(olderThanGrace.Order(StringComparer.Ordinal));
        var filters = queries.Filters.ToList();
        filters.ShouldNotBeEmpty();
        filters.ShouldAllBe(f => f.StartsWith("PartitionKey eq 'sub|", StringComparison.Ordinal)
                && f.Contains("RowKey ge 'p|' and RowKey lt 'p|", StringComparison.Ordinal),
            "every query the sweep sends is a row-key range over one partition's pending index");
        filters.Select(f => f[..f.IndexOf(" and ", StringComparison.Ordinal)]).Distinct().Count().ShouldBe(SubmissionInbox.Shards);
        // The range holds index rows only: a dispatched claim's key (its request id, "WG-…") sorts outside it, and its
        // index row went in the dispatch's batch. So what the range holds is exactly what is still pending.
        var table = new TableClient(azurite.ConnectionString, TableNames.Submissions);
        var indexed = await table.QueryAsync<TableEntity>("RowKey ge 'p|' and RowKey lt 'p}'", cancellationToken: Ct)
            .Select(r => r.GetString("RequestId") ?? "").Where(all.Contains).ToListAsync(Ct);
        indexed.Order(StringComparer.Ordinal).ShouldBe(pending.Order(StringComparer.Ordinal),
            "an index row for each pending claim, young or old, and none for a dispatched one");
    }

    private static PendingSubmission Pending(string submissionId, DateTimeOffset receivedAt)
    {
        var body = SamplePayloads.Valid(submissionId).ToElement();
        var submission = SubmissionValidator.Validate(body).Submission.ShouldNotBeNull();
        return PendingSubmission.From(submission, RequestIds.For(submissionId), SubmissionFingerprint.Of(body), receivedAt);
    }

    /// <summary>The $filter of every query sent to the inbox table.</summary>
    private sealed class QueryRecorder : HttpPipelineSynchronousPolicy
    {
        private readonly ConcurrentQueue<string> _filters = new();

        public IEnumerable<string> Filters => _filters;

        public void Clear() => _filters.Clear();

        public override void OnSendingRequest(HttpMessage message)
        {
            var uri = message.Request.Uri.ToUri();
            if (message.Request.Method != RequestMethod.Get || !uri.AbsolutePath.Contains(TableNames.Submissions, StringComparison.Ordinal)) return;
            var query = System.Web.HttpUtility.ParseQueryString(uri.Query);
            _filters.Enqueue(query["$filter"] ?? "(no filter: the whole table)");
        }
    }
}
