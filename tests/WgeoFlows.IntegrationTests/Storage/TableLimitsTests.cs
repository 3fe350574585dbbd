using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Intake;
using WgeoFlows.Intake.Submissions;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Admin;
using WgeoFlows.Tests.Intake;

namespace WgeoFlows.Tests.Storage;

/// <summary>
/// Every input the contract allows fits Azure Table Storage's limits once stored (64 KiB a string property, 1 MiB an
/// entity, legal keys and property names): the webhook's longest texts in any script and full of characters JSON escapes
/// are accepted and dispatched, and every row the product wrote is then measured, because Azurite enforces only some limits.
/// </summary>
public sealed class TableLimitsTests(AdminStack stack) : IClassFixture<AdminStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Texts at the contract's maximum length, each the worst case of a kind of expansion.</summary>
    public static TheoryData<string> Scripts => new() { "chinese", "arabic", "escapes", "emoji", "markup" };

    public static string Text(string kind, int length)
    {
        var unit = kind switch
        {
            "chinese" => "中文的描述",
            "arabic" => "\u200Fمرحبا بالعالم ",
            "escapes" => "\"\\\"\\\t\n",
            "emoji" => "\uD83D\uDE00\uD83D\uDC68\u200D\uD83D\uDC69",
            "markup" => "<script>alert('x')</script>&amp;\"",
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        var text = string.Concat(Enumerable.Repeat(unit, length / unit.Length + 1))[..length];
        // Never end on half of a surrogate pair, nor on white space that the validator would trim.
        if (char.IsHighSurrogate(text[^1])) text = text[..^1] + "x";
        return text.TrimEnd() + new string('x', length - text.TrimEnd().Length);
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task A_webhook_delivery_with_every_free_text_field_at_its_longest_is_accepted_stored_whole_and_fits_Azure(string kind)
    {
        var submissionId = $"{kind}-{Guid.NewGuid():N}";
        var payload = SamplePayloads.Valid(submissionId);
        var single = kind == "escapes" ? "\"\\<>'&" : Text(kind, 10).Replace("\n", " ", StringComparison.Ordinal).Replace("\t", " ", StringComparison.Ordinal);
        payload["organization"]!["name"] = Repeat(single, SubmissionValidator.MaxOrganizationNameLength);
        payload["contact"]!["name"] = Repeat(single, SubmissionValidator.MaxContactNameLength);
        payload["request"]!["title"] = Repeat(single, SubmissionValidator.MaxTitleLength);
        payload["request"]!["description"] = Text(kind, SubmissionValidator.MaxDescriptionLength);
        var requestId = RequestIds.For(submissionId);

        var (status, body) = await DeliverAsync(payload);

        status.ShouldBe(202, body);
        await WaitUntilDispatchedAsync(requestId);
        var stored = (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldNotBeNull().Request;
        stored.Description.ShouldBe(payload["request"]!["description"]!.GetValue<string>());
        stored.Title.ShouldBe(payload["request"]!["title"]!.GetValue<string>());
        stored.Organization.Name.ShouldBe(payload["organization"]!["name"]!.GetValue<string>());
        (await StoredRowLimits.ProblemsAsync(stack.Azurite.ConnectionString, cancellationToken: Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Records_and_inbox_rows_written_before_texts_were_split_still_read()
    {
        // As stored before: the record in one "Json" property, written with the API's encoder (every non-ASCII escaped).
        var requestId = AdminTestData.NewId("legacy");
        var record = AdminTestData.Request(requestId) with { Description = "旧的记录 \"quoted\" <b>" };
        var oldJson = JsonSerializer.Serialize(record, WgeoFlows.Shared.WgeoJson.Options);
        oldJson.ShouldContain("\\u65E7", Case.Insensitive);
        var requests = new TableClient(stack.Azurite.ConnectionString, TableNames.Requests);
        await requests.CreateIfNotExistsAsync(Ct);
        await requests.AddEntityAsync(new TableEntity(requestId, RequestStore.RecordRowKey)
        {
            ["Json"] = oldJson,
            ["Status"] = "Received",
            ["Platform"] = "cities",
            ["UpdatedAt"] = record.UpdatedAt,
        }, Ct);
        var submissions = new TableClient(stack.Azurite.ConnectionString, TableNames.Submissions);
        await submissions.CreateIfNotExistsAsync(Ct);
        await submissions.AddEntityAsync(new TableEntity(SubmissionInbox.PartitionOf(requestId), requestId)
        {
            ["SubmissionId"] = record.SubmissionId,
            ["RequestId"] = requestId,
            ["Fingerprint"] = "f",
            ["ReceivedAt"] = record.SubmittedAt,
            ["Pending"] = true,
            ["Json"] = oldJson,
            ["InlineCount"] = 0,
        }, Ct);

        (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldNotBeNull().Request.Description.ShouldBe(record.Description);
        (await stack.Get<SubmissionInbox>().GetAsync(requestId, Ct)).ShouldNotBeNull().Pending.ShouldNotBeNull()
            .Request.Description.ShouldBe(record.Description);

        // Written again, the record keeps its characters as they are: one stored character per character typed.
        await stack.Get<RequestStore>().UpdateAsync(requestId, r => r with { UpdatedAt = r.UpdatedAt.AddSeconds(1) }, Ct);
        (await requests.GetEntityAsync<TableEntity>(requestId, RequestStore.RecordRowKey, cancellationToken: Ct)).Value
            .GetString("Json").ShouldContain("旧的记录 \\\"quoted\\\" <b>");
        (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldNotBeNull().Request.Description.ShouldBe(record.Description);
    }

    [Fact]
    public async Task A_timeline_detail_an_admin_flag_or_a_mail_error_of_any_length_is_kept_bounded_within_one_property()
    {
        var requestId = AdminTestData.NewId("notes");
        var huge = Text("emoji", 100_000);
        var at = DateTimeOffset.UtcNow;

        await stack.Get<TimelineStore>().AppendAsync(new WgeoFlows.WorkflowContracts.TimelineEntry(requestId, "note", huge, huge, huge, at), Ct);
        await stack.Get<WgeoFlows.RequestIndex.AdminFlagStore>().RaiseAsync(new WgeoFlows.RequestIndex.AdminFlag(requestId, "mail-undelivered", huge, at), Ct);
        await stack.Get<WgeoFlows.Notifications.EmailOutboxStore>().RecordAttemptAsync(requestId, "ack", ["amina@example.org"], "Subject", "ack", "en", at, Ct);
        await stack.Get<WgeoFlows.Notifications.EmailOutboxStore>().RecordFailureAsync(requestId, "ack", huge, Ct);

        var entry = (await stack.Get<TimelineStore>().ListAsync(requestId, Ct)).Single();
        entry.Detail.ShouldNotBeNull().Length.ShouldBeInRange(TimelineStore.MaxDetailChars - 1, TimelineStore.MaxDetailChars);
        entry.Detail.ShouldEndWith("…");
        entry.Detail[..100].ShouldBe(huge[..100]);
        (await stack.Get<WgeoFlows.Notifications.EmailOutboxStore>().GetAsync(requestId, "ack", Ct)).ShouldNotBeNull()
            .LastError.ShouldNotBeNull().Length.ShouldBeLessThanOrEqualTo(WgeoFlows.Notifications.EmailOutboxStore.MaxErrorChars);
        (await StoredRowLimits.ProblemsAsync(stack.Azurite.ConnectionString, cancellationToken: Ct)).ShouldBeEmpty();
    }

    private static string Repeat(string unit, int length)
    {
        var text = string.Concat(Enumerable.Repeat(unit, length / unit.Length + 1))[..length];
        if (char.IsHighSurrogate(text[^1])) text = text[..^1] + "x";
        return text.Trim() + new string('x', length - text.Trim().Length);
    }

    private async Task<(int Status, string Body)> DeliverAsync(JsonNode payload)
    {
        var bytes = payload.ToBody();
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var context = AdminTestData.Http(stack.Services, "POST", headers:
        [
            (WebhookSignature.TimestampHeader, timestamp),
            (WebhookSignature.SignatureHeader, WebhookSignature.Compute(AdminStack.WebhookSecret, timestamp, bytes)),
        ]);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.ContentType = "application/json";
        var result = await stack.Get<IntakeHandler>().SubmitAsync(context.Request, stack.Durable, Ct);
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(Ct));
    }

    private async Task WaitUntilDispatchedAsync(string requestId)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while ((await stack.Get<SubmissionInbox>().GetAsync(requestId, Ct))?.Pending is not null)
        {
            if (DateTimeOffset.UtcNow > deadline) throw new TimeoutException($"{requestId} was not dispatched within 30 s.");
            await Task.Delay(50, Ct);
        }
    }
}
