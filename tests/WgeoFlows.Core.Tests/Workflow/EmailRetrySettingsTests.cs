using Microsoft.DurableTask;
using WgeoFlows.Configuration;
using WgeoFlows.Notifications;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Workflow;

public sealed class EmailRetrySettingsTests
{
    [Theory]
    [InlineData(typeof(EmailSendFailedException))]
    [InlineData(typeof(EmailSendTimedOutException))]
    [InlineData(typeof(InvalidOperationException))]
    [InlineData(typeof(TimeoutException))]
    public void Transient_failures_are_retried(Type exception) =>
        EmailRetrySettings.IsWorthRetrying(FailureOf(exception)).ShouldBeTrue();

    [Theory]
    [InlineData(typeof(EmailRejectedException))]
    [InlineData(typeof(ArgumentException))]
    public void A_refused_mail_or_an_invalid_command_is_not_retried(Type exception) =>
        EmailRetrySettings.IsWorthRetrying(FailureOf(exception)).ShouldBeFalse();

    [Fact]
    public void The_default_budget_is_twelve_attempts_doubling_from_two_seconds_up_to_five_minutes()
    {
        var defaults = EmailRetrySettings.From(new MailRetryOptions());

        defaults.ShouldBe(new EmailRetrySettings(12, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(5)));
        var policy = defaults.ToTaskOptions().Retry.ShouldNotBeNull().Policy.ShouldNotBeNull();
        policy.MaxNumberOfAttempts.ShouldBe(12);
        policy.FirstRetryInterval.ShouldBe(TimeSpan.FromSeconds(2));
        policy.MaxRetryInterval.ShouldBe(TimeSpan.FromMinutes(5));
    }

    private static TaskFailureDetails FailureOf(Type exception) => new(exception.FullName!, "failed", null, null, null);
}
