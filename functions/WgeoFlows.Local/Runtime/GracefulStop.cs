using System.Diagnostics;
using System.Runtime.InteropServices;

namespace WgeoFlows.Local.Runtime;

/// <summary>
/// Stops a child process the way Ctrl+C would: SIGTERM first, so that Azurite flushes its data files,
/// and a hard kill only if it does not exit in time. (<see cref="Process.Kill()"/> alone is SIGKILL.)
/// </summary>
public static class GracefulStop
{
    private const int SigTerm = 15;

    public static async Task StopAsync(Process process, TimeSpan grace)
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

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
