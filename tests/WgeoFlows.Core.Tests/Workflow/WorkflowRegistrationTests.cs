using System.Reflection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using WgeoFlows.Hosting;
using WgeoFlows.Workflow;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Workflow;

public sealed class WorkflowRegistrationTests
{
    private static IEnumerable<string> DeclaredActivityNames() =>
        typeof(WorkflowNames.Activities).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    [Fact]
    public void Every_declared_activity_name_has_exactly_one_implementation()
    {
        var registered = WorkflowRegistration.Activities.Select(a => a.Name).ToList();
        registered.ShouldBeUnique();
        registered.Order().ShouldBe(DeclaredActivityNames().Order());
    }

    [Fact]
    public void Every_activity_class_can_be_built_from_the_core_services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:ConnectionString"] = "UseDevelopmentStorage=true",
        }).Build();
        using var provider = new ServiceCollection().AddLogging().AddWgeoFlowsCore(configuration)
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        foreach (var activity in WorkflowRegistration.Activities)
        {
            provider.GetRequiredService(activity.ActivityType).ShouldNotBeNull();
        }
    }
}
