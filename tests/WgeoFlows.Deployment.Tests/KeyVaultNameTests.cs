using System.Text.Json;
using System.Text.Json.Nodes;
using WgeoFlows.Deployment.Tests.Support;

namespace WgeoFlows.Deployment.Tests;

/// <summary>
/// `azd down` then `azd up` with the same environment: the deleted vault keeps its name for 90 days (purge protection),
/// so the vault's name takes a salt that azure.yaml's postdown hook renews, and nothing else is renamed.
/// </summary>
public sealed class KeyVaultNameTests
{
    private static JsonObject Template => BicepCli.CompiledMain;

    private static JsonObject VaultModule => TemplateModules.All(Template).Values
        .Single(m => TemplateModules.Resources(m).Any(r => (string?)r["type"] == "Microsoft.KeyVault/vaults"));

    [Fact]
    public void The_vault_keeps_purge_protection_and_its_name_takes_the_salt_when_one_is_set()
    {
        TemplateModules.Resources(VaultModule).Single(r => (string?)r["type"] == "Microsoft.KeyVault/vaults")["properties"]!
            ["enablePurgeProtection"]!.GetValue<bool>().ShouldBeTrue();

        TemplateModules.Parameter(VaultModule, "name").ShouldBe("[format('kv-wgeo-{0}', variables('keyVaultToken'))]");
        // Without a salt, the name every earlier deployment of the environment had: an existing vault is kept.
        Template["variables"]!["keyVaultToken"]!.ToString().ShouldBe(
            "[if(empty(parameters('keyVaultSalt')), variables('resourceToken'), toLower(uniqueString(subscription().id, " +
            "parameters('environmentName'), parameters('location'), parameters('keyVaultSalt'))))]");
        Template["parameters"]!["keyVaultSalt"]!["defaultValue"]!.GetValue<string>().ShouldBeEmpty();
    }

    [Fact]
    public void A_salted_name_fits_the_24_characters_a_vault_name_may_have()
    {
        // uniqueString gives 13 characters.
        ("kv-wgeo-".Length + 13).ShouldBeLessThanOrEqualTo(24);
        VaultModule["properties"]!["template"]!["parameters"]!["name"]!["maxLength"]!.GetValue<int>().ShouldBe(24);
    }

    [Fact]
    public void No_other_resource_name_takes_the_salt_so_the_app_keeps_its_url()
    {
        foreach (var (name, module) in TemplateModules.All(Template).Where(m => m.Value != VaultModule))
        {
            module["properties"]!["parameters"]!.ToJsonString().ShouldNotContain("keyVaultToken", customMessage: name);
            module["properties"]!["parameters"]!.ToJsonString().ShouldNotContain("keyVaultSalt", customMessage: name);
        }
    }

    [Fact]
    public void Azd_passes_the_salt_and_renews_it_after_every_azd_down()
    {
        using var parameters = JsonDocument.Parse(Repository.Read("infra", "main.parameters.json"));
        parameters.RootElement.GetProperty("parameters").GetProperty("keyVaultSalt").GetProperty("value").GetString()
            .ShouldBe("${WGEO_KEY_VAULT_SALT=}");

        var yaml = Repository.Read("azure.yaml");
        var hook = yaml[yaml.IndexOf("\nhooks:\n", StringComparison.Ordinal)..];
        hook.ShouldContain("  postdown:\n");
        hook.ShouldContain("    posix:\n      shell: sh\n      run: azd env set WGEO_KEY_VAULT_SALT \"$(date -u +%Y%m%d%H%M%S)\"\n");
        hook.ShouldContain("    windows:\n      shell: pwsh\n      run: azd env set WGEO_KEY_VAULT_SALT ");
    }
}
