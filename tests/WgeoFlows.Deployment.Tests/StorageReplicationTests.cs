using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Deployment.Tests.Support;

namespace WgeoFlows.Deployment.Tests;

/// <summary>Zone-redundant storage where the region offers it, locally redundant elsewhere (a ZRS account cannot be
/// created in a region without availability zones), and an explicit choice wins.</summary>
public sealed class StorageReplicationTests
{
    private static JsonObject Template => BicepCli.CompiledMain;

    private static IReadOnlyList<string> ZoneRedundantRegions =>
        Template["variables"]!["zoneRedundantStorageRegions"]!.AsArray().Select(r => r!.GetValue<string>()).ToList();

    [Fact]
    public void By_default_the_replication_follows_the_region_and_a_given_sku_wins()
    {
        var parameter = Template["parameters"]!["storageSkuName"]!;
        parameter["defaultValue"]!.GetValue<string>().ShouldBeEmpty();
        parameter["allowedValues"]!.AsArray().Select(v => v!.GetValue<string>())
            .ShouldBe(["", "Standard_LRS", "Standard_ZRS", "Standard_GRS", "Standard_GZRS"]);

        Template["variables"]!["storageSku"]!.ToString().ShouldBe(
            "[if(not(empty(parameters('storageSkuName'))), parameters('storageSkuName'), " +
            "if(contains(variables('zoneRedundantStorageRegions'), toLower(replace(parameters('location'), ' ', ''))), 'Standard_ZRS', 'Standard_LRS'))]");
    }

    [Fact]
    public void Both_accounts_use_the_chosen_replication()
    {
        var accounts = TemplateModules.All(Template).Values
            .Where(m => TemplateModules.Resources(m).Any(r => (string?)r["type"] == "Microsoft.Storage/storageAccounts")).ToList();

        accounts.Count.ShouldBe(2);
        accounts.ShouldAllBe(m => TemplateModules.Parameter(m, "skuName") == "[variables('storageSku')]");
    }

    [Theory]
    [InlineData("swedencentral")]
    [InlineData("westeurope")]
    [InlineData("northeurope")]
    [InlineData("eastus")]
    [InlineData("eastus2")]
    [InlineData("southafricanorth")]
    [InlineData("brazilsouth")]
    [InlineData("southeastasia")]
    public void A_region_with_zone_redundant_storage_is_listed(string region) => ZoneRedundantRegions.ShouldContain(region);

    [Theory]
    [InlineData("westus")]
    [InlineData("northcentralus")]
    [InlineData("westcentralus")]
    [InlineData("ukwest")]
    [InlineData("canadaeast")]
    [InlineData("southindia")]
    [InlineData("australiasoutheast")]
    public void A_region_without_it_is_not(string region) => ZoneRedundantRegions.ShouldNotContain(region);

    [Fact]
    public void The_list_is_written_as_azd_names_regions_sorted_and_without_duplicates()
    {
        ZoneRedundantRegions.ShouldAllBe(r => r == r.ToLowerInvariant() && !r.Contains(' '));
        ZoneRedundantRegions.ShouldBe(ZoneRedundantRegions.Order(StringComparer.Ordinal).Distinct().ToList());
    }

    [Fact]
    public void Azd_can_override_it_from_the_environment()
    {
        using var parameters = JsonDocument.Parse(Repository.Read("infra", "main.parameters.json"));
        parameters.RootElement.GetProperty("parameters").GetProperty("storageSkuName").GetProperty("value").GetString()
            .ShouldBe("${WGEO_STORAGE_SKU=}");
    }
}
