using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Confirmation;
using WgeoFlows.Links;
using WgeoFlows.Matching.FollowUp;
using WgeoFlows.Matching.Offers;
using WgeoFlows.Notifications;
using WgeoFlows.Review.Activities;
using WgeoFlows.Telemetry;
using WgeoFlows.Workflow;
using WgeoFlows.Workflow.Activities;
using WgeoFlows.Workflow.Steps;

namespace WgeoFlows.Hosting;

/// <summary>
/// The workflow's one list of activities: each name with the class that implements it. The local host registers them
/// with its Durable Task worker from this list; the Functions host has one [Function] per entry, and a test checks
/// that the built functions.metadata names every one.
/// </summary>
public static class WorkflowRegistration
{
    public static readonly IReadOnlyList<IActivityBinding> Activities =
    [
        Bind<BeginRequestActivity, string, RequestStart>(WorkflowNames.Activities.BeginRequest),
        Bind<RecordStatusActivity, RecordStatusCommand, bool>(WorkflowNames.Activities.RecordStatus),
        Bind<RecordTimelineActivity, RecordTimelineCommand, bool>(WorkflowNames.Activities.RecordTimeline),
        Bind<ScreenRequestActivity, string, ScreeningOutcome>(WorkflowNames.Activities.ScreenRequest),
        Bind<SendEmailActivity, EmailCommand, EmailOutcome>(WorkflowNames.Activities.SendEmail),
        Bind<OpenReviewActivity, OpenReviewCommand, OpenedReview>(WorkflowNames.Activities.OpenReview),
        Bind<OpenRequesterUpdateActivity, OpenUpdateCommand, PersonLink>(WorkflowNames.Activities.OpenRequesterUpdate),
        Bind<AppendAnswerActivity, AppendAnswerCommand, bool>(WorkflowNames.Activities.AppendAnswer),
        Bind<CloseStageActivity, CloseStageCommand, bool>(WorkflowNames.Activities.CloseStage),
        Bind<RankPartnersActivity, string, RankedPartners>(WorkflowNames.Activities.RankPartners),
        Bind<OpenOffersActivity, OpenOffersCommand, OpenedOffers>(WorkflowNames.Activities.OpenOffers),
        Bind<ReserveCapacityActivity, ReserveCapacityCommand, Reservation>(WorkflowNames.Activities.ReserveCapacity),
        Bind<ReleaseCapacityActivity, ReleaseCapacityCommand, bool>(WorkflowNames.Activities.ReleaseCapacity),
        Bind<OpenFollowUpActivity, OpenFollowUpCommand, OpenedFollowUp>(WorkflowNames.Activities.OpenFollowUp),
        Bind<OpenConfirmationActivity, OpenConfirmationCommand, OpenedConfirmation>(WorkflowNames.Activities.OpenConfirmation),
        Bind<ExpireUnconfirmedActivity, string, bool>(WorkflowNames.Activities.ExpireUnconfirmed),
    ];

    /// <summary>Registers the orchestrator and every activity with a Durable Task worker (the local host, tests).</summary>
    public static DurableTaskRegistry AddWgeoFlowsWorkflow(this DurableTaskRegistry registry)
    {
        registry.AddOrchestratorFunc<RequestWorkflowInput, RequestWorkflowResult>(WorkflowNames.RequestOrchestrator, RequestWorkflow.RunAsync);
        foreach (var activity in Activities) activity.AddTo(registry);
        return registry;
    }

    /// <summary>Registers the activity classes in DI (both hosts).</summary>
    public static IServiceCollection AddWorkflowActivities(this IServiceCollection services)
    {
        foreach (var activity in Activities) services.AddSingleton(activity.ActivityType);
        return services;
    }

    private static ActivityBinding<TActivity, TInput, TOutput> Bind<TActivity, TInput, TOutput>(string name)
        where TActivity : class, IWorkflowActivity<TInput, TOutput> => new(name);
}

public interface IActivityBinding
{
    string Name { get; }
    Type ActivityType { get; }
    void AddTo(DurableTaskRegistry registry);
}

internal sealed class ActivityBinding<TActivity, TInput, TOutput>(string name) : IActivityBinding
    where TActivity : class, IWorkflowActivity<TInput, TOutput>
{
    public string Name => name;
    public Type ActivityType => typeof(TActivity);

    public void AddTo(DurableTaskRegistry registry) =>
        registry.AddActivity(name, sp => new Adapter(sp));

    /// <summary>Lets a plain activity class run as a Durable Task activity (inside its request's telemetry).</summary>
    private sealed class Adapter(IServiceProvider services) : TaskActivity<TInput, TOutput>
    {
        public override Task<TOutput> RunAsync(TaskActivityContext context, TInput input) =>
            services.RunWorkflowActivityAsync<TActivity, TInput, TOutput>(input);
    }
}
