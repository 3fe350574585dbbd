using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Hosting;
using WgeoFlows.Intake;
using WgeoFlows.Notifications;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;
using WgeoFlows.Workflow;

namespace WgeoFlows.Tests.Notifications;

/// <summary>The SendEmail activity against Azurite and a SendGrid-like sink, wired exactly as the hosts wire it.</summary>
public sealed class SendEmailActivityTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private const string ApiKey = "SG.test-key-never-stored";
    private static readonly TimeSpan SendGridTimeout = TimeSpan.FromSeconds(5);
    private readonly SendGridSink _sink = new();
    private ServiceProvider? _services;
    private string? _staffLanguage;

    private ServiceProvider Services => _services ??= new ServiceCollection()
        .AddWgeoFlowsCore(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = azurite.ConnectionString,
            ["SendGrid:ApiKey"] = ApiKey,
            ["SendGrid:Host"] = _sink.Url,
            ["SendGrid:Timeout"] = SendGridTimeout.ToString(),
            ["Mail:From"] = "noreply@wgeo.example",
            ["PublicBaseUrl"] = "https://wgeo.example",
            ["Notifications:StaffLanguage"] = _staffLanguage,
        }).Build())
        .BuildServiceProvider();

    private SendEmailActivity Activity => Services.GetRequiredService<SendEmailActivity>();
    private EmailOutboxStore Outbox => Services.GetRequiredService<EmailOutboxStore>();

    [Fact]
    public async Task Sends_once_and_a_second_run_with_the_same_message_key_sends_nothing()
    {
        var command = await AcknowledgementForNewRequestAsync();

        var first = await Activity.RunAsync(command, TestContext.Current.CancellationToken);
        var second = await Activity.RunAsync(command, TestContext.Current.CancellationToken);

        first.AlreadySent.ShouldBeFalse();
        second.AlreadySent.ShouldBeTrue();
        second.Subject.ShouldBe(first.Subject);
        _sink.Received.Count.ShouldBe(1);
        var row = (await Outbox.GetAsync(command.RequestId, "ack", TestContext.Current.CancellationToken)).ShouldNotBeNull();
        row.State.ShouldBe(EmailState.Sent);
        row.Attempts.ShouldBe(1);
        row.SentAt.ShouldNotBeNull();
        row.To.ShouldBe(["amina@example.org"]);
        row.Template.ShouldBe(EmailTemplates.Acknowledgement);
        row.Language.ShouldBe("fr");
        row.LastError.ShouldBeNull();
    }

    [Fact]
    public async Task Sending_records_a_timeline_entry_keyed_by_the_message()
    {
        var command = await AcknowledgementForNewRequestAsync();

        await Activity.RunAsync(command, TestContext.Current.CancellationToken);

        var timeline = await Services.GetRequiredService<TimelineStore>().ListAsync(command.RequestId, TestContext.Current.CancellationToken);
        var entry = timeline.ShouldHaveSingleItem();
        entry.Key.ShouldBe("mail|ack");
        entry.Actor.ShouldBe("system");
        entry.Action.ShouldBe("email sent");
        entry.Detail.ShouldBe("acknowledgement to amina@example.org");
    }

    [Fact]
    public async Task The_mail_posted_to_sendgrid_carries_both_parts_and_the_ids_for_event_webhooks()
    {
        var command = await AcknowledgementForNewRequestAsync();

        var outcome = await Activity.RunAsync(command, TestContext.Current.CancellationToken);

        var mail = _sink.Received.ShouldHaveSingleItem();
        mail.Method.ShouldBe("POST");
        mail.Path.ShouldBe("/v3/mail/send");
        mail.Authorization.ShouldBe("Bearer " + ApiKey);
        mail.Body.GetProperty("from").GetProperty("email").GetString().ShouldBe("noreply@wgeo.example");
        mail.Body.GetProperty("subject").GetString().ShouldBe(outcome.Subject);
        mail.Body.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString().ShouldBe("amina@example.org");
        var content = mail.Body.GetProperty("content").EnumerateArray().ToDictionary(c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
        content["text/plain"].ShouldContain(command.RequestId);
        content["text/html"].ShouldContain("<html lang=\"fr\" dir=\"ltr\">");
        var customArgs = mail.Body.GetProperty("custom_args");
        customArgs.GetProperty("requestId").GetString().ShouldBe(command.RequestId);
        customArgs.GetProperty("messageKey").GetString().ShouldBe("ack");
    }

    [Fact]
    public async Task A_server_error_throws_leaves_the_mail_pending_with_the_error_and_a_retry_sends_it()
    {
        var command = await AcknowledgementForNewRequestAsync();
        _sink.AnswerNext(HttpStatusCode.InternalServerError);

        var failure = await Should.ThrowAsync<EmailSendFailedException>(() => Activity.RunAsync(command, TestContext.Current.CancellationToken));

        failure.StatusCode.ShouldBe(HttpStatusCode.InternalServerError);
        var pending = (await Outbox.GetAsync(command.RequestId, "ack", TestContext.Current.CancellationToken)).ShouldNotBeNull();
        pending.State.ShouldBe(EmailState.Pending);
        pending.Attempts.ShouldBe(1);
        pending.SentAt.ShouldBeNull();
        pending.LastError.ShouldNotBeNull().ShouldContain("500");
        pending.LastError.ShouldNotContain(ApiKey);
        (await Services.GetRequiredService<TimelineStore>().ListAsync(command.RequestId, TestContext.Current.CancellationToken)).ShouldBeEmpty();

        var retry = await Activity.RunAsync(command, TestContext.Current.CancellationToken);

        retry.AlreadySent.ShouldBeFalse();
        _sink.Received.Count.ShouldBe(2);
        var sent = (await Outbox.GetAsync(command.RequestId, "ack", TestContext.Current.CancellationToken)).ShouldNotBeNull();
        sent.State.ShouldBe(EmailState.Sent);
        sent.Attempts.ShouldBe(2);
        sent.CreatedAt.ShouldBe(pending.CreatedAt);
    }

    [Fact]
    public async Task A_call_that_gets_no_answer_in_time_is_a_retriable_timeout_and_leaves_the_mail_pending()
    {
        var command = await AcknowledgementForNewRequestAsync();
        _sink.HangNext(SendGridTimeout * 2);

        var failure = await Should.ThrowAsync<EmailSendTimedOutException>(() => Activity.RunAsync(command, TestContext.Current.CancellationToken));

        failure.ShouldBeAssignableTo<EmailDeliveryException>();
        var pending = (await Outbox.GetAsync(command.RequestId, "ack", TestContext.Current.CancellationToken)).ShouldNotBeNull();
        pending.State.ShouldBe(EmailState.Pending);
        pending.LastError.ShouldBe("SendGrid did not answer within 5 s");

        var retry = await Activity.RunAsync(command, TestContext.Current.CancellationToken);

        retry.AlreadySent.ShouldBeFalse();
        _sink.Received.Count.ShouldBe(2);
        (await Outbox.GetAsync(command.RequestId, "ack", TestContext.Current.CancellationToken)).ShouldNotBeNull().State.ShouldBe(EmailState.Sent);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, typeof(EmailRejectedException))]
    [InlineData(HttpStatusCode.Unauthorized, typeof(EmailRejectedException))]
    [InlineData(HttpStatusCode.TooManyRequests, typeof(EmailSendFailedException))]
    [InlineData(HttpStatusCode.ServiceUnavailable, typeof(EmailSendFailedException))]
    public async Task Client_errors_other_than_429_are_rejections_and_the_rest_are_retriable_failures(HttpStatusCode status, Type expected)
    {
        var command = await AcknowledgementForNewRequestAsync();
        _sink.AnswerNext(status);

        var failure = await Should.ThrowAsync<EmailDeliveryException>(() => Activity.RunAsync(command, TestContext.Current.CancellationToken));

        failure.ShouldBeOfType(expected);
        failure.StatusCode.ShouldBe(status);
    }

    [Fact]
    public async Task A_delivery_event_moves_the_mail_on_and_it_still_counts_as_sent()
    {
        var command = await AcknowledgementForNewRequestAsync();
        await Activity.RunAsync(command, TestContext.Current.CancellationToken);
        var at = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);

        (await Outbox.SetDeliveryStateAsync(command.RequestId, "ack", EmailState.Delivered, at, TestContext.Current.CancellationToken)).ShouldBeTrue();
        var again = await Activity.RunAsync(command, TestContext.Current.CancellationToken);

        again.AlreadySent.ShouldBeTrue();
        _sink.Received.Count.ShouldBe(1);
        var row = (await Outbox.GetAsync(command.RequestId, "ack", TestContext.Current.CancellationToken)).ShouldNotBeNull();
        row.State.ShouldBe(EmailState.Delivered);
        row.StateChangedAt.ShouldBe(at);
    }

    [Fact]
    public async Task A_delivery_event_for_an_unknown_mail_changes_nothing()
    {
        var command = await AcknowledgementForNewRequestAsync();

        (await Outbox.SetDeliveryStateAsync(command.RequestId, "never-sent", EmailState.Bounced, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken))
            .ShouldBeFalse();
        (await Outbox.ListForRequestAsync(command.RequestId, TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task The_outbox_lists_a_requests_mails_in_the_order_they_were_first_tried()
    {
        var command = await AcknowledgementForNewRequestAsync();
        var update = command with
        {
            MessageKey = "update|stage-1|r0",
            Template = EmailTemplates.InfoRequest,
            Values = new Dictionary<string, string> { ["updateLink"] = "https://wgeo.example/api/update/tok", ["question"] = "How many households?" },
        };

        await Activity.RunAsync(command, TestContext.Current.CancellationToken);
        await Activity.RunAsync(update, TestContext.Current.CancellationToken);

        var emails = await Outbox.ListForRequestAsync(command.RequestId, TestContext.Current.CancellationToken);
        emails.Select(e => e.MessageKey).ShouldBe(["ack", "update|stage-1|r0"]);
        emails.ShouldAllBe(e => e.State == EmailState.Sent);
    }

    [Fact]
    public async Task A_mail_about_a_request_that_does_not_exist_is_refused_and_not_sent()
    {
        var command = Acknowledgement("req-does-not-exist-" + Guid.NewGuid().ToString("N"));

        await Should.ThrowAsync<InvalidOperationException>(() => Activity.RunAsync(command, TestContext.Current.CancellationToken));

        _sink.Received.ShouldBeEmpty();
        (await Outbox.ListForRequestAsync(command.RequestId, TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_invalid_command_is_refused_before_anything_is_stored_or_sent()
    {
        var command = await AcknowledgementForNewRequestAsync() with { To = [new EmailRecipient("not-an-address", null)] };

        await Should.ThrowAsync<ArgumentException>(() => Activity.RunAsync(command, TestContext.Current.CancellationToken));

        _sink.Received.ShouldBeEmpty();
        (await Outbox.ListForRequestAsync(command.RequestId, TestContext.Current.CancellationToken)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("fr", "Examen demandé : ", "fr")]
    [InlineData("ar", "مطلوب مراجعة: ", "ar")]
    [InlineData(null, "Review needed: ", "en")]
    public async Task A_staff_mail_is_written_in_the_configured_staff_language(string? staffLanguage, string subjectStart, string language)
    {
        _staffLanguage = staffLanguage;
        var requestId = "req-" + Guid.NewGuid().ToString("N");
        (await Services.GetRequiredService<RequestStore>().TryAddAsync(Request(requestId), TestContext.Current.CancellationToken)).ShouldBeTrue();
        var command = new EmailCommand(requestId, "review|review-1-r0|lead@example.org", EmailTemplates.ReviewRequest, MailLanguage.Staff,
            [new EmailRecipient("lead@example.org", "Lucía Fernández")], new Dictionary<string, string>
            {
                [EmailValueKeys.ReviewLink] = "https://wgeo.example/api/review/tok",
                [EmailValueKeys.StageName] = "Platform review",
                [EmailValueKeys.ReviewerName] = "Lucía Fernández",
            });

        var outcome = await Activity.RunAsync(command, TestContext.Current.CancellationToken);

        outcome.Subject.ShouldStartWith(subjectStart);
        var row = (await Outbox.GetAsync(requestId, command.MessageKey, TestContext.Current.CancellationToken)).ShouldNotBeNull();
        row.Language.ShouldBe(language);
    }

    private async Task<EmailCommand> AcknowledgementForNewRequestAsync()
    {
        var requestId = "req-" + Guid.NewGuid().ToString("N");
        var stored = await Services.GetRequiredService<RequestStore>().TryAddAsync(Request(requestId), TestContext.Current.CancellationToken);
        stored.ShouldBeTrue();
        return Acknowledgement(requestId);
    }

    private static EmailCommand Acknowledgement(string requestId) => new(requestId, "ack", EmailTemplates.Acknowledgement, "fr",
        [new EmailRecipient("amina@example.org", "Amina Otieno")],
        new Dictionary<string, string> { ["statusUrl"] = $"https://wgeo.example/api/status/{requestId}" });

    private static SupportRequest Request(string requestId) => new()
    {
        RequestId = requestId,
        SubmissionId = "form-" + requestId,
        SubmittedAt = new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero),
        Organization = new Organization("Nairobi County Energy Office", "cities", "KE", null),
        Contact = new Contact("Amina Otieno", "amina@example.org", "fr"),
        Title = "Solar mini-grids for informal settlements",
        Description = "Pilot mini-grids in two settlements.",
        ThematicAreas = ["renewable-energy"],
        SupportTypes = ["technical-assistance"],
        Status = RequestStatus.Received,
        UpdatedAt = new DateTimeOffset(2026, 3, 14, 9, 30, 0, TimeSpan.Zero),
    };

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _sink.DisposeAsync();
    }
}
