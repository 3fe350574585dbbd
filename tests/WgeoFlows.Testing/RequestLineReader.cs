using System.Text;

namespace WgeoFlows.Testing;

/// <summary>
/// Finds HTTP/1.1 request lines in one connection's client-to-server stream, as a <see cref="StorageRelay"/> passes it on,
/// and hands each one (with whatever body bytes preceded it since the last line break) to <paramref name="onRequestLine"/>.
/// Partial matches carry over chunks, so a request line split across two reads still counts.
/// </summary>
public sealed class RequestLineReader(Action<string> onRequestLine) : IUpstreamObserver
{
    private static readonly byte[] RequestLineEnd = Encoding.ASCII.GetBytes(" HTTP/1.1\r\n");
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
                onRequestLine(Encoding.ASCII.GetString(_line, 0, _lineLength));
                _matched = 0;
            }
            if (b == (byte)'\n') _lineLength = 0;
        }
    }
}
