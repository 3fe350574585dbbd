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
/// The inbox sweep reads only what may be pending: one query per shard partition, each naming its PartitionKey, never a
/// query across the whole table (on Azure a table scan); and those queries return the pending rows older than the grace only.
/// </summary>
public sealed class InboxSweepQueryTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_sweep_queries_each_shard_partition_for_its_pending_rows_and_never_the_whole_table()
    {
        var queries = new QueryRecorder();
        var tableOptions = new TableClientOptions();
        tableOptions.AddPolicy(queries, HttpPipelinePosition.PerCall);
        var inbox = new SubmissionInbox(new StorageClients(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }), tableOptions));
        var old = DateTimeOffset.UtcNow.AddMinutes(-5);
        var pending = new List<string>();
        for (var i = 0; i < 40; i++)
        {
            var row = Pending($"sweep-query-{i}-{Guid.NewGuid():N}", i % 4 == 0 ? DateTimeOffset.UtcNow : old);
            (await inbox.TryAddAsync(row, Ct)).ShouldBeTrue();
            if (i % 2 == 0) await inbox.MarkDispatchedAsync(row, DateTimeOffset.UtcNow, Ct);
            else if (i % 4 != 0) pending.Add(row.RequestId);
        }
        queries.Clear();

        var found = await inbox.PendingAsync(DateTimeOffset.UtcNow.AddMinutes(-1), Ct).ToListAsync(Ct);

        found.Order(StringComparer.Ordinal).ShouldBe(pending.Order(StringComparer.Ordinal));
        var filters = queries.Filters.ToList();
        filters.ShouldNotBeEmpty();
        filters.ShouldAllBe(f => f.StartsWith("PartitionKey eq 'sub|", StringComparison.Ordinal) && f.Contains("Pending eq true", StringComparison.Ordinal),
            "every query the sweep sends is scoped to one partition");
        filters.Select(f => f[..f.IndexOf(" and ", StringComparison.Ordinal)]).Distinct().Count().ShouldBe(SubmissionInbox.Shards);
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
