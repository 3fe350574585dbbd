using System.Text.Json.Nodes;
using WgeoFlows.Deployment.Tests.Support;

namespace WgeoFlows.Deployment.Tests;

/// <summary>What the compiled template deploys: the runtime, identity-only storage, the roles, Key Vault, authentication.</summary>
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
    public void The_storage_account_accepts_no_shared_keys_and_no_anonymous_blob_access()
    {
        var properties = Single("Microsoft.Storage/storageAccounts")["properties"]!;

        properties["allowSharedKeyAccess"]!.GetValue<bool>().ShouldBeFalse();
        properties["allowBlobPublicAccess"]!.GetValue<bool>().ShouldBeFalse();
        properties["minimumTlsVersion"]!.GetValue<string>().ShouldBe("TLS1_2");
    }

    [Fact]
    public void The_apps_identity_gets_the_table_blob_queue_and_key_vault_secret_roles()
    {
        // The storage roles are a loop over a variable: the role ids are in the module's variables, not in each resource.
        ArmTemplate.ResourcesOfType(Template, "Microsoft.Authorization/roleAssignments").Count.ShouldBe(2);
        var roleIds = Template.ToJsonString();

        roleIds.ShouldContain("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", customMessage: "Storage Table Data Contributor");
        roleIds.ShouldContain("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", customMessage: "Storage Blob Data Owner");
        roleIds.ShouldContain("974c5e8b-45b9-4653-ba55-5f855dd0fb88", customMessage: "Storage Queue Data Contributor");
        roleIds.ShouldContain("4633458b-17de-408a-b874-0445c86b69e6", customMessage: "Key Vault Secrets User");
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
