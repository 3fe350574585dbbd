namespace WgeoFlows.Bench.Support;

/// <summary>Resident memory of another process, from /proc (Linux), and finding the local host child by its port argument.</summary>
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

    /// <summary>The pid of the process whose command line holds both <paramref name="marker"/> and "--port" <paramref name="port"/>.</summary>
    public static int FindByPort(string marker, int port)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
            try
            {
                var args = File.ReadAllText(Path.Combine(dir, "cmdline")).Split('\0');
                var at = Array.IndexOf(args, "--port");
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
        throw new InvalidOperationException($"No process '{marker}' with --port {port}.");
    }
}
