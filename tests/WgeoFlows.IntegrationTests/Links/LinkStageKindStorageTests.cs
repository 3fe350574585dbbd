using Azure.Data.Tables;
using WgeoFlows.Links;
using WgeoFlows.Storage;
using WgeoFlows.Tests.Support;

namespace WgeoFlows.Tests.Links;

/// <summary>A link stage row holds its kind as the word it always held (<see cref="LinkKinds"/>), so rows written before the
/// kind became an enum read as before, and rows written now are the rows written then.</summary>
public sealed class LinkStageKindStorageTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private static readonly DateTimeOffset Opened = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private const string Person = "person@example.org";

    public static TheoryData<LinkKind, string> KindsAndWords => new()
    {
        { LinkKind.Review, "review" },
        { LinkKind.Update, "update" },
        { LinkKind.Offer, "offer" },
        { LinkKind.Confirm, "confirm" },
        { LinkKind.FollowUp, "followup" },
    };

    [Theory]
    [MemberData(nameof(KindsAndWords))]
    public async Task A_stage_opened_now_stores_its_kind_as_the_word_rows_always_held(LinkKind kind, string word)
    {
        var storage = azurite.NewStorageClients();
        var requestId = $"req-kind-new-{word}";
        await new LinkStageStore(storage).OpenAsync(requestId, "stage-1", kind, "A stage", [Person], null, Opened, Ct);

        var row = await storage.Table(TableNames.Requests).GetEntityAsync<TableEntity>(requestId, LinkStageStore.RowPrefix + "stage-1",
            cancellationToken: Ct);

        row.Value.GetString("Kind").ShouldBe(word);
    }

    [Theory]
    [MemberData(nameof(KindsAndWords))]
    public async Task A_stage_stored_before_the_enum_reads_as_its_kind_and_keeps_its_word_when_decided(LinkKind kind, string word)
    {
        var storage = azurite.NewStorageClients();
        var store = new LinkStageStore(storage);
        var requestId = $"req-kind-old-{word}";
        await storage.EnsureCreatedAsync();
        // The row as the store wrote it while kinds were strings.
        await storage.Table(TableNames.Requests).AddEntityAsync(new TableEntity(requestId, LinkStageStore.RowPrefix + "stage-1")
        {
            ["Kind"] = word,
            ["Title"] = "A stage",
            ["Persons"] = Person,
            ["OpenedAt"] = Opened,
        }, Ct);

        (await store.GetAsync(requestId, "stage-1", Ct)).ShouldNotBeNull().Kind.ShouldBe(kind);
        var (outcome, _) = await store.TryDecideAsync(requestId, new LinkDecision("stage-1", Person, "a decision", null, Opened.AddHours(1)), Ct);

        outcome.ShouldBe(DecideOutcome.Recorded);
        var row = await storage.Table(TableNames.Requests).GetEntityAsync<TableEntity>(requestId, LinkStageStore.RowPrefix + "stage-1",
            cancellationToken: Ct);
        row.Value.GetString("Kind").ShouldBe(word);
    }

    [Fact]
    public async Task A_row_whose_kind_no_link_has_is_refused_by_name()
    {
        var storage = azurite.NewStorageClients();
        await storage.EnsureCreatedAsync();
        await storage.Table(TableNames.Requests).AddEntityAsync(new TableEntity("req-kind-unknown", LinkStageStore.RowPrefix + "stage-1")
        {
            ["Kind"] = "Review",
            ["Title"] = "A stage",
            ["Persons"] = Person,
            ["OpenedAt"] = Opened,
        }, Ct);

        var error = await Should.ThrowAsync<InvalidDataException>(() => new LinkStageStore(storage).GetAsync("req-kind-unknown", "stage-1", Ct));

        error.Message.ShouldContain("Review");
    }
}
