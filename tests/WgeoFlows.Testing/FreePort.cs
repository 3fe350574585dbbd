using System.Net;
using System.Net.Sockets;

namespace WgeoFlows.Testing;

/// <summary>Free TCP ports on loopback, so that parallel test runs never collide with each other or with a developer's 7071/10000.</summary>
public static class FreePort
{
    /// <summary>A port nothing listens on right now (the operating system's choice of an ephemeral port).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
