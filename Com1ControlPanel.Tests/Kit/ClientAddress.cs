using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>
/// The network address an in-memory request comes from, as Kestrel would give it: tests name it in a header that the app
/// under test turns into the connection's address before anything else sees the request.
/// </summary>
public static class ClientAddress
{
    public const string Header = "X-Test-Connection-From";

    private static int last;

    /// <summary>An address in the benchmarking network (RFC 2544) that no other client of this test run has.</summary>
    public static string Unique()
    {
        var n = Interlocked.Increment(ref last);
        return $"198.18.{n / 250 % 250}.{n % 250 + 1}";
    }

    /// <summary>Sends each request from one address.</summary>
    public sealed class From(string address) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Remove(Header);
            request.Headers.Add(Header, address);
            return base.SendAsync(request, cancellationToken);
        }
    }

    /// <summary>First in the app's pipeline: the header, when present, becomes the connection's remote address.</summary>
    internal sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (context.Request.Headers.Remove(Header, out var address))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address.ToString());
                }
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
