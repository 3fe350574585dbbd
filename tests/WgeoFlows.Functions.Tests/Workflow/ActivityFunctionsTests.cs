using System.Reflection;
using WgeoFlows.Workflow.Wiring;

namespace WgeoFlows.Tests.Workflow;

/// <summary>
/// The Functions SDK needs one [Function] per activity with its name and trigger type written out; the workflow's map
/// (<see cref="WorkflowActivities"/>) states them once. These tests read the built Functions assembly and fail when its activity
/// functions and the map disagree on a name, an input type or an output type, or when either has an activity the other lacks.
/// </summary>
public sealed class ActivityFunctionsTests
{
    private sealed record Signature(string Name, Type Input, Type Output);

    private static string FunctionsAssemblyPath
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}")
                ? "Release" : "Debug";
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WgeoFlows.sln"))) dir = dir.Parent;
            if (dir is null) throw new InvalidOperationException("WgeoFlows.sln not found above the test folder.");
            return Path.Combine(dir.FullName, "functions", "WgeoFlows.Functions", "bin", configuration, "net10.0", "WgeoFlows.Functions.dll");
        }
    }

    // Read through CustomAttributeData so that the Functions SDK's attribute types need not be loadable here by name.
    private static List<Signature> ActivityFunctions()
    {
        var assembly = Assembly.LoadFrom(FunctionsAssemblyPath);
        var found = new List<Signature>();
        foreach (var method in assembly.GetTypes().SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)))
        {
            var function = method.CustomAttributes.SingleOrDefault(a => a.AttributeType.Name == "FunctionAttribute");
            var trigger = method.GetParameters().SingleOrDefault(p => p.CustomAttributes.Any(a => a.AttributeType.Name == "ActivityTriggerAttribute"));
            if (function is null || trigger is null) continue;
            method.ReturnType.GetGenericTypeDefinition().ShouldBe(typeof(Task<>), $"{method.Name} should return a Task of its output");
            found.Add(new Signature((string)function.ConstructorArguments[0].Value!, trigger.ParameterType, method.ReturnType.GetGenericArguments()[0]));
        }
        return found;
    }

    private static List<Signature> Registered() =>
        [.. WorkflowActivities.All.Select(a => new Signature(a.Name, a.InputType, a.OutputType))];

    [Fact]
    public void Every_activity_of_the_map_has_one_function_with_its_name_input_and_output()
    {
        var functions = ActivityFunctions();
        functions.Select(f => f.Name).ShouldBeUnique();
        foreach (var registered in Registered())
        {
            functions.ShouldContain(registered, $"no activity function matches {registered}");
        }
    }

    [Fact]
    public void No_activity_function_exists_that_the_map_does_not_list()
    {
        var registered = Registered();
        foreach (var function in ActivityFunctions())
        {
            registered.ShouldContain(function, $"{function} is not in WorkflowActivities");
        }
    }
}
