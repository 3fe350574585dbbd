using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using WgeoFlows.Configuration;
using WgeoFlows.Hosting;
using WgeoFlows.Storage;

namespace WgeoFlows.Tests.Storage;

/// <summary>In Azure the app has no storage key: it finds the account by name and signs in with its managed identity.</summary>
public sealed class StorageIdentityTests
{
    [Fact]
    public void The_functions_hosts_identity_based_connection_in_an_environment_variable_names_the_account()
    {
        // The same provider the Functions worker reads app settings with; a unique prefix keeps parallel tests apart.
        var prefix = $"WGEO_TEST_{Guid.NewGuid():N}_";
        Environment.SetEnvironmentVariable(prefix + "AzureWebJobsStorage__accountName", "stwgeoexample");
        try
        {
            var configuration = new ConfigurationBuilder().AddEnvironmentVariables(prefix).Build();

            var clients = ClientsFor(configuration);

            clients.Options.AccountName.ShouldBe("stwgeoexample");
            clients.Options.ConnectionString.ShouldBeNull();
            clients.Storage.Tables.Uri.ShouldBe(new Uri("https://stwgeoexample.table.core.windows.net/"));
            clients.Storage.Blobs.Uri.ShouldBe(new Uri("https://stwgeoexample.blob.core.windows.net/"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "AzureWebJobsStorage__accountName", null);
        }
    }

    [Fact]
    public void The_apps_own_account_name_setting_is_used_as_it_is()
    {
        var clients = ClientsFor(new Dictionary<string, string?>
        {
            ["Storage:AccountName"] = "stwgeoown",
            ["AzureWebJobsStorage:accountName"] = "stwgeohost",
        });

        clients.Storage.Tables.Uri.Host.ShouldBe("stwgeoown.table.core.windows.net");
    }

    [Fact]
    public void A_connection_string_wins_over_an_account_name_so_the_local_host_stays_on_azurite()
    {
        var clients = ClientsFor(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
            ["AzureWebJobsStorage:accountName"] = "stwgeohost",
        });

        clients.Storage.Tables.Uri.Host.ShouldBe("127.0.0.1");
        clients.Storage.Tables.AccountName.ShouldBe("devstoreaccount1");
    }

    [Fact]
    public void Without_any_storage_setting_the_app_refuses_to_start_and_says_what_to_set()
    {
        var failure = Should.Throw<InvalidOperationException>(() => ClientsFor(new Dictionary<string, string?>()));

        failure.Message.ShouldContain("Storage:AccountName");
    }

    private static (StorageOptions Options, StorageClients Storage) ClientsFor(Dictionary<string, string?> settings) =>
        ClientsFor(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static (StorageOptions Options, StorageClients Storage) ClientsFor(IConfiguration configuration)
    {
        using var services = new ServiceCollection().AddLogging().AddWgeoFlowsCore(configuration).BuildServiceProvider();
        return (services.GetRequiredService<IOptions<StorageOptions>>().Value, services.GetRequiredService<StorageClients>());
    }
}
