using System.Text.Json;
using System.Text.RegularExpressions;
using WgeoFlows.Deployment.Tests.Support;

namespace WgeoFlows.Deployment.Tests;

/// <summary>azure.yaml and infra/main.parameters.json agree with the template and the code that `azd up` deploys.</summary>
public sealed partial class AzdProjectTests
{
    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_a_dotnet_function_app_service_the_template_tags()
    {
        var yaml = Repository.Read("azure.yaml");

        var service = ServiceBlock().Match(yaml);
        service.Success.ShouldBeTrue("azure.yaml declares one service");
        service.Groups["body"].Value.ShouldContain("host: function");
        service.Groups["body"].Value.ShouldContain("language: dotnet");
        var project = ProjectPath().Match(service.Groups["body"].Value).Groups["path"].Value;
        Directory.EnumerateFiles(Repository.PathOf(project), "*.csproj").ShouldHaveSingleItem().ShouldEndWith("WgeoFlows.Functions.csproj");
        // azd finds the app to deploy to by this tag.
        Repository.Read("infra", "main.bicep").ShouldContain($"'azd-service-name': '{service.Groups["name"].Value}'");
    }

    [Fact]
    public void The_parameters_file_gives_every_required_parameter_and_no_unknown_one()
    {
        var template = BicepCli.CompiledMain["parameters"]!.AsObject();
        using var file = JsonDocument.Parse(Repository.Read("infra", "main.parameters.json"));
        var given = file.RootElement.GetProperty("parameters").EnumerateObject().Select(p => p.Name).ToList();

        given.Where(name => !template.ContainsKey(name)).ShouldBeEmpty();
        template.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key).Where(name => !given.Contains(name)).ShouldBeEmpty();
    }

    [Fact]
    public void Secrets_come_from_the_azd_environment_never_from_the_parameters_file()
    {
        var template = BicepCli.CompiledMain["parameters"]!.AsObject();
        using var file = JsonDocument.Parse(Repository.Read("infra", "main.parameters.json"));

        foreach (var secure in template.Where(p => p.Value!["type"]!.GetValue<string>() == "securestring").Select(p => p.Key))
        {
            file.RootElement.GetProperty("parameters").GetProperty(secure).GetProperty("value").GetString().ShouldNotBeNull()
                .ShouldMatch(@"^\$\{[A-Z_]+\}$", customMessage: secure);
        }
    }

    [GeneratedRegex(@"^services:\s*\n\s+(?<name>[a-z0-9-]+):\s*\n(?<body>(?:\s{4,}.*\n?)+)", RegexOptions.Multiline)]
    private static partial Regex ServiceBlock();

    [GeneratedRegex(@"project:\s*(?<path>\S+)")]
    private static partial Regex ProjectPath();
}
