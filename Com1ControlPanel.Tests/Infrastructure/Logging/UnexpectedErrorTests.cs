using System.Net;
using Com1ControlPanel.Infrastructure.Logging;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace Com1ControlPanel.Tests.Infrastructure.Logging;

public sealed class UnexpectedErrorTests
{
    private const string FailingPath = "/test-only/fails";

    [Fact]
    public async Task An_unexpected_error_shows_the_friendly_page_with_the_requests_reference_and_no_details()
    {
        // The app plus one address that fails the way a bug would, behind all of the app's own middleware.
        using var app = PanelApp.With(AppOptions.Default.WithServices(s => s.AddSingleton<IStartupFilter, FailingAddress>()));
        using var client = app.Client();
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
