using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace WgeoFlows.Local.Runtime;

/// <summary>
/// The loopback address of the in-process sidecar and the gRPC channel to it. It is fixed while services are
/// registered, because the worker and client are built with the channel; the channel connects on first use.
/// </summary>
public sealed class SidecarEndpoint
{
    public SidecarEndpoint(int port)
    {
        Port = port != 0 ? port : FreeLoopbackPort();
        Channel = GrpcChannel.ForAddress($"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}");
    }

    public int Port { get; }
    public GrpcChannel Channel { get; }
    public WorkerConnection WorkerConnection { get; } = new();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
