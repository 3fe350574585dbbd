using System.Diagnostics;

namespace WgeoFlows.Testing;

/// <summary>
/// Waits for an observable fact — a status, a timeline entry, a mail, a row, a log line — by asking again until it holds,
/// never for a fixed time: a test waits as long as the fact takes to appear and no longer, and when it does not appear
/// within the (generous) timeout the failure names what did not happen and the last thing seen.
/// </summary>
public static class Poll
{
    /// <summary>How long to wait between two questions: short, so that a test goes on soon after the fact appears.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(200);

    /// <summary>Asks <paramref name="probe"/> until <paramref name="done"/> holds for its answer, and returns that answer.</summary>
    /// <param name="what">The fact waited for, as the failure message names it ("request X reached Matched").</param>
    /// <param name="describe">What the failure message shows of the last answer; its ToString when not given.</param>
    /// <param name="interval">Between two questions, when asking costs the host more than a small read; <see cref="Interval"/> when
    /// not given.</param>
    /// <exception cref="TimeoutException">The fact did not hold within <paramref name="timeout"/>.</exception>
    public static async Task<T> UntilAsync<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what,
        Func<T, string>? describe = null, CancellationToken cancellationToken = default, TimeSpan? interval = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var answer = await probe();
            if (done(answer)) return answer;
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Not seen within {timeout.TotalSeconds:0} s: {what}. Last seen: {describe?.Invoke(answer) ?? answer?.ToString()}");
            }
            await Task.Delay(interval ?? Interval, cancellationToken);
        }
    }

    /// <summary>Asks <paramref name="condition"/> until it is true.</summary>
    /// <exception cref="TimeoutException">It was not true within <paramref name="timeout"/>.</exception>
    public static Task UntilAsync(Func<Task<bool>> condition, TimeSpan timeout, string what, CancellationToken cancellationToken = default) =>
        UntilAsync(condition, holds => holds, timeout, what, _ => "not yet", cancellationToken);
}
