using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.HostileInput;

/// <summary>
/// The generated hostile corpus (<see cref="HostileCorpus.SampleSize"/> cases by default, <see cref="HostileCorpus.FullSize"/>
/// with WGEO_FULL_CORPUS=1) against every public route of one local host: never a 5xx, no way in without the signature,
/// key or token a route requires, no injected markup reflected raw into a page, and nothing stored for any request the
/// corpus was not allowed to create.
/// </summary>
public sealed class HostileCorpusTests(HostileStack stack)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private const int ConcurrentCalls = 4;

    [Fact]
    public async Task No_hostile_call_gets_a_5xx_or_gets_in_and_refused_calls_store_nothing()
    {
        var seed = await SeedAsync();
        var census = new StorageCensus(stack.Storage.ConnectionString);
        var idsBefore = await census.RequestIdsAsync(Ct);
        var submissionsBefore = await census.SubmissionRequestIdsAsync(Ct);

        var cases = HostileCorpus.Generate(HostileCorpus.Size, seed).ToList();
        var failures = new ConcurrentQueue<string>();
        var answers = new ConcurrentDictionary<int, int>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentCalls, CancellationToken = Ct },
            async (hostile, ct) =>
            {
                using var request = hostile.ToRequest();
                using var response = await stack.Host.Http.SendAsync(request, ct);
                var status = (int)response.StatusCode;
                answers.AddOrUpdate(status, 1, (_, n) => n + 1);
                if (status >= 500) failures.Enqueue($"{status} for {hostile}: {await BodyAsync(response, ct)}");
                else if (hostile.MustBeRefused && status < 400) failures.Enqueue($"{status} (let in) for {hostile}");
                else if (await ReflectedMarkupAsync(response, ct) is { } reflected) failures.Enqueue($"raw markup {reflected} reflected by {hostile}");
            });

        var summary = string.Join(", ", answers.OrderBy(a => a.Key).Select(a => $"{a.Key}×{a.Value}"));
        Figures.Record($"Hostile corpus: {cases.Count} cases; answers {summary}");
        failures.ShouldBeEmpty($"{failures.Count} of {cases.Count} hostile calls failed (answers {summary}):\n{string.Join("\n", failures.Take(30))}");

        // Only the corpus's own few submission ids may have been accepted; any other new id is a refused input's trace.
        var allowed = HostileCorpus.SubmissionIds.Select(RequestIds.For).Append(seed.RequestId).ToHashSet(StringComparer.Ordinal);
        // Held Typeform deliveries are mailed to the admins from outbox partitions "held|{heldId}": not requests.
        (await census.RequestIdsAsync(Ct)).Except(idsBefore).Where(id => !allowed.Contains(id) && !id.StartsWith("held|", StringComparison.Ordinal))
            .ShouldBeEmpty("request ids stored by refused input");
        (await census.SubmissionRequestIdsAsync(Ct)).Except(submissionsBefore).Where(id => !allowed.Contains(id))
            .ShouldBeEmpty("submission claims stored by refused input");

        // Tampered, foreign and expired tokens and hostile form fields decided nothing: the seed still waits for its review.
        (await stack.Client.StatusOfAsync(seed.RequestId)).ShouldBe("InReview");

        // Whatever was accepted (the long texts in every script among them) was stored in rows Azure would accept too:
        // Azurite does not enforce every limit, so the rows are measured. The task hub's own tables are Durable's.
        var accepted = await census.SubmissionRequestIdsAsync(Ct);
        HostileCorpus.LongTextIds.Select(RequestIds.For).ShouldAllBe(id => accepted.Contains(id),
            "each kind of long text was accepted once, so its stored rows are among those measured");
        (await StoredRowLimits.ProblemsAsync(stack.Storage.ConnectionString, ["WgeoFlows"], Ct)).ShouldBeEmpty();
    }

    /// <summary>A genuine request waiting for review: its review token and status link are what the corpus tampers with.</summary>
    private async Task<CorpusSeed> SeedAsync()
    {
        using var response = await stack.Client.SubmitAsync(SamplePayloads.Valid("hostile-corpus-seed"));
        response.StatusCode.ShouldBe(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync(Ct));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var requestId = body.GetProperty("requestId").GetString()!;
        var statusPath = new Uri(body.GetProperty("statusUrl").GetString()!).PathAndQuery;
        var review = await stack.Client.WaitForMailAsync(requestId, m => WgeoClient.LinkPatternMatches(m, "review"), "review request", TimeSpan.FromSeconds(90));
        await stack.Client.WaitForStatusAsync(requestId, "InReview", TimeSpan.FromSeconds(90));
        var token = WgeoClient.LinkIn(review, "review")["/api/review/".Length..];
        return new CorpusSeed(requestId, token, statusPath);
    }

    private static async Task<string?> ReflectedMarkupAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.Content.Headers.ContentType?.MediaType != "text/html") return null;
        var html = await response.Content.ReadAsStringAsync(ct);
        return HostileStrings.Markup.Where(m => m.Contains('<', StringComparison.Ordinal)).FirstOrDefault(m => html.Contains(m, StringComparison.Ordinal));
    }

    private static async Task<string> BodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length > 300 ? text[..300] + "…" : text;
    }
}
