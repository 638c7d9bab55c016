using System.Net;
using System.Net.Sockets;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>Ports on this machine for servers the tests start as processes of their own.</summary>
public static class LocalPorts
{
    /// <summary>A port nothing listens on now: the system's choice for a listener, which is closed again at once.</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
