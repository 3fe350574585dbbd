using Azure.Identity;
using WgeoFlows.Telemetry;

namespace WgeoFlows.Tests.Telemetry;

/// <summary>The worker's exporter uses the managed identity that App Service's APPLICATIONINSIGHTS_AUTHENTICATION_STRING
/// names, as the Functions host does: infra/ sets it and turns Application Insights' local authentication off.</summary>
public sealed class ApplicationInsightsAuthenticationTests
{
    [Theory]
    [InlineData("Authorization=AAD;ClientId=0f1e2d3c-0000-4000-8000-000000000001")]
    [InlineData(" ClientId = 0f1e2d3c-0000-4000-8000-000000000001 ; authorization=aad ")]
    public void The_bicep_setting_names_the_user_assigned_identity(string value)
    {
        var authentication = ApplicationInsightsAuthentication.Parse(value).ShouldNotBeNull();

        authentication.ClientId.ShouldBe("0f1e2d3c-0000-4000-8000-000000000001");
        authentication.Credential().ShouldBeOfType<ManagedIdentityCredential>();
    }

    [Fact]
    public void Without_a_client_id_it_is_the_system_assigned_identity() =>
        ApplicationInsightsAuthentication.Parse("Authorization=AAD").ShouldBe(new ApplicationInsightsAuthentication(null));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("ClientId=0f1e2d3c-0000-4000-8000-000000000001")]
    [InlineData("Authorization=Other;ClientId=0f1e2d3c-0000-4000-8000-000000000001")]
    public void Anything_else_leaves_the_exporter_on_its_connection_string_alone(string? value) =>
        ApplicationInsightsAuthentication.Parse(value).ShouldBeNull();
}
