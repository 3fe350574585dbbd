using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WgeoFlows.Testing;

/// <summary>What a child process printed, kept for error messages, and a graceful stop (SIGTERM, then kill).</summary>
internal sealed class ChildProcessOutput
{
    private readonly ConcurrentQueue<string> _lines = new();

    public event Action<string>? LineReceived;

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string Text => string.Join(Environment.NewLine, _lines);

    public int LineCount => _lines.Count;

    /// <summary>The lines printed after the first <paramref name="mark"/> ones (a mark taken from <see cref="LineCount"/>).</summary>
    public IReadOnlyList<string> LinesSince(int mark) => _lines.Skip(mark).ToList();

    private void Add(string? line)
    {
        if (line is null) return;
        _lines.Enqueue(line);
        LineReceived?.Invoke(line);
    }

    /// <summary>SIGTERM lets Azurite flush its data files and the host release its leases; a hard kill follows after <paramref name="grace"/>.</summary>
    public static async Task StopGracefullyAsync(Process process, TimeSpan grace)
    {
        if (process.HasExited) return;
        if (OperatingSystem.IsWindows() || Kill(process.Id, SigTerm) != 0)
        {
            process.Kill(entireProcessTree: true);
        }
        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private const int SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
