using System.Text.RegularExpressions;

namespace WgeoFlows.Tests.Architecture;

/// <summary>
/// The conventions <c>dotnet format</c> cannot check: the line length of <c>.editorconfig</c>, and documentation that stands
/// on its own (no link out of the repository, no issue numbers a reader outside cannot follow).
/// </summary>
public sealed partial class ConventionsTests
{
    /// <summary>The <c>max_line_length</c> of .editorconfig's [*.cs] section.</summary>
    private const int MaxLineLength = 180;

    private static readonly Lazy<string> Root = new(() =>
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WgeoFlows.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("WgeoFlows.sln not found above the test folder.");
    });

    [Fact]
    public void The_editorconfig_states_the_line_length_this_test_keeps()
    {
        File.ReadAllText(Path.Combine(Root.Value, ".editorconfig")).ShouldContain($"max_line_length = {MaxLineLength}");
    }

    [Fact]
    public void No_line_of_CSharp_is_longer_than_the_editorconfig_allows()
    {
        var longLines = SourceFiles("*.cs")
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line: i + 1, length: line.Length)))
            .Where(l => l.length > MaxLineLength)
            .Select(l => $"{Path.GetRelativePath(Root.Value, l.file)}:{l.line} ({l.length})")
            .ToList();

        longLines.ShouldBeEmpty();
    }

    [Fact]
    public void Docs_and_comments_name_no_issue_numbers_and_link_nowhere_outside_the_repository()
    {
        var found = SourceFiles("*.cs").Concat(SourceFiles("*.md"))
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line: i + 1, text: line)))
            // The test host's fallback folder beside the repository is a path the code looks for, not a link to read.
            .Where(l => IssueNumber().IsMatch(l.text)
                || (l.file.EndsWith(".md", StringComparison.Ordinal) && l.text.Contains("](../shared", StringComparison.Ordinal)))
            .Select(l => $"{Path.GetRelativePath(Root.Value, l.file)}:{l.line}: {l.text.Trim()}")
            .ToList();

        found.ShouldBeEmpty();
    }

    /// <summary>The repository's own files: build outputs, packages and test results left out.</summary>
    private static IEnumerable<string> SourceFiles(string pattern) =>
        Directory.EnumerateFiles(Root.Value, pattern, SearchOption.AllDirectories).Where(f =>
        {
            var relative = Path.GetRelativePath(Root.Value, f).Replace('\\', '/');
            return !relative.Split('/').Any(part => part is "bin" or "obj" or "node_modules" or "artifacts" or "TestResults" or ".azurite"
                or ".git" or ".bicep");
        });

    [GeneratedRegex(@"\b[Ii]ssues? #?\d+\b")]
    private static partial Regex IssueNumber();
}
