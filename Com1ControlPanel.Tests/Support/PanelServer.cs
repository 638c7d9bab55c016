using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Support;

/// <summary>The app on real Kestrel at 127.0.0.1 on a free port, so a real browser can reach it.</summary>
public sealed class PanelServer : IDisposable
{
    public PanelServer()
    {
        // The port is chosen before the app starts, so the panel knows its public address for the links it mails.
        var port = FreePort();
        App = new PanelAppFactory { Settings = { ["Panel:PublicBaseUrl"] = $"http://127.0.0.1:{port}/" } };
        App.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        App.StartServer();
        var addresses = App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        BaseAddress = new Uri(addresses.Addresses.First());
    }

    public PanelAppFactory App { get; }

    /// <summary>http://127.0.0.1:port/</summary>
    public Uri BaseAddress { get; }

    public Uri Url(string relative) => new(BaseAddress, relative);

    public void Dispose() => App.Dispose();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
