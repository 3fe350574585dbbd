using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Intake;
using WgeoFlows.LinkPages;
using WgeoFlows.Links;
using WgeoFlows.Matching.FollowUp;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Admin;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Links;

/// <summary>
/// Issue "Open to the internet", point 8: link pages after the fact. A step that closed without the person's decision
/// (reassigned, expired, cancelled) or that is decided shows its notice only, never the request; a decided step never
/// raises its event again; the requester sees a reviewer's role, not their address; a partner's offer page shows none of
/// the questions and answers between reviewers and the requester. The handler runs on Azurite with a recording client.
/// </summary>
public sealed class LinkPagesAfterTheFactTests(AdminStack stack) : IClassFixture<AdminStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Lead = "lead.reviewer@wgeo.example";
    private const string Backup = "backup.reviewer@wgeo.example";
    private const string Partner = "partner@solar.example";
    private const string Requester = "amina@example.org";
    private const string Description = "Pilot mini-grids in two settlements; private budget notes 7731.";
    private const string Question = "Which settlements come first?";
    private const string Answer = "Mathare, then Kibera (answer 5520).";

    private LinkPageHandler Handler => stack.Get<LinkPageHandler>();
    private LinkStageStore Stages => stack.Get<LinkStageStore>();

    private string Token(LinkKind kind, string requestId, string person, string stageKey) =>
        LinkToken.Sign(new LinkClaims(kind.ToWord(), requestId, person, stageKey, DateTimeOffset.UtcNow.AddDays(1).ToUnixTimeSeconds()),
            stack.Get<IOptions<LinkOptions>>().Value.SigningKey);

    private async Task<string> StoreRequestAsync(bool withExchange = false)
    {
        var id = AdminTestData.NewId("req-link");
        var request = AdminTestData.Request(id) with
        {
            Description = Description,
            Status = RequestStatus.InReview,
            AddedInformation = withExchange
                ? [new InformationExchange(Question, Lead, DateTimeOffset.UtcNow.AddHours(-2), Answer, DateTimeOffset.UtcNow.AddHours(-1))]
                : [],
        };
        (await stack.Get<RequestStore>().TryAddAsync(request, Ct)).ShouldBeTrue();
        return id;
    }

    private static async Task<(int Status, string Body)> RenderAsync(IResult result, IServiceProvider services)
    {
        var context = new DefaultHttpContext { RequestServices = services };
        context.Response.Body = new MemoryStream();
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(Ct));
    }

    private async Task<(int Status, string Body)> ShowAsync(LinkKind kind, string token) =>
        await RenderAsync(await Handler.ShowAsync(new DefaultHttpContext().Request, kind, token, Ct), stack.Services);

    private async Task<(int Status, string Body)> PostAsync(LinkKind kind, string token, DurableTaskClientLike client, string form)
    {
        var context = new DefaultHttpContext { RequestServices = stack.Services };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        var bytes = Encoding.UTF8.GetBytes(form);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        return await RenderAsync(await Handler.DecideAsync(kind, token, context.Request, client.Client, Ct), stack.Services);
    }

    /// <summary>Wraps the recording client so that each test gets its own record.</summary>
    private sealed record DurableTaskClientLike(RecordingDurableClient Client);

    private DurableTaskClientLike NewClient() => new(new RecordingDurableClient(stack.Durable));

    private static void ShouldNotShowTheRequest(string body)
    {
        body.ShouldNotContain("Solar mini-grids");
        body.ShouldNotContain("7731");
        body.ShouldNotContain(Requester);
        body.ShouldNotContain("<form");
    }

    public static TheoryData<string> ClosingReasons => new() { "reassigned to deputy@wgeo.example", "expired", "cancelled: withdrawn by the requester" };

    [Theory]
    [MemberData(nameof(ClosingReasons))]
    public async Task A_reviewer_whose_stage_closed_without_their_decision_sees_only_the_notice(string reason)
    {
        var id = await StoreRequestAsync();
        await Stages.OpenAsync(id, "review-1-r0", LinkKind.Review, "Review", [Lead], null, DateTimeOffset.UtcNow, Ct);
        (await ShowAsync(LinkKind.Review, Token(LinkKind.Review, id, Lead, "review-1-r0"))).Body.ShouldContain("7731", customMessage: "open: the request is shown");
        await Stages.CloseAsync(id, "review-1-r0", reason, DateTimeOffset.UtcNow, Ct);

        var (status, body) = await ShowAsync(LinkKind.Review, Token(LinkKind.Review, id, Lead, "review-1-r0"));

        status.ShouldBe(410);
        body.ShouldContain(System.Net.WebUtility.HtmlEncode(reason));
        ShouldNotShowTheRequest(body);
    }

    [Fact]
    public async Task A_partner_whose_offer_closed_without_their_answer_sees_only_the_notice()
    {
        var id = await StoreRequestAsync();
        await Stages.OpenAsync(id, "offer-1-p1", LinkKind.Offer, "Offer", [Partner], null, DateTimeOffset.UtcNow, Ct);
        await Stages.CloseAsync(id, "offer-1-p1", "the offer round timed out", DateTimeOffset.UtcNow, Ct);

        var (status, body) = await ShowAsync(LinkKind.Offer, Token(LinkKind.Offer, id, Partner, "offer-1-p1"));

        status.ShouldBe(410);
        body.ShouldContain("timed out");
        ShouldNotShowTheRequest(body);
    }

    [Fact]
    public async Task A_decided_stage_shows_its_notice_only_to_the_other_reviewer_and_to_the_one_who_decided()
    {
        var id = await StoreRequestAsync();
        await Stages.OpenAsync(id, "review-1-r0", LinkKind.Review, "Review", [Lead, Backup], null, DateTimeOffset.UtcNow, Ct);
        (await PostAsync(LinkKind.Review, Token(LinkKind.Review, id, Lead, "review-1-r0"), NewClient(), "decision=approve")).Status.ShouldBe(200);

        foreach (var person in new[] { Backup, Lead })
        {
            var (status, body) = await ShowAsync(LinkKind.Review, Token(LinkKind.Review, id, person, "review-1-r0"));
            status.ShouldBe(409, person);
            body.ShouldContain("already decided", Case.Insensitive);
            ShouldNotShowTheRequest(body);
        }
    }

    [Fact]
    public async Task Repeating_the_post_of_a_decided_stage_never_raises_the_event_again()
    {
        var id = await StoreRequestAsync();
        await Stages.OpenAsync(id, "review-1-r0", LinkKind.Review, "Review", [Lead, Backup], null, DateTimeOffset.UtcNow, Ct);
        var client = NewClient();
        var token = Token(LinkKind.Review, id, Lead, "review-1-r0");

        (await PostAsync(LinkKind.Review, token, client, "decision=approve")).Status.ShouldBe(200);
        client.Client.Raised.Count.ShouldBe(1);
        client.Client.Raised[0].EventName.ShouldBe(WorkflowNames.Events.ReviewDecision);

        var (again, body) = await PostAsync(LinkKind.Review, token, client, "decision=approve");
        again.ShouldBe(200);
        body.ShouldContain("Already recorded");
        (await PostAsync(LinkKind.Review, token, client, "decision=reject&comment=Changed+my+mind")).Status.ShouldBe(409);
        (await PostAsync(LinkKind.Review, Token(LinkKind.Review, id, Backup, "review-1-r0"), client, "decision=approve")).Status.ShouldBe(409);

        client.Client.Raised.Count.ShouldBe(1, "a decided stage is closed: no repeat raises its event again");
        (await Stages.GetAsync(id, "review-1-r0", Ct))!.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public async Task A_decision_the_workflow_could_not_be_told_of_is_taken_back_so_that_sending_it_again_works()
    {
        var id = await StoreRequestAsync();
        await Stages.OpenAsync(id, "review-1-r0", LinkKind.Review, "Review", [Lead], null, DateTimeOffset.UtcNow, Ct);
        var client = NewClient();
        client.Client.FailNextRaises = 1;
        var token = Token(LinkKind.Review, id, Lead, "review-1-r0");

        (await PostAsync(LinkKind.Review, token, client, "decision=approve")).Status.ShouldBe(503);
        (await Stages.GetAsync(id, "review-1-r0", Ct))!.IsOpen.ShouldBeTrue();
        client.Client.Raised.ShouldBeEmpty();

        (await PostAsync(LinkKind.Review, token, client, "decision=approve")).Status.ShouldBe(200);
        client.Client.Raised.Count.ShouldBe(1);
    }

    [Fact]
    public async Task The_requester_sees_the_reviewers_role_not_their_address_and_reviewers_see_who_asked()
    {
        await stack.Get<ReviewerStore>().ReplaceAllAsync(
        [
            new Reviewer("cities", 1, Lead, "Lead Reviewer", ReviewerRole.Primary),
            new Reviewer("cities", 1, Backup, "Backup Reviewer", ReviewerRole.Backup),
        ], Ct);
        var id = await StoreRequestAsync(withExchange: true);
        await Stages.OpenAsync(id, "update-2", LinkKind.Update, "More information", [Requester], "How many households?", DateTimeOffset.UtcNow, Ct);
        await Stages.OpenAsync(id, "review-1-r1", LinkKind.Review, "Review", [Lead], null, DateTimeOffset.UtcNow, Ct);

        var (status, requesterPage) = await ShowAsync(LinkKind.Update, Token(LinkKind.Update, id, Requester, "update-2"));
        status.ShouldBe(200);
        requesterPage.ShouldContain(System.Net.WebUtility.HtmlEncode(Question));
        requesterPage.ShouldContain("(<bdi>Reviewer</bdi>)");
        requesterPage.ShouldNotContain(Lead);
        requesterPage.ShouldNotContain("lead.reviewer");

        var (_, reviewerPage) = await ShowAsync(LinkKind.Review, Token(LinkKind.Review, id, Lead, "review-1-r1"));
        reviewerPage.ShouldContain(Lead);
        reviewerPage.ShouldContain("5520");
    }

    [Fact]
    public async Task An_offer_page_shows_none_of_the_exchanges_between_reviewers_and_the_requester()
    {
        var id = await StoreRequestAsync(withExchange: true);
        await Stages.OpenAsync(id, "offer-1-p1", LinkKind.Offer, "Offer", [Partner], null, DateTimeOffset.UtcNow, Ct);

        var (status, body) = await ShowAsync(LinkKind.Offer, Token(LinkKind.Offer, id, Partner, "offer-1-p1"));

        status.ShouldBe(200);
        body.ShouldContain("Solar mini-grids");
        body.ShouldNotContain("Questions and answers");
        body.ShouldNotContain(System.Net.WebUtility.HtmlEncode(Question));
        body.ShouldNotContain("5520");
        body.ShouldNotContain(Lead);
        body.ShouldNotContain(Requester);
    }

    [Fact]
    public async Task A_follow_up_answered_shows_its_notice_only_and_a_repeated_answer_raises_nothing_again()
    {
        var id = await StoreRequestAsync();
        await Stages.OpenAsync(id, "followup-1", LinkKind.FollowUp, "Follow-up", [Requester], null, DateTimeOffset.UtcNow, Ct);
        var handler = stack.Get<FollowUpPageHandler>();
        var token = Token(LinkKind.FollowUp, id, Requester, "followup-1");
        var client = NewClient();
        async Task<int> AnswerAsync(string form)
        {
            var context = new DefaultHttpContext { RequestServices = stack.Services };
            context.Request.Method = "POST";
            context.Request.ContentType = "application/x-www-form-urlencoded";
            context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(form));
            return (await RenderAsync(await handler.AnswerAsync(token, context.Request, client.Client, Ct), stack.Services)).Status;
        }

        (await AnswerAsync("progress=on-track")).ShouldBe(200);
        (await AnswerAsync("progress=on-track")).ShouldBe(200);
        (await AnswerAsync("progress=stalled")).ShouldBe(409);
        client.Client.Raised.Count.ShouldBe(1);

        var (status, body) = await RenderAsync(await handler.ShowAsync(new DefaultHttpContext().Request, token, Ct), stack.Services);
        status.ShouldBe(409);
        ShouldNotShowTheRequest(body);
    }

    [Fact]
    public async Task A_follow_up_closed_without_an_answer_refuses_a_late_answer_with_its_notice_and_raises_nothing()
    {
        var id = await StoreRequestAsync();
        await Stages.OpenAsync(id, "followup-p1", LinkKind.FollowUp, "Follow-up", [Partner], null, DateTimeOffset.UtcNow, Ct);
        // What the workflow does when the answer window passes (FollowUp:AnswerWithin).
        await Stages.CloseAsync(id, "followup-p1", "the follow-up was closed without this answer", DateTimeOffset.UtcNow, Ct);
        var handler = stack.Get<FollowUpPageHandler>();
        var token = Token(LinkKind.FollowUp, id, Partner, "followup-p1");
        var client = NewClient();
        var context = new DefaultHttpContext { RequestServices = stack.Services };
        context.Request.Method = "POST";
        context.Request.ContentType = "application/x-www-form-urlencoded";
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes("progress=completed"));

        var (status, body) = await RenderAsync(await handler.AnswerAsync(token, context.Request, client.Client, Ct), stack.Services);

        status.ShouldBe(410);
        body.ShouldContain("the follow-up was closed without this answer");
        ShouldNotShowTheRequest(body);
        client.Client.Raised.ShouldBeEmpty();
        (await Stages.GetAsync(id, "followup-p1", Ct))!.Decision.ShouldBeNull();
    }
}
