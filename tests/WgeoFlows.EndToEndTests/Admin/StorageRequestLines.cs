using System.Collections.Concurrent;
using System.Text;
using WgeoFlows.Testing;

namespace WgeoFlows.Tests.Admin;

/// <summary>
/// A <see cref="StorageRelay"/> in front of one Azurite service that keeps the request line ("GET /devstoreaccount1/…") of
/// every request a host sends through it, unescaped: what a job that writes nothing still leaves to see — the rows it
/// reads each time it runs.
/// </summary>
public sealed class StorageRequestLines : IAsyncDisposable
{
    private static readonly byte[] RequestLineEnd = Encoding.ASCII.GetBytes(" HTTP/1.1\r\n");
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly StorageRelay _relay;

    public StorageRequestLines(int targetPort) => _relay = new StorageRelay(targetPort, observe: () => new RequestLineReader(_lines));

    public int Port => _relay.Port;

    /// <summary>How many requests so far had a request line that <paramref name="match"/> takes.</summary>
    public int Count(Func<string, bool> match) => _lines.Count(match);

    public ValueTask DisposeAsync() => _relay.DisposeAsync();

    /// <summary>One connection's request lines: the bytes since the last line break, kept until they end as a request line
    /// does. A request line split across two reads still counts.</summary>
    private sealed class RequestLineReader(ConcurrentQueue<string> lines) : IUpstreamObserver
    {
        private readonly byte[] _line = new byte[8192];
        private int _lineLength;
        private int _matched;

        public void Observe(ReadOnlySpan<byte> chunk)
        {
            foreach (var b in chunk)
            {
                _matched = b == RequestLineEnd[_matched] ? _matched + 1 : (b == RequestLineEnd[0] ? 1 : 0);
                if (_lineLength == _line.Length)
                {
                    // A long body without line breaks: keep the newer half, which holds any request line to come.
                    Array.Copy(_line, _line.Length / 2, _line, 0, _line.Length / 2);
                    _lineLength = _line.Length / 2;
                }
                _line[_lineLength++] = b;
                if (_matched == RequestLineEnd.Length)
                {
                    lines.Enqueue(Uri.UnescapeDataString(Encoding.ASCII.GetString(_line, 0, _lineLength).TrimEnd()));
                    _matched = 0;
                }
                if (b == (byte)'\n') _lineLength = 0;
            }
        }
    }
}
