using System.Reflection;
using NetArchTest.Rules;

namespace WgeoFlows.Tests.Architecture;

/// <summary>
/// The folders of Core in three tiers, checked on the compiled assembly (type references, not <c>using</c> lines):
/// foundations that any stage may use and that know no stage; the stages of a request, which never depend on each other
/// in a circle; and the composition that wires them for the hosts, which nothing else knows.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly Assembly Core = typeof(SupportRequest).Assembly;

    /// <summary>Used by every stage; they know no stage and nothing of the composition.</summary>
    private static readonly string[] Foundations =
        ["Domain", "Shared", "Localization", "Reference", "Configuration", "Storage", "Notifications", "Web", "Telemetry", "RequestIndex", "Links",
            "WorkflowContracts"];

    /// <summary>The request's stages, from the door to the admin who steers it, and what is done with the personal data they
    /// keep at the end: finding, exporting and erasing it (Privacy reads and rewrites every stage's stores).</summary>
    private static readonly string[] Stages = ["Intake", "Review", "Matching", "Impact", "LinkPages", "Workflow", "Admin", "Privacy"];

    /// <summary>The wiring the hosts call: services, routes, scheduled jobs, health, the sample data.</summary>
    private static readonly string[] Composition = ["Hosting", "Scheduling", "Health", "SampleData"];

    public static TheoryData<string> FoundationNames => new(Foundations);

    [Fact]
    public void Every_folder_of_Core_is_in_one_tier()
    {
        var folders = Core.GetTypes().Select(t => t.Namespace).OfType<string>().Where(n => n.StartsWith("WgeoFlows.", StringComparison.Ordinal))
            .Select(n => n.Split('.')[1]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        folders.Except(Foundations.Concat(Stages).Concat(Composition)).ShouldBeEmpty("a new folder of Core must be placed in a tier here");
    }

    [Theory]
    [MemberData(nameof(FoundationNames))]
    public void A_foundation_depends_on_no_stage_and_no_composition(string foundation)
    {
        var result = Types.InAssembly(Core).That().ResideInNamespace($"WgeoFlows.{foundation}")
            .Should().NotHaveDependencyOnAny([.. Stages.Concat(Composition).Select(n => $"WgeoFlows.{n}")]).GetResult();

        result.IsSuccessful.ShouldBeTrue($"{foundation} reaches into a stage: {Failing(result)}");
    }

    [Fact]
    public void A_stage_depends_on_no_composition()
    {
        var result = Types.InAssembly(Core).That().ResideInNamespaceMatching(@"^WgeoFlows\.(" + string.Join('|', Stages) + @")(\.|$)")
            .Should().NotHaveDependencyOnAny([.. Composition.Select(n => $"WgeoFlows.{n}")]).GetResult();

        result.IsSuccessful.ShouldBeTrue($"a stage reaches into the composition: {Failing(result)}");
    }

    [Fact]
    public void The_stages_depend_on_each_other_without_a_cycle()
    {
        var edges = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var from in Stages)
        {
            edges[from] = [];
            foreach (var to in Stages.Where(s => s != from))
            {
                var result = Types.InAssembly(Core).That().ResideInNamespace($"WgeoFlows.{from}")
                    .Should().NotHaveDependencyOnAny($"WgeoFlows.{to}").GetResult();
                if (!result.IsSuccessful) edges[from].Add($"{to} ({Failing(result)})");
            }
        }

        var cycle = FindCycle(edges.ToDictionary(e => e.Key, e => e.Value.Select(v => v.Split(' ')[0]).ToList()));

        cycle.ShouldBeNull(cycle is null ? "" : "the stages form a cycle: " + string.Join(" -> ", cycle)
            + Environment.NewLine + string.Join(Environment.NewLine, cycle.Zip(cycle.Skip(1))
                .Select(p => $"{p.First} -> {edges[p.First].First(e => e.StartsWith(p.Second + " ", StringComparison.Ordinal))}")));
    }

    /// <summary>A path that returns to its start, or null: a depth-first search that meets a node still on its path.</summary>
    private static List<string>? FindCycle(Dictionary<string, List<string>> edges)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        List<string>? Visit(string node)
        {
            var at = path.IndexOf(node);
            if (at >= 0) return [.. path[at..], node];
            if (!done.Add(node)) return null;
            path.Add(node);
            foreach (var next in edges[node])
            {
                if (Visit(next) is { } cycle) return cycle;
            }
            path.RemoveAt(path.Count - 1);
            return null;
        }
        return edges.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }

    private static string Failing(NetArchTest.Rules.TestResult result) =>
        string.Join(", ", (result.FailingTypes ?? []).Select(t => t.FullName).Take(8));
}
