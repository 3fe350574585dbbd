using Azure.Data.Tables;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Runtime;

public sealed class AzuriteInstanceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Data_survives_stop_and_start_again_on_the_same_ports()
    {
        await using var azurite = await AzuriteInstance.StartAsync(Ct);
        var table = new TableClient(azurite.ConnectionString, "Survivors");
        await table.CreateIfNotExistsAsync(Ct);
        await table.AddEntityAsync(new TableEntity("p", "r") { ["Value"] = "kept" }, Ct);

        await azurite.StopAsync();
        azurite.IsRunning.ShouldBeFalse();
        await azurite.StartAgainAsync(Ct);

        (await table.GetEntityAsync<TableEntity>("p", "r", cancellationToken: Ct)).Value.GetString("Value").ShouldBe("kept");
    }

    [Fact]
    public async Task Disposal_stops_azurite_and_removes_its_data()
    {
        var azurite = await AzuriteInstance.StartAsync(Ct);
        var folder = azurite.DataFolder;

        await azurite.DisposeAsync();

        azurite.IsRunning.ShouldBeFalse();
        Directory.Exists(folder).ShouldBeFalse();
    }
}
