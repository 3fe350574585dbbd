using System.Text;
using Azure.Data.Tables;
using WgeoFlows.Matching;
using WgeoFlows.SampleData;
using WgeoFlows.Storage;

namespace WgeoFlows.Tests.Matching;

public class PartnerCsvImporterStorageTests(MatchingStorageFixture storage) : IClassFixture<MatchingStorageFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private async Task<Dictionary<string, string>> ETagsAsync()
    {
        var table = storage.NewStorageClients().Table(TableNames.Partners);
        var etags = new Dictionary<string, string>();
        await foreach (var e in table.QueryAsync<TableEntity>(cancellationToken: Cancel)) etags[e.RowKey] = e.ETag.ToString();
        return etags;
    }

    [Fact]
    public async Task Importing_the_same_file_twice_stores_it_once_and_rewrites_nothing_the_second_time()
    {
        var store = storage.NewPartnerStore();
        var importer = new PartnerCsvImporter(store);
        var csv = SampleDataLoader.LoadSamplePartnersCsv();

        var first = await importer.ImportAsync(Utf8(csv), Cancel);
        var etagsAfterFirst = await ETagsAsync();
        var second = await importer.ImportAsync(Utf8(csv), Cancel);

        first.FileError.ShouldBeNull();
        first.Created.ShouldBe(first.Rows.Count);
        (await store.ListAllAsync(Cancel)).Select(p => p.Id).Intersect(first.Rows.Select(r => r.Id)).Count().ShouldBe(first.Rows.Count);
        second.Unchanged.ShouldBe(first.Rows.Count);
        second.Created.ShouldBe(0);
        second.Updated.ShouldBe(0);
        (await ETagsAsync()).ShouldBe(etagsAfterFirst, ignoreOrder: true);
    }

    [Fact]
    public async Task A_changed_row_is_updated_and_a_bad_row_is_reported_while_the_good_ones_are_stored()
    {
        var store = storage.NewPartnerStore();
        var importer = new PartnerCsvImporter(store);
        const string header = "id,name,platform,country,role,thematicAreas,supportTypes,languages,capacity,email\n";
        await importer.ImportAsync(Utf8(header + "pe-andes-1,Andes Water (fictional),cities,PE,provider,water-management,technical-assistance,es,2,andes@example.org\n"), Cancel);

        var report = await importer.ImportAsync(Utf8(header
            + "pe-andes-1,Andes Water (fictional),cities,PE,provider,water-management,technical-assistance,es;en,2,andes@example.org\n"
            + "bad row,,,,,,,,,\n"
            + "jo-new-1,Jordan Sun (fictional),public-sector,JO,both,renewable-energy,financing,ar,1,sun@example.com\n"), Cancel);

        report.Rows.Select(r => r.Outcome).ShouldBe([PartnerImportOutcome.Updated, PartnerImportOutcome.Rejected, PartnerImportOutcome.Created]);
        (await store.GetAsync("pe-andes-1", Cancel))!.Languages.ShouldBe(["es", "en"]);
        (await store.GetAsync("jo-new-1", Cancel))!.Region.ShouldBe("arab-states");
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_is_refused_as_a_whole()
    {
        var importer = new PartnerCsvImporter(storage.NewPartnerStore());

        var report = await importer.ImportAsync(new MemoryStream([0x69, 0x64, 0xFF, 0xFE, 0x0A]), Cancel);

        report.FileError.ShouldNotBeNull().ShouldContain("UTF-8");
    }
}
