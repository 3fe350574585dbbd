using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.LinkPages;
using WgeoFlows.Links;
using WgeoFlows.Review;
using WgeoFlows.Review.Activities;
using WgeoFlows.Storage;
using WgeoFlows.Testing;
using WgeoFlows.Tests.Admin;
using WgeoFlows.Tests.Storage;
using WgeoFlows.Workflow.Steps;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Review;

/// <summary>
/// The "more information" loop appends every question and answer to the request's record, one table row: the number of
/// rounds is bounded (<see cref="ReviewLimits.MaxInformationRounds"/>) and so are the texts, so the row fits Azure's 1 MiB
/// however long and however escape-heavy every question and answer is.
/// </summary>
public sealed class InformationRoundsTests(AdminStack stack) : IClassFixture<AdminStack>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly string[] Kinds = ["escapes", "chinese", "emoji", "markup", "arabic"];

    [Fact]
    public async Task However_many_rounds_of_the_longest_questions_and_answers_come_the_record_keeps_the_allowed_rounds_and_fits_one_row()
    {
        var requestId = AdminTestData.NewId("rounds");
        var at = DateTimeOffset.UtcNow;
        (await stack.Get<RequestStore>().TryAddAsync(AdminTestData.Request(requestId) with
        {
            Description = TableLimitsTests.Text("escapes", 10_000),
        }, Ct)).ShouldBeTrue();
        var append = ActivatorUtilities.CreateInstance<AppendAnswerActivity>(stack.Services);

        for (var round = 0; round < ReviewLimits.MaxInformationRounds * 2; round++)
        {
            var kind = Kinds[round % Kinds.Length];
            await append.RunAsync(new AppendAnswerCommand(requestId, $"update-{round}", TableLimitsTests.Text(kind, ReviewLimits.MaxCommentLength),
                "reviewer@example.org", at.AddMinutes(round), TableLimitsTests.Text(kind, ReviewLimits.MaxAnswerLength), at.AddMinutes(round).AddSeconds(30)), Ct);
        }

        var stored = (await stack.Get<RequestStore>().GetAsync(requestId, Ct)).ShouldNotBeNull().Request;
        stored.AddedInformation.Count.ShouldBe(ReviewLimits.MaxInformationRounds);
        stored.AddedInformation[^1].Answer.ShouldBe(TableLimitsTests.Text(Kinds[(ReviewLimits.MaxInformationRounds - 1) % Kinds.Length], ReviewLimits.MaxAnswerLength));
        (await StoredRowLimits.ProblemsAsync(stack.Azurite.ConnectionString, cancellationToken: Ct)).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_reviewer_cannot_ask_a_question_beyond_the_last_allowed_round_and_is_told_to_approve_or_reject()
    {
        var requestId = AdminTestData.NewId("asked");
        var at = DateTimeOffset.UtcNow;
        var exchanges = Enumerable.Range(0, ReviewLimits.MaxInformationRounds)
            .Select(i => new WgeoFlows.Domain.InformationExchange($"Question {i}?", "reviewer@example.org", at.AddMinutes(i), "An answer.", at.AddMinutes(i)))
            .ToList();
        (await stack.Get<RequestStore>().TryAddAsync(AdminTestData.Request(requestId) with { AddedInformation = exchanges }, Ct)).ShouldBeTrue();

        var (status, page) = await DecideAsync(requestId, LinkKind.Review, "review-11", $"decision={ReviewStep.RequestInfo}&comment=One+more+question%3F");

        status.ShouldBe(400);
        page.ShouldContain($"rounds of questions as it may have ({ReviewLimits.MaxInformationRounds})");
        (await stack.Get<LinkStageStore>().GetAsync(requestId, "review-11", Ct)).ShouldNotBeNull().Decision.ShouldBeNull("nothing was decided");
    }

    [Theory]
    [InlineData(LinkKind.Update, "answer=bell%07")]
    [InlineData(LinkKind.Review, "decision=request-info&comment=escape%1B%5B31m")]
    public async Task An_answer_or_comment_with_control_characters_is_refused_with_a_page_and_decides_nothing(LinkKind kind, string form)
    {
        var requestId = AdminTestData.NewId("control");
        (await stack.Get<RequestStore>().TryAddAsync(AdminTestData.Request(requestId), Ct)).ShouldBeTrue();

        var (status, page) = await DecideAsync(requestId, kind, kind.ToWord() + "-1", form);

        status.ShouldBe(400);
        page.ShouldContain("control characters");
        (await stack.Get<LinkStageStore>().GetAsync(requestId, kind.ToWord() + "-1", Ct)).ShouldNotBeNull().Decision.ShouldBeNull();
    }

    private async Task<(int Status, string Page)> DecideAsync(string requestId, LinkKind kind, string stageKey, string form)
    {
        const string person = "person@example.org";
        var now = DateTimeOffset.UtcNow;
        await stack.Get<LinkStageStore>().OpenAsync(requestId, stageKey, kind, "A stage", [person], "A question?", now, Ct);
        var token = stack.Get<LinkIssuer>().DecisionUrl(kind, requestId, person, stageKey, now).Split('/')[^1];
        var context = AdminTestData.Http(stack.Services, "POST");
        var bytes = System.Text.Encoding.UTF8.GetBytes(form);
        context.Request.Body = new MemoryStream(bytes);
        context.Request.ContentLength = bytes.Length;
        context.Request.ContentType = "application/x-www-form-urlencoded";
        var result = await stack.Get<LinkPageHandler>().DecideAsync(kind, token, context.Request, stack.Durable, Ct);
        await result.ExecuteAsync(context);
        context.Response.Body.Position = 0;
        return (context.Response.StatusCode, await new StreamReader(context.Response.Body).ReadToEndAsync(Ct));
    }
}
