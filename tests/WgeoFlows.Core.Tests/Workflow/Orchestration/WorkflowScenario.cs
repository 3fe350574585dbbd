using System.Collections.Concurrent;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Links;
using WgeoFlows.Matching.FollowUp;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Review.Activities;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;
using W = WgeoFlows.Workflow.Wiring.WorkflowActivities;

namespace WgeoFlows.Tests.Workflow.Orchestration;

/// <summary>
/// What the fake activities of one orchestration (one request id) answer, and every call they received. The defaults make a
/// request that passes screening, has one review stage (primary reviewer, backup reviewer), two ranked partners with capacity
/// and a follow-up; a test changes what it needs with <see cref="On{TActivity, TInput, TOutput}"/> and waits for the calls it
/// expects with <see cref="WaitForCallAsync{TActivity, TInput, TOutput}"/>. Timer durations are milliseconds, or an hour where
/// a test must not see the timer fire.
/// </summary>
public sealed class WorkflowScenario : IAsyncDisposable
{
    public const string Primary = "primary@example.org";
    public const string Backup = "backup@example.org";
    public const string Requester = "requester@example.org";
    public static readonly TimeSpan Never = TimeSpan.FromHours(1);

    private readonly List<ActivityCall> _calls = [];
    private readonly ConcurrentDictionary<string, Func<object?, object?>> _handlers = new(StringComparer.Ordinal);
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public WorkflowScenario(string requestId)
    {
        RequestId = requestId;
        Settings = new WorkflowSettings(Never, Never, Never, CandidatesPerRound: 1, MaxRounds: 3, OfferTimeout: Never,
            FollowUpAfter: TimeSpan.FromMilliseconds(50), AdminEmails: ["admin@example.org"], AdminUrl: "https://wgeo.example/admin",
            EmailRetry: new EmailRetrySettings(3, TimeSpan.FromMilliseconds(10), 1, TimeSpan.FromMilliseconds(10)),
            StepRetry: new StepRetrySettings(3, TimeSpan.FromMilliseconds(10), 1, TimeSpan.FromMilliseconds(10)));
        Partners = [Partner("p1"), Partner("p2")];
    }

    public string RequestId { get; }

    /// <summary>Set by the host: ends the orchestration if the test left it waiting (see <see cref="DisposeAsync"/>).</summary>
    internal Func<ValueTask>? Stop { get; set; }

    /// <summary>A test ends its orchestration, so that instances left waiting on the shared host do not pile up and slow the
    /// tests that follow (the in-memory backend takes only a few work items at a time).</summary>
    public ValueTask DisposeAsync() => Stop?.Invoke() ?? ValueTask.CompletedTask;
    public WorkflowSettings Settings { get; set; }
    public int StageCount { get; set; } = 1;
    public ScreeningOutcome Screening { get; set; } = new(true, []);
    public IReadOnlyList<RankedPartner> Partners { get; set; }
    public TriangularCandidates? Triangle { get; set; }
    public TimeSpan FollowUpAnswerWithin { get; set; } = Never;
    public TimeSpan ConfirmWithin { get; set; } = Never;

    public static RankedPartner Partner(string id) => new(id, $"Partner {id}", $"{id}@partners.example", "BR", 1);

    /// <summary>Replaces an activity's answer for this request (the handler may throw, as a failing activity does).</summary>
    public WorkflowScenario On<TActivity, TInput, TOutput>(ActivityBinding<TActivity, TInput, TOutput> activity, Func<TInput, TOutput> handler)
        where TActivity : class, IWorkflowActivity<TInput, TOutput>
    {
        _handlers[activity.Name] = input => handler((TInput)input!);
        return this;
    }

    public IReadOnlyList<ActivityCall> Calls
    {
        get { lock (_calls) return [.. _calls]; }
    }

    /// <summary>The inputs of every call of <paramref name="activity"/> so far.</summary>
    public IReadOnlyList<TInput> CallsOf<TActivity, TInput, TOutput>(ActivityBinding<TActivity, TInput, TOutput> activity)
        where TActivity : class, IWorkflowActivity<TInput, TOutput> =>
        [.. Calls.Where(c => c.Name == activity.Name).Select(c => (TInput)c.Input!)];

    public IReadOnlyList<EmailCommand> Emails => CallsOf(W.SendEmail);

