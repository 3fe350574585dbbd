using System.Text.Json.Nodes;
using WgeoFlows.Deployment.Tests.Support;

namespace WgeoFlows.Deployment.Tests;

/// <summary>
/// Every role assignment of the compiled template, by role, assignee and scope: the app's identity gets the storage data
/// roles on the data account, Key Vault Secrets User on the vault and Monitoring Metrics Publisher on Application
/// Insights; the deployment identity gets Storage Blob Data Contributor on the package container; nothing else.
/// The resources are found the way the app reaches them (its app settings), not by their names.
/// </summary>
public sealed class RoleAssignmentTests
{
    // Built-in role definition ids: the same in every tenant.
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private static JsonObject Template => BicepCli.CompiledMain;

    private static IReadOnlyDictionary<string, string> Settings => ArmTemplate.AppSettings(Template);

    private static JsonObject Module(string name) => TemplateModules.Module(Template, name);

    private static string FunctionApp => TemplateModules.All(Template)
        .Single(m => TemplateModules.Resources(m.Value).Any(r => (string?)r["type"] == "Microsoft.Web/sites")).Key;

    /// <summary>The app's identity: the one whose client id the app's code (AZURE_CLIENT_ID) uses.</summary>
    private static string AppIdentity => ReadFrom(Settings["AZURE_CLIENT_ID"], "clientId");

    /// <summary>The identity the Flex Consumption deployment storage authenticates with.</summary>
    private static string DeploymentIdentity => ReadFrom(TemplateModules.Parameter(Module(FunctionApp), "deploymentIdentityId"), "id");

    /// <summary>The account of the Functions host, the Durable task hub and the app's tables and blobs.</summary>
    private static string DataStorage => ReadFrom(Settings["AzureWebJobsStorage__accountName"], "name");

    private static string PackageStorage => ReadFrom(TemplateModules.Parameter(Module(FunctionApp), "packageBlobEndpoint"), "blobEndpoint");

    private static string KeyVault => ReadFrom(Settings["Links__SigningKey"], "linkSigningKeyUri");

    private static string Monitoring => ReadFrom(Settings["APPLICATIONINSIGHTS_CONNECTION_STRING"], "connectionString");

    private static string ReadFrom(string expression, string output) =>
        TemplateModules.ReadFrom(expression, output) ?? throw new InvalidOperationException($"{expression} reads no module's {output}.");

    private static string Name(string module, string parameter = "name") => TemplateModules.Parameter(Module(module), parameter);

    [Fact]
    public void Every_role_assignment_is_the_expected_role_for_the_expected_identity_on_the_one_resource_it_needs()
    {
        var dataAccount = ("Microsoft.Storage/storageAccounts", Name(DataStorage));
        RoleAssignment Expected(string module, string role, string principal, (string Type, string Names) scope) =>
            new(module, role, principal, scope.Type, scope.Names, "ServicePrincipal");

        var expected = new[]
        {
            Expected(DataStorage, StorageBlobDataOwner, AppIdentity, dataAccount),
            Expected(DataStorage, StorageQueueDataContributor, AppIdentity, dataAccount),
            Expected(DataStorage, StorageTableDataContributor, AppIdentity, dataAccount),
            Expected(KeyVault, KeyVaultSecretsUser, AppIdentity, ("Microsoft.KeyVault/vaults", Name(KeyVault))),
            Expected(Monitoring, MonitoringMetricsPublisher, AppIdentity,
                ("Microsoft.Insights/components", Name(Monitoring, "applicationInsightsName"))),
            Expected(PackageStorage, StorageBlobDataContributor, DeploymentIdentity,
                ("Microsoft.Storage/storageAccounts/blobServices/containers",
                    $"{Name(PackageStorage)} / default / {Name(PackageStorage, "containerName")}")),
        };

        RoleAssignments.Of(Template).OrderBy(a => a.ToString()).ShouldBe(expected.OrderBy(a => a.ToString()));
    }

    [Fact]
    public void The_apps_identity_has_no_role_on_the_account_of_its_own_deployment_package()
    {
        PackageStorage.ShouldNotBe(DataStorage);
        Name(PackageStorage).ShouldNotBe(Name(DataStorage));

        RoleAssignments.Of(Template).Where(a => a.PrincipalModule == AppIdentity)
            .ShouldAllBe(a => a.Module != PackageStorage && !a.ScopeNames.Contains(Name(PackageStorage)));
    }

    [Fact]
    public void The_deployment_identity_reaches_the_package_container_and_nothing_else()
    {
        var assignment = RoleAssignments.Of(Template).Where(a => a.PrincipalModule == DeploymentIdentity).ShouldHaveSingleItem();

        assignment.ScopeType.ShouldBe("Microsoft.Storage/storageAccounts/blobServices/containers");
        assignment.RoleId.ShouldBe(StorageBlobDataContributor);
    }

    [Fact]
    public void The_app_runs_with_its_own_identity_and_only_the_deployment_storage_uses_the_deployment_identity()
    {
        AppIdentity.ShouldNotBe(DeploymentIdentity);
        ReadFrom(Settings["AzureWebJobsStorage__clientId"], "clientId").ShouldBe(AppIdentity);
        ReadFrom(Settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"], "clientId").ShouldBe(AppIdentity);
        ReadFrom(TemplateModules.Parameter(Module(FunctionApp), "identityId"), "id").ShouldBe(AppIdentity);
        Settings.Values.ShouldAllBe(value => TemplateModules.ReadFrom(value, "clientId") != DeploymentIdentity);

        var site = TemplateModules.Resources(Module(FunctionApp)).Single(r => (string?)r["type"] == "Microsoft.Web/sites")["properties"]!;
        site["keyVaultReferenceIdentity"]!.ToString().ShouldBe("[parameters('identityId')]");
        var storage = site["functionAppConfig"]!["deployment"]!["storage"]!;
        storage["authentication"]!["userAssignedIdentityResourceId"]!.ToString().ShouldBe("[parameters('deploymentIdentityId')]");
        storage["value"]!.ToString().ShouldBe("[format('{0}{1}', parameters('packageBlobEndpoint'), parameters('packageContainerName'))]");
        ReadFrom(TemplateModules.Parameter(Module(FunctionApp), "packageContainerName"), "containerName").ShouldBe(PackageStorage);
    }

    [Fact]
    public void Each_assignee_is_the_principal_of_a_user_assigned_identity()
    {
        foreach (var identity in new[] { AppIdentity, DeploymentIdentity })
        {
            var module = Module(identity);
            TemplateModules.Resources(module).ShouldHaveSingleItem()["type"]!.ToString().ShouldBe("Microsoft.ManagedIdentity/userAssignedIdentities");
            module["properties"]!["template"]!["outputs"]!["principalId"]!["value"]!.ToString()
                .ShouldContain("Microsoft.ManagedIdentity/userAssignedIdentities");
        }
        Name(AppIdentity).ShouldNotBe(Name(DeploymentIdentity));
    }
}
