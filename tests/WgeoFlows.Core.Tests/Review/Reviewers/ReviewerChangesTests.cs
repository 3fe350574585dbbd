using System.Text.Json;
using WgeoFlows.Review.Reviewers;
using WgeoFlows.Storage.ChangeLog;

namespace WgeoFlows.Tests.Review.Reviewers;

/// <summary>A save of the reviewer list is logged as one entry per platform it changed, with that platform's reviewers before
/// and after; an unchanged platform (even written in another case or order) is not logged.</summary>
public sealed class ReviewerChangesTests
{
    private static Reviewer R(string platform, string email, string name, ReviewerRole role = ReviewerRole.Primary, int stage = 1) =>
        new(platform, stage, email, name, role);

    [Fact]
    public void Each_platform_changed_gives_one_entry_added_removed_or_changed()
    {
        Reviewer[] before =
        [
            R("cities", "lead@example.org", "Lead"),
            R("academia-youth", "amal@example.org", "أمل"),
            R("public-sector", "old@example.org", "Old"),
        ];
        Reviewer[] after =
        [
            R("cities", "LEAD@example.org", "Lead"),
            R("academia-youth", "amal@example.org", "أمل", ReviewerRole.Backup),
            R("academia-youth", "li@example.cn", "李娜"),
            R("civil-society", "zoe@example.fr", "Zoé \"<b>\""),
        ];

        var changes = ReviewerChanges.Between(before, after);

        changes.Select(c => (c.Platform, c.Action)).ShouldBe(
            [("academia-youth", ReviewerChanges.Changed), ("civil-society", ReviewerChanges.Added), ("public-sector", ReviewerChanges.Removed)]);
        var academia = changes[0];
        JsonDocument.Parse(academia.Before!).RootElement.GetArrayLength().ShouldBe(1);
        var afterAcademia = JsonDocument.Parse(academia.After!).RootElement;
        afterAcademia.EnumerateArray().Select(r => (r.GetProperty("email").GetString(), r.GetProperty("role").GetString()))
            .ShouldBe([("li@example.cn", "primary"), ("amal@example.org", "backup")]);
        changes[1].Before.ShouldBeNull();
        JsonDocument.Parse(changes[1].After!).RootElement[0].GetProperty("name").GetString().ShouldBe("Zoé \"<b>\"");
        changes[2].After.ShouldBeNull();

        var entry = ReviewerChanges.ToEntry(changes[1], "admin@example.org", DateTimeOffset.UnixEpoch);
        (entry.Subject, entry.SubjectId, entry.Action, entry.Actor).ShouldBe((ChangeSubjects.Reviewers, "civil-society", "added", "admin@example.org"));
    }

    [Fact]
    public void Saving_the_same_list_in_another_order_changes_nothing()
    {
        Reviewer[] list = [R("cities", "a@example.org", "A"), R("cities", "b@example.org", "B", ReviewerRole.Backup)];
        ReviewerChanges.Between(list, [.. list.Reverse()]).ShouldBeEmpty();
    }
}
