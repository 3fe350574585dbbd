using System.Text.Json.Nodes;
using WgeoFlows.Deployment.Tests.Support;

namespace WgeoFlows.Deployment.Tests;

/// <summary>What the compiled template deploys: the runtime, identity-only storage, Key Vault, no publishing passwords,
/// Entra-only telemetry, authentication. The roles are in <see cref="RoleAssignmentTests"/>.</summary>
public sealed class TemplateSecurityTests
{
    private static JsonObject Template => BicepCli.CompiledMain;

    private static JsonObject Single(string type) => ArmTemplate.ResourcesOfType(Template, type).ShouldHaveSingleItem();

    [Fact]
    public void The_function_app_runs_dotnet_10_isolated_on_flex_consumption_from_a_deployment_container_reached_with_its_identity()
    {
        var plan = Single("Microsoft.Web/serverfarms");
        plan["sku"]!["tier"]!.GetValue<string>().ShouldBe("FlexConsumption");
        plan["sku"]!["name"]!.GetValue<string>().ShouldBe("FC1");

        var config = Single("Microsoft.Web/sites")["properties"]!["functionAppConfig"]!;
        config["runtime"]!["name"]!.GetValue<string>().ShouldBe("dotnet-isolated");
        config["runtime"]!["version"]!.GetValue<string>().ShouldBe("10.0");
        config["deployment"]!["storage"]!["type"]!.GetValue<string>().ShouldBe("blobContainer");
        config["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>().ShouldBe("UserAssignedIdentity");
        config["scaleAndConcurrency"]!["maximumInstanceCount"].ShouldNotBeNull();
    }

    [Fact]
    public void Flex_consumption_settings_that_the_platform_refuses_are_not_set()
    {
        var settings = ArmTemplate.AppSettings(Template);

        settings.Keys.ShouldNotContain("FUNCTIONS_WORKER_RUNTIME");
        settings.Keys.ShouldNotContain("WEBSITE_RUN_FROM_PACKAGE");
        settings.Keys.ShouldNotContain("AzureWebJobsStorage"); // a connection string: the account accepts no keys
        settings["AzureWebJobsStorage__credential"].ShouldBe("managedidentity");
    }

    [Fact]
    public void Both_storage_accounts_accept_no_shared_keys_and_no_anonymous_blob_access()
    {
        var accounts = ArmTemplate.ResourcesOfType(Template, "Microsoft.Storage/storageAccounts");

        accounts.Count.ShouldBe(2, "the data account and the deployment package's account");
        foreach (var properties in accounts.Select(a => a["properties"]!))
        {
            properties["allowSharedKeyAccess"]!.GetValue<bool>().ShouldBeFalse();
            properties["allowBlobPublicAccess"]!.GetValue<bool>().ShouldBeFalse();
            properties["minimumTlsVersion"]!.GetValue<string>().ShouldBe("TLS1_2");
        }
    }

    [Fact]
    public void Publishing_with_ftp_or_scm_basic_authentication_is_off()
    {
        var policies = ArmTemplate.ResourcesOfType(Template, "Microsoft.Web/sites/basicPublishingCredentialsPolicies");

        policies.Select(p => p["name"]!.ToString()).Order().ShouldBe(
            ["[format('{0}/{1}', parameters('name'), 'ftp')]", "[format('{0}/{1}', parameters('name'), 'scm')]"]);
        policies.ShouldAllBe(p => p["properties"]!["allow"]!.GetValue<bool>() == false);
    }

    [Fact]
    public void Application_insights_accepts_only_entra_id_and_the_app_sends_with_its_identity()
    {
        Single("Microsoft.Insights/components")["properties"]!["DisableLocalAuth"]!.GetValue<bool>().ShouldBeTrue();

        var settings = ArmTemplate.AppSettings(Template);
        settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"]
            .ShouldBe("[format('Authorization=AAD;ClientId={0}', reference('identity').outputs.clientId.value)]");
        // The same identity as the app's code: RoleAssignmentTests checks it has Monitoring Metrics Publisher there.
        settings["AZURE_CLIENT_ID"].ShouldBe("[reference('identity').outputs.clientId.value]");
    }

    [Fact]
    public void Every_secret_comes_from_an_azd_parameter_and_the_generated_keys_must_be_at_least_32_characters()
    {
        var parameters = Template["parameters"]!.AsObject();
        var secrets = parameters.Where(p => p.Value!["type"]!.GetValue<string>() == "securestring").ToDictionary(p => p.Key, p => p.Value!);

        secrets.Keys.Order().ShouldBe(["adminApiKey", "linkSigningKey", "sendGridApiKey", "webhookSecret"]);
        // The template generates no secret (no newGuid(), no default): each is the operator's, and a character is at
        // least one byte, so these bounds are the app's 32-byte minimum (RequiredSettings.GeneratedKeys).
        secrets.Values.ShouldAllBe(p => p["defaultValue"] == null);
        foreach (var key in new[] { "adminApiKey", "linkSigningKey", "webhookSecret" })
        {
            secrets[key]["minLength"]!.GetValue<int>().ShouldBeGreaterThanOrEqualTo(32, customMessage: key);
        }
        Template.ToJsonString().ShouldNotContain("newGuid(");
        var vault = TemplateModules.All(Template).Values
            .Single(m => TemplateModules.Resources(m).Any(r => (string?)r["type"] == "Microsoft.KeyVault/vaults"));
        foreach (var secret in ArmTemplate.ResourcesOfType(Template, "Microsoft.KeyVault/vaults/secrets"))
        {
            var value = secret["properties"]!["value"]!.ToString();
            value.ShouldMatch(@"^\[parameters\('[A-Za-z]+'\)\]$");
            TemplateModules.Resolve(vault, value).ShouldBeOneOf(secrets.Keys.Select(k => $"[parameters('{k}')]").ToArray());
        }
    }

    [Fact]
    public void The_key_vault_uses_rbac_and_keeps_deleted_secrets()
    {
        var properties = Single("Microsoft.KeyVault/vaults")["properties"]!;

        properties["enableRbacAuthorization"]!.GetValue<bool>().ShouldBeTrue();
        properties["enablePurgeProtection"]!.GetValue<bool>().ShouldBeTrue();
        ArmTemplate.ResourcesOfType(Template, "Microsoft.KeyVault/vaults/secrets").Count.ShouldBe(4);
    }

    [Fact]
    public void App_service_authentication_signs_admins_in_with_entra_id_and_lets_public_links_and_webhooks_through()
    {
        var auth = ArmTemplate.ResourcesOfType(Template, "Microsoft.Web/sites/config")
            .Single(r => r["name"]!.GetValue<string>().Contains("authsettingsV2", StringComparison.Ordinal))["properties"]!;

        auth["globalValidation"]!["requireAuthentication"]!.GetValue<bool>().ShouldBeFalse();
        auth["globalValidation"]!["unauthenticatedClientAction"]!.GetValue<string>().ShouldBe("AllowAnonymous");
        auth["identityProviders"]!["azureActiveDirectory"]!["enabled"]!.GetValue<bool>().ShouldBeTrue();
        // Trusting the principal header without authentication in front would let anyone claim the admin role.
        ArmTemplate.AppSettings(Template)["Admin__TrustAppServiceAuthentication"]
            .ShouldBe("[if(empty(parameters('entraClientId')), 'false', 'true')]");
    }

    [Fact]
    public void No_output_carries_a_secret()
    {
        var outputs = Template["outputs"]!.AsObject().ToJsonString();

        foreach (var secret in new[] { "webhookSecret", "linkSigningKey", "sendGridApiKey", "adminApiKey" })
        {
            outputs.ShouldNotContain($"parameters('{secret}')");
        }
        Template["outputs"]!["SERVICE_API_URI"].ShouldNotBeNull();
    }
}
