using System.Text.Json;
using WgeoFlows.Privacy;
using WgeoFlows.Privacy.People;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Intake;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Privacy.People;

/// <summary>
/// GET /api/admin/people?email= finds every request, partner entry, reviewer entry and mail holding one address, whatever
/// its case and script, with the person's role in each request; a blanked contact, a longer address that ends with theirs
/// and other people's rows are not theirs; and the GET changes nothing in storage.
/// </summary>
public sealed class PersonFinderTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>, IAsyncDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private readonly DoorStack _stack = new(azurite);

    [Fact]
    public async Task Every_request_partner_reviewer_entry_and_mail_holding_the_address_is_listed_with_the_persons_role_in_each_request()
    {
        var scene = await PersonScene.SeedAsync(_stack, Ct);

        // Asked in yet another case than any of the stores holds it.
        var answer = await ListAsync(scene.Address.ToUpperInvariant());

        answer.Status.ShouldBe(200);
        answer.Headers.CacheControl.ToString().ShouldBe("no-store");
        var body = answer.Json;
        body.GetProperty("email").GetString().ShouldBe(scene.Lower);
        var requests = body.GetProperty("requests").EnumerateArray()
            .Select(r => $"{r.GetProperty("requestId").GetString()} {string.Join(",", r.GetProperty("roles").EnumerateArray().Select(x => x.GetString()))}");
        requests.Order(StringComparer.Ordinal).ShouldBe(new[]
        {
            $"{scene.Legacy} {PersonRoles.Requester}",
            $"{scene.Offered} {PersonRoles.Partner}",
            $"{scene.Reviewed} {PersonRoles.Reviewer}",
            $"{scene.Submitted} {PersonRoles.Requester}",
        }.Order(StringComparer.Ordinal), "neither the blanked request nor the look-alike's");
        body.GetProperty("requests").EnumerateArray().First(r => r.GetProperty("requestId").GetString() == scene.Submitted)
            .GetProperty("status").GetString().ShouldBe("InReview");

        var partner = body.GetProperty("partners").EnumerateArray().ShouldHaveSingleItem();
        partner.GetProperty("id").GetString().ShouldBe(scene.PartnerId);
        partner.GetProperty("name").GetString().ShouldBe("Energía Solidaria Ñandú");
        var reviewer = body.GetProperty("reviewers").EnumerateArray().ShouldHaveSingleItem();
        (reviewer.GetProperty("platform").GetString(), reviewer.GetProperty("stage").GetInt32(), reviewer.GetProperty("role").GetString())
            .ShouldBe(("cities", 1, "primary"));

        var mails = body.GetProperty("mails").EnumerateArray().Select(m => (
            RequestId: m.TryGetProperty("requestId", out var id) ? id.GetString() : null,
            Template: m.GetProperty("template").GetString(),
            Subject: m.GetProperty("subject").GetString(),
            SentAt: m.GetProperty("sentAt").GetDateTimeOffset())).ToList();
        mails.Select(m => (m.RequestId, m.Template)).ShouldBe(
        [
            (scene.Submitted, "acknowledgement"),
            (scene.Reviewed, "review-request"),
            (scene.Offered, "offer"),
            (null, "admin-digest"),
        ], "oldest first; the other people's mails of the same requests are not theirs");
        mails[0].Subject.ShouldBe("Your request WG");
        mails[0].SentAt.ShouldBe(PersonScene.At.AddMinutes(1).AddSeconds(2));
        body.GetProperty("mails").EnumerateArray().Last().GetProperty("partition").GetString().ShouldBe(scene.Digest);
    }

    [Fact]
    public async Task The_lookup_reads_storage_and_changes_nothing()
    {
        var scene = await PersonScene.SeedAsync(_stack, Ct);
        _stack.Requests.Reset();

        (await ListAsync(scene.Address)).Status.ShouldBe(200);

        _stack.Requests.Count.ShouldBeGreaterThan(0);
        _stack.Requests.Changes.ShouldBe(0, "a GET never changes anything");
    }

    [Fact]
    public async Task An_address_nothing_holds_gets_200_and_empty_lists()
    {
        await PersonScene.SeedAsync(_stack, Ct);

        var answer = await ListAsync("nobody.at.all@example.org");

        answer.Status.ShouldBe(200);
        foreach (var list in new[] { "requests", "partners", "reviewers", "mails", "heldDeliveries" })
        {
            answer.Json.GetProperty(list).GetArrayLength().ShouldBe(0, list);
        }
    }

    [Fact]
    public async Task A_blanked_contact_no_longer_holds_the_address_in_its_record_row()
    {
        var scene = await PersonScene.SeedAsync(_stack, Ct);

        var row = await _stack.Get<StorageClients>().Table(TableNames.Requests)
            .GetEntityAsync<Azure.Data.Tables.TableEntity>(scene.Blanked, RequestStore.RecordRowKey, cancellationToken: Ct);

        row.Value.GetString(RequestStore.ContactEmailColumn).ShouldBe("");
        JsonSerializer.Serialize(row.Value).ShouldNotContain(scene.Suffix + "@", Case.Insensitive);
    }

    private async Task<DoorAnswer> ListAsync(string email)
    {
        var context = DoorCalls.Context(_stack.Services, "GET", "/api/admin/people?email=" + Uri.EscapeDataString(email));
        context.Request.Headers["X-Wgeo-Admin-Key"] = DoorCalls.AdminKey;
        return await DoorCalls.RunAsync(context, await _stack.Get<PeopleHandler>().ListAsync(context.Request, Ct));
    }

    public ValueTask DisposeAsync() => _stack.DisposeAsync();
}
