namespace WgeoFlows.Tests.Support;

/// <summary>The figures a reliability run measured (counts of answers, duplicates, retries), for the test output and for
/// TestResults/reliability-figures.txt next to the test binaries, which CI keeps and docs/testing.md quotes.</summary>
public static class Figures
{
    private static readonly Lock Writing = new();

    public static void Record(string line)
    {
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        var folder = Path.Combine(AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(folder);
        lock (Writing) File.AppendAllText(Path.Combine(folder, "reliability-figures.txt"), $"{DateTime.UtcNow:u} {line}{Environment.NewLine}");
    }
}
