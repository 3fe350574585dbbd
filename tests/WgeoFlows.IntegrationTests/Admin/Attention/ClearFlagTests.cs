using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WgeoFlows.Admin.Attention;
using WgeoFlows.Configuration;
using WgeoFlows.Intake.Held;
using WgeoFlows.Matching.Offers;
using WgeoFlows.RequestIndex;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;
using WgeoFlows.Web.AdminAuth;

namespace WgeoFlows.Tests.Admin.Attention;

/// <summary><c>POST /api/admin/requests/{id}/flags/{kind}/clear</c> against Azurite: the flag goes and the timeline names the
/// admin; a second clear changes nothing; bad input is a problem and changes nothing.</summary>
public sealed class ClearFlagTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // What executing a result needs of a host: logging and the JSON options' defaults.
    private static readonly IServiceProvider Services = new ServiceCollection().AddLogging().BuildServiceProvider();

    private StorageClients Storage() => new(Options.Create(new StorageOptions { ConnectionString = azurite.ConnectionString }));

    private static AttentionHandler Handler(StorageClients storage)
    {
        var reader = new AttentionReader(new AdminFlagStore(storage), new AdminIndexStore(storage, TestRetries.Pipelines), new HeldDeliveryStore(storage),
            new RequestStore(storage), new MatchCandidateStore(storage), new TimelineStore(storage), TimeProvider.System);
        return new AttentionHandler(new AdminAuthenticator(Options.Create(new AdminOptions { ApiKey = AdminTestData.AdminKey })), reader,
            new AdminFlagStore(storage), new RequestStore(storage), new TimelineStore(storage), TimeProvider.System);
    }

    private static Microsoft.AspNetCore.Http.HttpContext Post(string? body = "{}") =>
        AdminTestData.Http(Services, "POST", body, headers: ("X-Wgeo-Admin-Key", AdminTestData.AdminKey));

    private async Task<string> FlaggedRequestAsync(StorageClients storage)
    {
        var request = AdminTestData.Request(AdminTestData.NewId("clear"), "Énergie « propre » <i>pour tous</i>");
        await new RequestStore(storage).TryAddAsync(request, Ct);
        await new AdminFlagStore(storage).RaiseAsync(new AdminFlag(request.RequestId, AdminFlagStore.MailUndelivered,
            "acknowledgement to amina@example.org: 550 mailbox unavailable", DateTimeOffset.UtcNow), Ct);
        return request.RequestId;
    }

    [Fact]
    public async Task Marking_a_bounced_mail_as_dealt_with_clears_its_flag_and_records_the_admin_once()
    {
        var storage = Storage();
        var requestId = await FlaggedRequestAsync(storage);
        var handler = Handler(storage);

        var first = Post();
        var (status, body) = await AdminTestData.AnswerAsync(await handler.ClearFlagAsync(first.Request, requestId, AdminFlagStore.MailUndelivered, Ct), first);
        status.ShouldBe(200);
        body.GetProperty("cleared").GetBoolean().ShouldBeTrue();
        (await new AdminFlagStore(storage).ListForRequestAsync(requestId, Ct)).ShouldBeEmpty();
        (await new AdminFlagStore(storage).NewestAsync(100, Ct)).ShouldNotContain(f => f.RequestId == requestId);

        var again = Post();
        var (againStatus, againBody) = await AdminTestData.AnswerAsync(
            await handler.ClearFlagAsync(again.Request, requestId, AdminFlagStore.MailUndelivered, Ct), again);
        againStatus.ShouldBe(200);
        againBody.GetProperty("cleared").GetBoolean().ShouldBeFalse();

        var entries = (await new TimelineStore(storage).ListAsync(requestId, Ct)).Where(t => t.Action == "admin action: clear flag").ToList();
        entries.Count.ShouldBe(1);
        entries[0].Actor.ShouldBe("admin-key");
        entries[0].Detail.ShouldBe("mail-undelivered marked as dealt with");
    }

    [Theory]
    [InlineData("not-a-flag", "{}", 404)]
    [InlineData(AdminFlagStore.MailUndelivered, "[1]", 400)]
    [InlineData(AdminFlagStore.MailUndelivered, "{", 400)]
    public async Task A_bad_clear_is_a_problem_and_the_flag_stays(string kind, string body, int expected)
    {
        var storage = Storage();
        var requestId = await FlaggedRequestAsync(storage);
        var http = Post(body);

        var result = await Handler(storage).ClearFlagAsync(http.Request, requestId, kind, Ct);
        var (status, problem) = await AdminTestData.AnswerAsync(result, http);

        status.ShouldBe(expected);
        http.Response.ContentType.ShouldBe("application/problem+json");
        if (expected == 400) problem.GetProperty("errors").GetProperty("body").GetArrayLength().ShouldBe(1);
        (await new AdminFlagStore(storage).ListForRequestAsync(requestId, Ct)).ShouldHaveSingleItem().Kind.ShouldBe(AdminFlagStore.MailUndelivered);
    }

    [Fact]
    public async Task Without_the_key_or_as_a_form_post_nothing_is_cleared()
    {
        var storage = Storage();
        var requestId = await FlaggedRequestAsync(storage);
        var anonymous = AdminTestData.Http(Services, "POST", "{}");
        var form = Post();
        form.Request.ContentType = "application/x-www-form-urlencoded";

        (await AdminTestData.AnswerAsync(await Handler(storage).ClearFlagAsync(anonymous.Request, requestId, AdminFlagStore.MailUndelivered, Ct), anonymous))
            .Status.ShouldBe(401);
        (await AdminTestData.AnswerAsync(await Handler(storage).ClearFlagAsync(form.Request, requestId, AdminFlagStore.MailUndelivered, Ct), form))
            .Status.ShouldBe(415);
        (await new AdminFlagStore(storage).ListForRequestAsync(requestId, Ct)).ShouldHaveSingleItem();
    }
}
