using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using WgeoFlows.Matching;
using WgeoFlows.Matching.Partners;
using WgeoFlows.Reference;
using WgeoFlows.Storage;

namespace WgeoFlows.Tests.Matching;

/// <summary>The registry's export, the import's dry run, the filtered search and the offers list, against Azurite. This
/// class has its own storage: the export round trip reads the whole registry.</summary>
public class PartnerExportAndSearchTests(MatchingStorageFixture storage) : IClassFixture<MatchingStorageFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Names a spreadsheet, a CSV parser or an HTML page could each get wrong.
    private static readonly (string Id, string Name, string Country)[] Hostile =
    [
        ("-minus-first", "-10% Énergie, \"Solaire\" SARL", "FR"),
        ("formula", "=HYPERLINK(\"http://example.org\",\"click\")", "KE"),
        ("plus-at", "+Plus @Home", "BR"),
        ("at-sign", "@Cooperativa Água Limpa", "BR"),
        ("apostrophe", "'s-Hertogenbosch Groen", "NL"),
        ("two-apostrophes", "''=quoted twice", "NL"),
        ("arabic", "مؤسسة \"الطاقة\" الخضراء، عمّان", "JO"),
        ("chinese", "绿色城市 <b>Markup</b> & 'quotes', Ltd", "CN"),
        ("newline", "Line one\nLine two, \"three\"", "SN"),
    ];

    private static Partner Valid(string id, string name, string country, string platform = "cities", string thematic = "renewable-energy",
        bool active = true)
    {
        var result = PartnerValidator.Validate(new PartnerInput
        {
            Id = id,
            Name = name,
            Platform = platform,
            Country = country,
            Role = "provider",
            ThematicAreas = [thematic],
            SupportTypes = ["technical-assistance"],
            Languages = ["en", "fr"],
            Capacity = "3",
            Email = $"{id.Trim('-')}@example.org",
            Active = active ? "true" : "false",
            Publishable = "true",
        }, CountryCatalog.Default);
        return result.Partner ?? throw new InvalidOperationException(string.Join("; ", result.Errors));
    }

    private async Task<Dictionary<string, string>> ETagsAsync()
    {
        var table = storage.NewStorageClients().Table(TableNames.Partners);
        var etags = new Dictionary<string, string>();
        await foreach (var e in table.QueryAsync<TableEntity>(cancellationToken: Cancel)) etags[e.PartitionKey + "/" + e.RowKey] = e.ETag.ToString();
        return etags;
    }

    [Fact]
    public async Task The_export_of_hostile_names_imports_again_as_every_row_unchanged_and_keeps_formulas_from_running()
    {
        var store = storage.NewPartnerStore();
        await store.UpsertManyAsync(Hostile.Select(h => Valid("rt-" + h.Id, h.Name, h.Country)), Cancel);
        await store.UpsertAsync(Valid("-rt-leading-minus", "Leading minus id", "KE"), Cancel);
        var before = await ETagsAsync();
        var all = await store.ListAllAsync(Cancel);

        var csv = PartnerCsvWriter.Write(all);
        var result = await new PartnerCsvImporter(store).RunAsync(csv, dryRun: false, Cancel);

        result.Report.FileError.ShouldBeNull();
        result.Report.Rows.Count.ShouldBe(all.Count);
        result.Report.Rows.ShouldAllBe(r => r.Outcome == PartnerImportOutcome.Unchanged,
            string.Join("; ", result.Report.Rows.Select(r => r.Id + ": " + string.Join(" ", r.Errors))));
        result.Written.ShouldBeEmpty();
        (await ETagsAsync()).ShouldBe(before, ignoreOrder: true);
        // No cell starts a formula; the escaped ones read back as they were (above: unchanged).
        csv.ShouldContain("\"'=HYPERLINK(\"\"http://example.org\"\",\"\"click\"\")\"");
        csv.ShouldContain("'-10% Énergie");
        csv.ShouldContain("'-rt-leading-minus,");
        csv.ShouldContain("''s-Hertogenbosch Groen");
        csv.ShouldContain("'''=quoted twice");
        csv.ShouldContain("\"Line one\nLine two, \"\"three\"\"\"");
        csv.ShouldContain("مؤسسة \"\"الطاقة\"\" الخضراء، عمّان");
    }

    [Fact]
    public async Task A_dry_run_reports_what_an_import_would_do_and_writes_nothing()
    {
        var store = storage.NewPartnerStore();
        await store.UpsertAsync(Valid("dry-existing", "Existing (dry run)", "PE"), Cancel);
        var before = await ETagsAsync();
        var csv = "id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email\n"
            + "dry-existing,Existing (dry run),cities,PE,provider,renewable-energy,technical-assistance,en;fr,9,dry-existing@example.org\n"
            + "dry-new,Nouveau Partenaire,cities,SN,provider,renewable-energy,financing,fr,1,nouveau@example.org\n"
            + "dry-bad,Bad,space,SN,provider,renewable-energy,financing,fr,1,bad@example.org\n";

        var result = await new PartnerCsvImporter(store).RunAsync(csv, dryRun: true, Cancel);

        result.Report.Rows.Select(r => r.Outcome).ShouldBe([PartnerImportOutcome.Updated, PartnerImportOutcome.Created, PartnerImportOutcome.Rejected]);
        result.Report.Rows[2].Errors.ShouldContain(e => e.Contains("'space' is not a platform", StringComparison.Ordinal));
        result.Written.ShouldBeEmpty();
        (await ETagsAsync()).ShouldBe(before, ignoreOrder: true);
        (await store.GetAsync("dry-new", Cancel)).ShouldBeNull();
        (await store.GetAsync("dry-existing", Cancel))!.Capacity.ShouldBe(3);
    }

    [Fact]
    public async Task A_filtered_search_pages_through_every_match_once_in_id_order()
    {
        var store = storage.NewPartnerStore();
        var matching = new List<string>();
        var partners = new List<Partner>();
        for (var i = 0; i < 30; i++)
        {
            var id = $"sr-{i:D2}";
            var water = i % 3 == 0;
            partners.Add(Valid(id, (water ? "Société de l'Eau " : "Other ") + i, i % 2 == 0 ? "SN" : "CN", thematic: water ? "water-management" : "renewable-energy"));
            if (water) matching.Add(id);
        }
        await store.UpsertManyAsync(partners, Cancel);
        var filter = new PartnerListFilter { Search = PartnerListFilter.Fold("SOCIETE DE L'EAU"), ThematicArea = "water-management" };

        var seen = new List<string>();
        string? continuation = null;
        var pages = 0;
        do
        {
            var page = await store.SearchAsync(filter, 3, continuation, Cancel);
            page.Items.Count.ShouldBeLessThanOrEqualTo(3);
            seen.AddRange(page.Items.Select(p => p.Id));
            continuation = page.Continuation;
            pages++;
        }
        while (continuation is not null && pages < 20);

        seen.ShouldBe(matching);
        continuation.ShouldBeNull();
        // The server-side filters and the country search: Senegal by its code, and by its name in French and Chinese.
        async Task<int> CountAsync(PartnerListFilter f) =>
            (await store.SearchAsync(f, 100, "sr-", Cancel)).Items.Count(p => p.Id.StartsWith("sr-", StringComparison.Ordinal));
        (await CountAsync(new PartnerListFilter { Search = "sn", Platform = "cities" })).ShouldBe(15);
        (await CountAsync(new PartnerListFilter { Search = PartnerListFilter.Fold("Sénégal") })).ShouldBe(15);
        (await CountAsync(new PartnerListFilter { Search = "中国" })).ShouldBe(15);
        (await CountAsync(new PartnerListFilter { Platform = "academia-youth" })).ShouldBe(0);
    }

    [Fact]
    public async Task An_offer_recorded_twice_is_listed_once_newest_first()
    {
        var log = new PartnerOfferLog(storage.NewStorageClients());
        var start = new DateTimeOffset(2026, 5, 1, 9, 0, 0, TimeSpan.Zero);
        await log.RecordAsync("offers-partner", new PartnerOffer("req-1", "offer-r0-offers-partner", "Offer round 1", start), Cancel);
        await log.RecordAsync("offers-partner", new PartnerOffer("req-1", "offer-r0-offers-partner", "Offer round 1", start), Cancel);
        await log.RecordAsync("offers-partner", new PartnerOffer("req-2", "offer-r1-offers-partner", "Offer round 2", start.AddDays(2)), Cancel);

        var offers = await log.RecentAsync("offers-partner", cancellationToken: Cancel);

        offers.Select(o => o.RequestId).ShouldBe(["req-2", "req-1"]);
        // The registry's list never reads them.
        (await storage.NewPartnerStore().ListAllAsync(Cancel)).ShouldNotContain(p => p.Id.Contains("req-", StringComparison.Ordinal));
    }

    [Fact]
    public void Bad_filter_values_are_named_by_field()
    {
        var errors = new Dictionary<string, string[]>();
        PartnerListFilter.Read(new QueryCollection(new Dictionary<string, StringValues>
        {
            ["platform"] = "space",
            ["region"] = "mars",
            ["thematicArea"] = "x",
            ["supportType"] = "y",
            ["role"] = "king",
            ["active"] = "maybe",
            ["publishable"] = "2",
            ["q"] = new string('a', 201),
        }), errors);

        errors.Keys.ShouldBe(["platform", "region", "thematicArea", "supportType", "role", "active", "publishable", "q"], ignoreOrder: true);
    }
}
