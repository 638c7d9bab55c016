using System.Net;
using Com1ControlPanel.Infrastructure.Logging;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Infrastructure.Logging;

public sealed class UnexpectedErrorTests(PanelAppFactory app) : IClassFixture<PanelAppFactory>
{
    private const string FailingPath = "/test-only/fails";

    /// <summary>The app plus one address that fails the way a bug would, behind all of the app's own middleware.</summary>
    private HttpClient ClientWithAFailingAddress() => app.WithWebHostBuilder(builder =>
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, FailingAddress>())).CreateClient();

    [Fact]
    public async Task An_unexpected_error_shows_the_friendly_page_with_the_requests_reference_and_no_details()
    {
        using var client = ClientWithAFailingAddress();
        using var request = new HttpRequestMessage(HttpMethod.Get, FailingPath);
        request.Headers.Add(CorrelationId.Header, "support-case-4711");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Something went wrong", html);
        Assert.Contains("support-case-4711", html);
        Assert.DoesNotContain("secret detail", html);
        Assert.DoesNotContain("InvalidOperationException", html);
    }

    private sealed class FailingAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            next(builder);
            builder.Run(context => context.Request.Path == FailingPath
                ? throw new InvalidOperationException("secret detail")
                : Task.CompletedTask);
        };
    }
}
