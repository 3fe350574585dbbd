namespace WgeoFlows.Bench.Support;

/// <summary>Resident memory and CPU time of another process, from /proc (Linux), and finding a child process by its port argument.</summary>
public static class ProcessMemory
{
    public static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line["VmRSS:".Length..].Replace("kB", "", StringComparison.Ordinal).Trim(),
                    System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }
        throw new InvalidOperationException($"No VmRSS for process {pid}.");
    }

    /// <summary>CPU time (user + system) the process has used so far, from /proc/{pid}/stat (Linux).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        // Fields after the command name (which may hold spaces, hence the last ')'): utime and stime are the 12th and
        // 13th, in clock ticks (USER_HZ, 100 on Linux).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
            + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>The pid of the process whose command line holds both <paramref name="marker"/> and
    /// <paramref name="flag"/> <paramref name="port"/>.</summary>
    public static int FindByPort(string marker, int port, string flag = "--port")
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var at = Array.IndexOf(args, flag);
                if (at >= 0 && at + 1 < args.Length && args[at + 1] == port.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    && args.Any(a => a.Contains(marker, StringComparison.Ordinal)))
                {
                    return pid;
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        throw new InvalidOperationException($"No process '{marker}' with {flag} {port}.");
    }
}
