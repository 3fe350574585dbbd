using Microsoft.Extensions.Configuration;
using WgeoFlows.Hosting;

namespace WgeoFlows.Tests.Hosting;

/// <summary>The development defaults this repository publishes are the values the production start refuses.</summary>
public sealed class DevelopmentSecretsTests
{
    private static string LocalAppSettings()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WgeoFlows.sln"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new InvalidOperationException("WgeoFlows.sln not found above the test folder."),
            "functions", "WgeoFlows.Local", "appsettings.json");
    }

    [Fact]
    public void Every_secret_in_the_local_hosts_appsettings_is_a_development_value()
    {
        var local = new ConfigurationBuilder().AddJsonFile(LocalAppSettings()).Build();

        foreach (var key in RequiredSettings.Secrets.Concat(RequiredSettings.OptionalSecrets))
        {
            var value = local[key];
            value.ShouldNotBeNullOrWhiteSpace(customMessage: $"{key} is expected in the local host's appsettings.json");
            DevelopmentSecrets.IsDevelopmentValue(value).ShouldBeTrue(customMessage: key);
        }
    }

    [Theory]
    [InlineData("dev-anything")]
    [InlineData("  Dev-Webhook-Secret ")]
    [InlineData("sg.LOCAL-SINK")]
    public void A_development_value_is_recognised_by_its_prefix_or_by_name(string value) =>
        DevelopmentSecrets.IsDevelopmentValue(value).ShouldBeTrue();

    [Theory]
    [InlineData("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")]
    [InlineData("q0Yb8tT2rW9sKx1mZ3nV5cL7pH4jF6gD8aS0dQ2wE4rT6yU8iO0pA1sD3fG5hJ7k")]
    [InlineData("a-key-with-dev-inside")]
    public void A_generated_value_is_not_a_development_value(string value) =>
        DevelopmentSecrets.IsDevelopmentValue(value).ShouldBeFalse();
}
