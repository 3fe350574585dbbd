namespace WgeoFlows.Testing;

/// <summary>An exclusive lock file, for work that test processes running side by side must not do at the same time.</summary>
internal sealed class CrossProcessLock : IAsyncDisposable
{
    private readonly FileStream _file;

    private CrossProcessLock(FileStream file) => _file = file;

    public static async Task<CrossProcessLock> AcquireAsync(string path, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            try
            {
                return new CrossProcessLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, cancellationToken);
            }
        }
    }

    public ValueTask DisposeAsync() => _file.DisposeAsync();
}
