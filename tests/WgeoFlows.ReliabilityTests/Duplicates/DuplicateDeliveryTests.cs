using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Intake;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Duplicates;

/// <summary>
/// Many submissions, each delivered five times at the same moment (a form service retrying on a slow answer): exactly one
/// request record, one orchestration start and one acknowledgement per submission. 40 submissions by default so CI stays
/// fast; the full 200 with WGEO_FULL_DUPLICATES=1.
/// </summary>
public sealed class DuplicateDeliveryTests(HostileStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int DeliveriesEach = 5;
    private const int SubmissionsAtOnce = 8;

    /// <summary>Each read takes the sink's whole mailbox, hundreds of mails with the full-size run.</summary>
    private static readonly TimeSpan MailboxReadInterval = TimeSpan.FromMilliseconds(500);

    private static int Submissions => Environment.GetEnvironmentVariable("WGEO_FULL_DUPLICATES") == "1" ? 200 : 40;

    [Fact]
    public async Task Every_submission_delivered_five_times_at_once_makes_one_request_one_orchestration_and_one_acknowledgement()
    {
        var submissionIds = Enumerable.Range(0, Submissions).Select(i => $"duplicates-{i:D3}").ToList();
        var deliveredAgain = 0;
        var answers = new ConcurrentBag<(string SubmissionId, HttpStatusCode Status, string RequestId)>();
        await Parallel.ForEachAsync(submissionIds, new ParallelOptions { MaxDegreeOfParallelism = SubmissionsAtOnce, CancellationToken = Ct },
            async (submissionId, ct) =>
            {
                using var start = new SemaphoreSlim(0);
                var deliveries = Enumerable.Range(0, DeliveriesEach).Select(async _ =>
                {
                    await start.WaitAsync(ct);
                    // As a form service does: a 503 (storage did not answer) is delivered again after Retry-After.
                    for (var attempt = 1; ; attempt++)
                    {
                        using var response = await stack.Client.SubmitAsync(SamplePayloads.Valid(submissionId));
                        var text = await response.Content.ReadAsStringAsync(ct);
                        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 20)
                        {
                            response.Headers.RetryAfter.ShouldNotBeNull("a 503 says when to deliver again");
                            Interlocked.Increment(ref deliveredAgain);
                            // The pace of a form service's redelivery, not a wait for something to happen: sooner than the
                            // Retry-After asked, so that the test stays short (nothing depends on how soon).
                            await Task.Delay(TimeSpan.FromMilliseconds(500), ct);
                            continue;
                        }
                        var requestId = response.IsSuccessStatusCode ? JsonDocument.Parse(text).RootElement.GetProperty("requestId").GetString()! : text;
                        answers.Add((submissionId, response.StatusCode, requestId));
                        break;
                    }
                }).ToList();
                start.Release(DeliveriesEach);
                await Task.WhenAll(deliveries);
            });

        var bySubmission = answers.GroupBy(a => a.SubmissionId).ToList();
        answers.Where(a => a.Status != HttpStatusCode.Accepted && a.Status != HttpStatusCode.OK)
            .ShouldBeEmpty("every delivery is accepted (202) or answered as a duplicate (200)");
        bySubmission.Where(g => g.Count(a => a.Status == HttpStatusCode.Accepted) != 1).Select(g => g.Key)
            .ShouldBeEmpty("submissions not accepted exactly once");
        bySubmission.Where(g => g.Any(a => a.RequestId != RequestIds.For(g.Key))).Select(g => g.Key)
            .ShouldBeEmpty("submissions whose deliveries were answered with another request id");

        var census = new StorageCensus(stack.Storage.ConnectionString);
        var requestIds = submissionIds.Select(RequestIds.For).ToList();
        // The webhook stores each submission in its inbox row; the dispatcher then writes the record and starts the
        // orchestration, whose history holds the ExecutionStarted event once it has run: all done when the acknowledgement is out.
        var acknowledgements = await WaitForAcknowledgementsAsync(requestIds);
        foreach (var requestId in requestIds)
        {
            (await census.RequestRecordsAsync(requestId, Ct)).ShouldBe(1, $"request records of {requestId}");
            (await census.OrchestrationsAsync(requestId, Ct)).ShouldBe(1, $"orchestrations of {requestId}");
            (await census.ExecutionsStartedAsync(requestId, Ct)).ShouldBe(1, $"orchestration starts of {requestId}");
        }
        (await census.UnstartedSubmissionsAsync(Ct)).ShouldBeEmpty("inbox rows left waiting for their dispatch");
        var counts = requestIds.ToDictionary(id => id, id => acknowledgements.Count(m => m.Text.Contains(id, StringComparison.Ordinal)));
        counts.Where(c => c.Value != 1).ShouldBeEmpty("requests without exactly one acknowledgement");
        Figures.Record(
            $"{Submissions} submissions × {DeliveriesEach} deliveries: {answers.Count(a => a.Status == HttpStatusCode.Accepted)} accepted, " +
            $"{answers.Count(a => a.Status == HttpStatusCode.OK)} duplicates, {deliveredAgain} answered 503 and delivered again; {counts.Values.Sum()} acknowledgements");
    }

    /// <summary>Waits until every request has its acknowledgement and, later, its review request, and returns the
    /// acknowledgements. A workflow mails its acknowledgement (retried, if at all, before it goes on) and then screens the
    /// request and asks the reviewer: once the review request is out, a second acknowledgement of that workflow would be too.
    /// (That there is one workflow per submission, started once, the storage census checks.)</summary>
    private async Task<IReadOnlyList<SinkMail>> WaitForAcknowledgementsAsync(IReadOnlyList<string> requestIds)
    {
        static bool About(SinkMail mail, string requestId) => mail.Text.Contains(requestId, StringComparison.Ordinal);
        bool Reviewed(IReadOnlyList<SinkMail> mails, string requestId) =>
            mails.Any(m => About(m, requestId) && m.To.Contains("amina@example.org"))
            && mails.Any(m => About(m, requestId) && WgeoClient.LinkPatternMatches(m, "review"));
        var mails = await Poll.UntilAsync(() => stack.Client.MailsAsync(), mails => requestIds.All(id => Reviewed(mails, id)),
            TimeSpan.FromSeconds(Submissions * 1.5 + 60), "every request's acknowledgement and review request",
            mails => $"{requestIds.Count(id => !Reviewed(mails, id))} of {requestIds.Count} requests without them: "
                + string.Join(", ", requestIds.Where(id => !Reviewed(mails, id)).Take(10)), Ct, MailboxReadInterval);
        return [.. mails.Where(m => m.To.Contains("amina@example.org"))];
    }
}
