using WgeoFlows.Workflow.Wiring;
using WgeoFlows.WorkflowContracts;

namespace WgeoFlows.Tests.Workflow;

/// <summary>Each activity is one class with its own input and output records beside it (same folder and namespace); only a
/// record that several stages' activities return may live in WorkflowContracts, and then it is named here.</summary>
public sealed class ActivityRecordPlacementTests
{
    /// <summary>Returned by the review, requester-update, offer and follow-up activities alike.</summary>
    private static readonly Type[] Shared = [typeof(PersonLink)];

    public static TheoryData<string> Activities => new(WorkflowActivities.All.Select(a => a.Name));

    [Theory]
    [MemberData(nameof(Activities))]
    public void An_activity_s_input_and_output_records_live_beside_its_class(string activity)
    {
        var binding = WorkflowActivities.All.Single(a => a.Name == activity);

        foreach (var record in new[] { binding.InputType, binding.OutputType }.Where(t => t.Namespace?.StartsWith("WgeoFlows.", StringComparison.Ordinal) == true))
        {
            if (Shared.Contains(record)) continue;
            record.Namespace.ShouldBe(binding.ActivityType.Namespace, $"{record.Name} of {activity} belongs beside {binding.ActivityType.Name}");
        }
    }

    [Fact]
    public void A_shared_record_is_part_of_the_records_of_activities_in_more_than_one_folder()
    {
        foreach (var record in Shared)
        {
            var folders = WorkflowActivities.All.Where(a => Mentions(a.InputType, record, []) || Mentions(a.OutputType, record, []))
                .Select(a => a.ActivityType.Namespace).Distinct().ToList();

            folders.Count.ShouldBeGreaterThan(1, $"{record.Name} is used by one folder's activities only: {string.Join(", ", folders)}");
        }
    }

    /// <summary>Whether <paramref name="type"/> is <paramref name="record"/> or holds it in a property, a list or a nested record.</summary>
    private static bool Mentions(Type type, Type record, HashSet<Type> seen)
    {
        if (type == record) return true;
        if (!seen.Add(type) || (type.Namespace?.StartsWith("WgeoFlows.", StringComparison.Ordinal) != true && !type.IsGenericType)) return false;
        return type.GetGenericArguments().Any(t => Mentions(t, record, seen))
            || type.GetProperties().Any(p => Mentions(p.PropertyType, record, seen));
    }
}
