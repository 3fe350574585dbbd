using Microsoft.DurableTask;
using Microsoft.Extensions.Options;
using WgeoFlows.Admin.Dashboard;
using WgeoFlows.Admin.MailEvents;
using WgeoFlows.Admin.Requests;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Admin;

/// <summary>The small rules of admin monitoring: failure reading, service-level colours, event parsing.</summary>
public sealed class AdminMonitoringRulesTests
{
    [Fact]
    public void A_failed_activity_is_named_with_its_own_error_rather_than_the_orchestrators_wrapper()
    {
        var details = new TaskFailureDetails("Microsoft.DurableTask.TaskFailedException",
            "Task 'SendEmail' (#4) failed with an unhandled exception: SendGrid answered 400",
            "at Orchestrator", new TaskFailureDetails("WgeoFlows.Notifications.EmailRejectedException", "SendGrid answered 400", "at Sender", null, null), null);

        var failure = OrchestrationFailure.From(details);

        failure.ShouldBe(new OrchestrationFailure("SendEmail", "WgeoFlows.Notifications.EmailRejectedException", "SendGrid answered 400", "at Sender"));
    }

    [Fact]
    public void A_failure_of_the_orchestrator_itself_names_no_activity()
    {
        var failure = OrchestrationFailure.From(new TaskFailureDetails("System.InvalidOperationException", "boom", null, null, null));

        failure.Activity.ShouldBeNull();
        failure.ErrorType.ShouldBe("System.InvalidOperationException");
        failure.Message.ShouldBe("boom");
    }

    [Theory]
    [InlineData(1, "ok")]
    [InlineData(5, "ok")]
    [InlineData(6, "due-soon")]
    [InlineData(8, "late")]
    public void A_stage_is_ok_up_to_three_quarters_of_its_service_level_due_soon_up_to_it_and_late_past_it(int days, string state) =>
        ServiceLevelOptions.StateOf(TimeSpan.FromDays(days) + TimeSpan.FromMinutes(1), TimeSpan.FromDays(7)).ShouldBe(state);

    [Fact]
    public void Every_waiting_stage_has_a_default_service_level_and_final_statuses_are_not_waiting()
    {
        var options = new ServiceLevelOptions();
        ServiceLevelOptions.WaitingStatuses.ShouldAllBe(s => options.LevelOf(s) != null);
        ServiceLevelOptions.WaitingStatuses.ShouldNotContain(RequestStatus.Closed);
        ServiceLevelOptions.StateOf(TimeSpan.FromDays(400), null).ShouldBe("none");
    }

    [Fact]
    public void SendGrid_events_keep_the_custom_args_and_map_to_outbox_states()
    {
        var events = SendGridEvent.ParseBatch("""
            [{"event":"bounce","email":"a@example.org","timestamp":1795000000,"sg_event_id":"e1","reason":"550 no such user",
              "requestId":"WG-1","messageKey":"ack"},
             {"event":"open","email":"a@example.org","timestamp":1795000001}]
            """).ShouldNotBeNull();

        events.Count.ShouldBe(2);
        events[0].ShouldBe(new SendGridEvent("bounce", "a@example.org", "WG-1", "ack", "e1", "550 no such user",
            DateTimeOffset.FromUnixTimeSeconds(1795000000)));
        events[0].State.ShouldBe(EmailState.Bounced);
        events[1].State.ShouldBeNull();
        new SendGridEvent("delivered", null, null, null, null, null, null).State.ShouldBe(EmailState.Delivered);
        new SendGridEvent("dropped", null, null, null, null, null, null).State.ShouldBe(EmailState.Dropped);
        new SendGridEvent("spamreport", null, null, null, null, null, null).State.ShouldBe(EmailState.Spam);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("[1, 2]")]
    [InlineData("not json")]
    public void A_body_that_is_not_an_array_of_event_objects_is_not_read(string body) =>
        SendGridEvent.ParseBatch(body).ShouldBeNull();

    [Fact]
    public void Without_a_verification_key_every_event_post_is_refused()
    {
        var signature = new SendGridSignature(Options.Create(new EventWebhookOptions()), TimeProvider.System);

        signature.Check("c2ln", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), "[]")
            .ShouldBe(SignatureCheck.NotConfigured);
    }
}