    /// <summary>Waits until the orchestrator has called <paramref name="activity"/> with an input that <paramref name="match"/>
    /// takes, and returns that input.</summary>
    public async Task<TInput> WaitForCallAsync<TActivity, TInput, TOutput>(ActivityBinding<TActivity, TInput, TOutput> activity,
        Func<TInput, bool>? match = null) where TActivity : class, IWorkflowActivity<TInput, TOutput>
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            Task changed;
            lock (_calls)
            {
                var found = _calls.Where(c => c.Name == activity.Name).Select(c => (TInput)c.Input!).FirstOrDefault(i => match?.Invoke(i) ?? true);
                if (found is not null) return found;
                changed = _changed.Task;
            }
            try
            {
                await changed.WaitAsync(timeout.Token);
            }
            catch (OperationCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"{activity.Name} was not called as expected. Calls: {string.Join(", ", Calls.Select(c => c.Name))}");
            }
        }
    }

    public Task<EmailCommand> WaitForEmailAsync(string messageKeyPrefix) =>
        WaitForCallAsync(W.SendEmail, e => e.MessageKey.StartsWith(messageKeyPrefix, StringComparison.Ordinal));

    public Task<RecordStatusCommand> WaitForStatusAsync(RequestStatus status) => WaitForCallAsync(W.RecordStatus, s => s.Status == status);

    public Task<RecordTimelineCommand> WaitForTimelineAsync(string action) => WaitForCallAsync(W.RecordTimeline, t => t.Action == action);

    public bool Sent(string messageKeyPrefix) => Emails.Any(e => e.MessageKey.StartsWith(messageKeyPrefix, StringComparison.Ordinal));

    /// <summary>Called by the fake activities: records the call, then answers with this scenario's handler or default.</summary>
    internal object? Handle(string name, object? input)
    {
        lock (_calls)
        {
            _calls.Add(new ActivityCall(name, input));
            var changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            changed.SetResult();
        }
        return _handlers.TryGetValue(name, out var handler) ? handler(input) : Default(name, input);
    }

    private object? Default(string name, object? input) => (name, input) switch
    {
        (WorkflowNames.Activities.BeginRequest, _) => new RequestStart(Settings,
            new RequestFacts(RequestId, "Cities", "Requester Name", Requester, "fr", $"https://wgeo.example/status/{RequestId}")),
        (WorkflowNames.Activities.ScreenRequest, _) => Screening,
        (WorkflowNames.Activities.SendEmail, EmailCommand e) => new EmailOutcome(e.MessageKey, false, e.Template),
        (WorkflowNames.Activities.OpenReview, OpenReviewCommand c) => OpenReview(c),
        (WorkflowNames.Activities.OpenRequesterUpdate, OpenUpdateCommand c) =>
            new PersonLink(Requester, "Requester Name", $"https://wgeo.example/api/update/{c.StageKey}"),
        (WorkflowNames.Activities.RankPartners, _) => new RankedPartners(Partners, Triangle),
        (WorkflowNames.Activities.OpenOffers, OpenOffersCommand c) => new OpenedOffers([.. c.PartnerIds.Select(id => new OpenedOffer(id,
            OfferKey(id, c.Round), new PersonLink($"{id}@partners.example", $"Contact {id}", $"https://wgeo.example/api/offer/{id}"),
            $"Partner {id}"))]),
        (WorkflowNames.Activities.ReserveCapacity, ReserveCapacityCommand c) => new Reservation(true, Partner(c.PartnerId)),
        (WorkflowNames.Activities.OpenFollowUp, OpenFollowUpCommand c) => new OpenedFollowUp([.. c.People.Select(p => new FollowUpLink(p,
            FollowUpForm.StageKeyOf(p.Key), new PersonLink(p.Email, p.Name, $"https://wgeo.example/api/followup/{p.Key}")))],
            FollowUpAnswerWithin),
        (WorkflowNames.Activities.OpenConfirmation, _) => new OpenedConfirmation("https://wgeo.example/api/confirm/x", ConfirmWithin),
        _ => true, // RecordStatus, RecordTimeline, AppendAnswer, CloseStage, ReleaseCapacity, ExpireUnconfirmed
    };

    public static string OfferKey(string partnerId, int round) => $"offer-{round}-{partnerId}";

    private OpenedReview OpenReview(OpenReviewCommand c)
    {
        var key = OpenReviewActivity.StageKeyOf(c.StageNumber, c.Round, c.Attempt);
        var person = c.Reviewer ?? (c.Backup ? Backup : Primary);
        return new OpenedReview(key, $"Stage {c.StageNumber}", StageCount, [new PersonLink(person, person, $"https://wgeo.example/api/review/{key}")],
            Primary);
    }
}
