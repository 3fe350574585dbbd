using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using WgeoFlows.Hosting;
using WgeoFlows.Privacy;
using WgeoFlows.Privacy.Audit;
using WgeoFlows.Privacy.ChangeLog;
using WgeoFlows.Privacy.Erasure;
using WgeoFlows.Privacy.People;
using WgeoFlows.Privacy.Retention;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Storage.ChangeLog;

namespace WgeoFlows.Tests.Privacy.ChangeLog;

/// <summary>
/// The admins' change log of partners and reviewers holds addresses in its values and as the admin who made a change. A
/// person's data is found and exported there too (other people's addresses left out), erasing the person replaces their
/// address there by their role, and a removed partner's address goes from it once the retention period has passed.
/// </summary>
public sealed class ChangeLogPersonalDataTests(PrivacyStack stack) : IClassFixture<PrivacyStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private static string Partner(string id, string name, string email) =>
        JsonSerializer.Serialize(new { id, name, platform = "cities", country = "MA", email, languages = new[] { "ar", "fr" } });

    private static string Reviewers(params (string Email, string Name, string Role)[] reviewers) =>
        JsonSerializer.Serialize(new { platform = "cities", reviewers = reviewers.Select(r => new { stage = 1, email = r.Email, name = r.Name, role = r.Role }) });

    private Task RecordAsync(string subject, string id, string action, string actor, string? before, string? after, DateTimeOffset at) =>
        stack.Get<ChangeLogStore>().RecordAsync(new ChangeEntry(subject, id, action, actor, at, before, after), Ct);

    /// <summary>Every stored copy of the change log's rows, as text, for checks that nothing of an address is left anywhere.</summary>
    private async Task<List<string>> StoredChangeRowsAsync()
    {
        var rows = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey ge {"change|"} and PartitionKey lt {"change}"}");
        await foreach (var row in stack.Get<StorageClients>().Table(TableNames.Audit).QueryAsync<TableEntity>(filter, cancellationToken: Ct))
        {
            rows.Add(row.PartitionKey + " " + string.Join(" ", row.Select(p => $"{p.Key}={p.Value} {Decoded(p.Value)}")));
        }
        return rows;
    }

    /// <summary>A JSON value with its escapes (\u0027, \u0634…) undone, so that an address written escaped is seen too.</summary>
    private static string Decoded(object? value)
    {
        if (value is not string text) return "";
        try
        {
            return JsonNode.Parse(text)?.ToJsonString(new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }) ?? "";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    [Fact]
    public void Privacy_reads_the_change_log_where_and_as_the_admin_stage_writes_it()
    {
        ChangeLogRows.PartitionPrefix.ShouldBe(ChangeLogStore.PartitionPrefix);
        (ChangeLogRows.PartnerSubject, ChangeLogRows.ReviewersSubject).ShouldBe((ChangeSubjects.Partner, ChangeSubjects.Reviewers));
    }

    [Fact]
    public async Task A_persons_changes_are_found_and_exported_with_other_addresses_left_out_and_erasing_them_leaves_their_role()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        // An apostrophe, which JSON escapes (\u0027): the search reads the values decoded.
        var person = $"Nour.O'Hara.{unique}@شراكة.example";
        var other = $"li.wei.{unique}@example.cn";
        var admin = $"ana.{unique}@wgeo.example";
        var partnerId = "p-" + unique;
        var at = DateTimeOffset.UtcNow;
        await RecordAsync(ChangeSubjects.Partner, partnerId, "created", admin, null, Partner(partnerId, "\"جمعية الطاقة\" <b>&</b>", person), at);
        await RecordAsync(ChangeSubjects.Partner, partnerId, "updated", admin, Partner(partnerId, "\"جمعية الطاقة\" <b>&</b>", person),
            Partner(partnerId, "\"جمعية الطاقة\" <b>&</b>", other), at.AddSeconds(1));
        await RecordAsync(ChangeSubjects.Reviewers, "cities", "replaced", person, Reviewers((other, "李伟", "primary")),
            Reviewers((other, "李伟", "primary"), ($"{unique}.someone@example.org", "Zoë Brontë", "backup")), at.AddSeconds(2));
        await RecordAsync(ChangeSubjects.Reviewers, "cities", "replaced", admin, null, Reviewers((other, "李伟", "primary")), at.AddSeconds(3));

        var found = await stack.Get<PersonFinder>().FindAsync(person.ToLowerInvariant(), Ct);

        found.Changes.Select(c => (c.Subject, c.SubjectId, c.Action)).ShouldBe(
        [
            (ChangeSubjects.Reviewers, "cities", "replaced"),
            (ChangeSubjects.Partner, partnerId, "updated"),
            (ChangeSubjects.Partner, partnerId, "created"),
        ], "newest first, each change once although it is stored twice; not the change that names only other people");

        var export = await stack.Get<PersonExporter>().ExportAsync(person.ToLowerInvariant(), Ct);
        export.Changes.Count.ShouldBe(3);
        var exportText = JsonSerializer.Serialize(export.Changes);
        exportText.ShouldNotContain(other, Case.Insensitive);
        exportText.ShouldNotContain(admin, Case.Insensitive);
        var updated = export.Changes.Single(c => c.Action == "updated");
        updated.Actor.ShouldBe(EmailsInText.SomeoneElse);
        JsonDocument.Parse(updated.Before!).RootElement.GetProperty("email").GetString().ShouldBe(person);
        JsonDocument.Parse(updated.After!).RootElement.GetProperty("email").GetString().ShouldBe(EmailsInText.SomeoneElse);
        JsonDocument.Parse(updated.After!).RootElement.GetProperty("name").GetString().ShouldBe("\"جمعية الطاقة\" <b>&</b>");
        export.Changes.Single(c => c.Subject == ChangeSubjects.Reviewers).Actor.ShouldBe(person);

        var (status, body) = await stack.CallAsync(ApiRoutes.AdminPeopleErase, new Dictionary<string, string>(), "POST",
            JsonSerializer.Serialize(new { email = person, reason = "Asked to be forgotten" }));

        status.ShouldBe(200);
        body.GetProperty("erased").GetProperty("rowsChanged").GetInt32().ShouldBe(6, "three changes, each stored twice");
        var rows = await StoredChangeRowsAsync();
        rows.ShouldNotContain(r => r.Contains(person, StringComparison.OrdinalIgnoreCase));
        rows.ShouldContain(r => r.Contains(other, StringComparison.OrdinalIgnoreCase), "another person's address stays");
        (await stack.Get<PersonFinder>().FindAsync(person.ToLowerInvariant(), Ct)).Changes.ShouldBeEmpty();
        var log = (await stack.Get<ChangeLogStore>().ListAsync(ChangeSubjects.Partner, partnerId, 10, null, Ct)).Items;
        var created = log.Single(c => c.Action == "created");
        (created.Actor, JsonDocument.Parse(created.After!).RootElement.GetProperty("email").GetString()).ShouldBe((admin, PersonRoles.Partner));
        var changed = log.Single(c => c.Action == "updated");
        JsonDocument.Parse(changed.After!).RootElement.GetProperty("email").GetString().ShouldBe(other, "another person's address stays");
        JsonDocument.Parse(changed.After!).RootElement.GetProperty("name").GetString().ShouldBe("\"جمعية الطاقة\" <b>&</b>");
        var byThem = (await stack.Get<ChangeLogStore>().ListAsync(ChangeSubjects.Reviewers, null, 50, null, Ct)).Items
            .Where(c => c.At == at.AddSeconds(2)).ShouldHaveSingleItem();
        byThem.Actor.ShouldBe(PersonRoles.Admin);
        byThem.After!.ShouldContain(other);
    }

    [Fact]
    public async Task A_removed_partners_address_leaves_the_change_log_once_the_retention_period_has_passed()
    {
        var retainFor = TimeSpan.FromDays(730);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var leaving = $"offers.{unique}@太阳能.example";
        var partnerId = "p-" + unique;
        var removedAt = DateTimeOffset.UtcNow;
        await RecordAsync(ChangeSubjects.Partner, partnerId, "created", "admin-key", null, Partner(partnerId, "Énergie Solidaire", leaving), removedAt);
        await RecordAsync(ChangeSubjects.Partner, partnerId, "deleted", "admin-key", Partner(partnerId, "Énergie Solidaire", leaving), null, removedAt);
        await stack.Get<RemovedContacts>().PartnerRemovedAsync(leaving, Ct);
        RetentionJob Job(DateTimeOffset now) => new(stack.Get<AdminStatsStore>(), stack.Get<RequestStore>(), stack.Get<RequestEraser>(),
            stack.Get<RequestRowsRewriter>(), stack.Get<RemovedContacts>(), stack.Get<AuditStore>(), stack.Get<StorageClients>(),
            Options.Create(new PrivacyOptions { RetainFor = retainFor }), new FixedTime(now), NullLogger<RetentionJob>.Instance,
            stack.Get<ChangeLogRows>());

        await Job(removedAt + retainFor - TimeSpan.FromHours(1)).RunAsync(stack.Durable, Ct);
        (await stack.Get<PersonFinder>().FindAsync(leaving, Ct)).Changes.Count.ShouldBe(2, "kept within the period");
        (await StoredChangeRowsAsync()).ShouldContain(r => r.Contains(leaving, StringComparison.OrdinalIgnoreCase), "the check sees escaped values");

        await Job(removedAt + retainFor + TimeSpan.FromSeconds(30)).RunAsync(stack.Durable, Ct);

        (await stack.Get<PersonFinder>().FindAsync(leaving, Ct)).Changes.ShouldBeEmpty();
        (await StoredChangeRowsAsync()).ShouldNotContain(r => r.Contains(leaving, StringComparison.OrdinalIgnoreCase));
        var log = (await stack.Get<ChangeLogStore>().ListAsync(ChangeSubjects.Partner, partnerId, 10, null, Ct)).Items;
        log.Count.ShouldBe(2);
        JsonDocument.Parse(log.Single(c => c.Action == "deleted").Before!).RootElement.GetProperty("email").GetString().ShouldBe(PersonRoles.Partner);
        JsonDocument.Parse(log.Single(c => c.Action == "created").After!).RootElement.GetProperty("name").GetString().ShouldBe("Énergie Solidaire");
    }
}
