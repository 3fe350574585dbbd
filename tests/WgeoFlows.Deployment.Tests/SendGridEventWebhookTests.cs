using System.Text.Json;
using WgeoFlows.Deployment.Tests.Support;
using WgeoFlows.Hosting;

namespace WgeoFlows.Deployment.Tests;

/// <summary>SendGrid's signed Event Webhook as deployed: its verification key goes from the azd environment to the app
/// setting the app reads, and the deployment guide gives the route the app serves.</summary>
public sealed class SendGridEventWebhookTests
{
    [Fact]
    public void The_verification_key_reaches_the_app_from_the_azd_environment()
    {
        using var parameters = JsonDocument.Parse(Repository.Read("infra", "main.parameters.json"));
        parameters.RootElement.GetProperty("parameters").GetProperty("sendGridEventWebhookPublicKey").GetProperty("value").GetString()
            .ShouldBe("${WGEO_SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY=}");

        ArmTemplate.AppSettings(BicepCli.CompiledMain)["SendGrid__EventWebhookPublicKey"]
            .ShouldBe("[parameters('sendGridEventWebhookPublicKey')]");
    }

    [Fact]
    public void The_deployment_guide_gives_the_route_the_app_serves_and_the_variable_to_set()
    {
        var guide = Repository.Read("docs", "deploy.md");

        guide.ShouldContain($"/api/{Routes.SendGridEvents}");
        guide.ShouldContain("WGEO_SENDGRID_EVENT_WEBHOOK_PUBLIC_KEY");
    }
}
