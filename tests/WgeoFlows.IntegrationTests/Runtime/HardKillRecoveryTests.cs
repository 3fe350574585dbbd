using System.Net;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Runtime;

public sealed class HardKillRecoveryTests
{
    [Fact]
    public async Task Host_restarted_after_a_hard_kill_comes_back_and_still_has_its_mail()
    {
        await using var storage = await AzuriteInstance.StartAsync(TestContext.Current.CancellationToken);
        await using var host = await LocalHostProcess.StartAsync(storage, cancellationToken: TestContext.Current.CancellationToken);
        (await DevMailClient.SendAsync(host, "partner@example.org", "Before the crash", "kept")).StatusCode.ShouldBe(HttpStatusCode.Accepted);

        await host.KillHardAsync();
        host.IsRunning.ShouldBeFalse();
        await host.RestartAsync(TestContext.Current.CancellationToken);

        host.IsRunning.ShouldBeTrue();
        (await DevMailClient.ListAsync(host)).ShouldContain(m => m.Subject == "Before the crash" && m.Text == "kept");
        TestContext.Current.SendDiagnosticMessage($"restart after kill -9 until ready: {host.LastStartDuration.TotalSeconds:F1} s");
    }
}
