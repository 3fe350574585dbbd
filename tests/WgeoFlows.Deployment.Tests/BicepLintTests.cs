using WgeoFlows.Deployment.Tests.Support;

namespace WgeoFlows.Deployment.Tests;

/// <summary>The same gate as `./wgeo bicep`, so that `dotnet test` alone also fails on a Bicep error or warning.</summary>
public sealed class BicepLintTests
{
    public static TheoryData<string> BicepFiles() =>
        new(Directory.EnumerateFiles(Repository.PathOf("infra"), "*.bicep", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Repository.Root, path)).Order());

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public void Every_bicep_file_lints_without_a_single_diagnostic(string file)
    {
        var (exit, output, errors) = BicepCli.Run("lint", Repository.PathOf(file));

        (output + errors).Trim().ShouldBeEmpty();
        exit.ShouldBe(0);
    }
}
