using System.Globalization;

namespace WgeoFlows.Bench.Support;

/// <summary>Prints a Markdown table, each figure beside its baseline from the same run, and the machine it ran on.</summary>
public static class Report
{
    public static void Machine()
    {
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024 * 1024 * 1024.0):F0} GiB, " +
            $"{System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {LoadAverage()}");
    }

    public static void Table(string title, string[] header, IEnumerable<string[]> rows)
    {
        Console.WriteLine();
        Console.WriteLine($"## {title}");
        Console.WriteLine("| " + string.Join(" | ", header) + " |");
        Console.WriteLine("|" + string.Concat(header.Select(_ => " --- |")));
        foreach (var row in rows) Console.WriteLine("| " + string.Join(" | ", row) + " |");
    }

    public static string Ms(double value) => value.ToString(value < 10 ? "F2" : "F1", CultureInfo.InvariantCulture) + " ms";
    public static string Bytes(long value) => value < 1024 * 1024
        ? (value / 1024.0).ToString("F1", CultureInfo.InvariantCulture) + " KiB"
        : (value / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture) + " MiB";
    public static string Ratio(double value) => value.ToString("F2", CultureInfo.InvariantCulture) + "×";
    public static string Number(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string LoadAverage()
    {
        try
        {
            return File.ReadAllText("/proc/loadavg").Split(' ')[0];
        }
        catch (IOException)
        {
            return "n/a";
        }
    }
}
