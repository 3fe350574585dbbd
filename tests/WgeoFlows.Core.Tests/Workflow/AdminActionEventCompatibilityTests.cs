using System.Text.Json;
using WgeoFlows.Admin.Actions;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Workflow;

/// <summary>Admin actions are an enum in code and the same words on the wire: the payload raised to an orchestration, and the
/// payloads already in running orchestrations' histories, stay as they were. Durable's data converter uses System.Text.Json
/// with its default options, as these tests do.</summary>
public sealed class AdminActionEventCompatibilityTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(AdminAction.Resend, "resend")]
    [InlineData(AdminAction.Reassign, "reassign")]
    public void An_admin_action_event_is_written_with_the_word_of_its_action(AdminAction action, string word)
    {
        var json = JsonSerializer.Serialize(new AdminActionEvent(action, "review-1-r0", "admin", At, "x@example.org"));

        json.ShouldBe($$"""{"Action":"{{word}}","StageKey":"review-1-r0","Admin":"admin","At":"2026-11-30T08:00:00+00:00","Reviewer":"x@example.org"}""");
    }

    [Fact]
    public void A_payload_from_a_history_written_before_the_enum_reads_back()
    {
        const string stored = """{"Action":"reassign","StageKey":"review-2-r0","Admin":"admin-key","At":"2026-11-01T10:00:00+00:00","Reviewer":"b@example.org"}""";

        var read = JsonSerializer.Deserialize<AdminActionEvent>(stored)!;

        (read.Action, read.StageKey, read.Reviewer).ShouldBe((AdminAction.Reassign, "review-2-r0", "b@example.org"));
    }

    [Theory]
    [InlineData("resend", AdminAction.Resend)]
    [InlineData("reassign", AdminAction.Reassign)]
    [InlineData("match", AdminAction.Match)]
    [InlineData("terminate", AdminAction.Terminate)]
    [InlineData("restart", AdminAction.Restart)]
    [InlineData("withdraw-consent", AdminAction.WithdrawConsent)]
    [InlineData("erase", AdminAction.Erase)]
    public void The_route_words_parse_to_their_action_and_back(string word, AdminAction action)
    {
        AdminActions.TryParse(word, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(action);
        action.ToWord().ShouldBe(word);
    }

    [Theory]
    [InlineData("Resend")]
    [InlineData("purge")]
    [InlineData("")]
    [InlineData(null)]
    public void Any_other_word_is_not_an_action(string? word) => AdminActions.TryParse(word, out _).ShouldBeFalse();
}
