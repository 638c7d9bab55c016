using System.Net;
using System.Text.RegularExpressions;
using Com1ControlPanel.Data;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Com1ControlPanel.Tests.Features.Support;

/// <summary>
/// The whole app (demo data seeded) on a fake clock, optionally with the two-factor rule for agents switched off as in
/// Development, and the HTTP steps of a support session as a browser takes them.
/// </summary>
public sealed partial class SupportApp : IDisposable
{
    private readonly PanelAppFactory inner = new();

    /// <param name="revalidateEveryRequest">Check the security stamp on every request, rebuilding the principal each time.</param>
    /// <param name="services">More test services, e.g. a startup filter for an endpoint only a test needs.</param>
    public SupportApp(bool requireTwoFactor = false, bool revalidateEveryRequest = false, Action<IServiceCollection>? services = null)
    {
        App = inner.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Support:RequireTwoFactor", requireTwoFactor ? "true" : "false");
            builder.ConfigureTestServices(testServices =>
            {
                testServices.AddSingleton<TimeProvider>(Clock);
                if (revalidateEveryRequest)
                {
                    testServices.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero);
                }
                services?.Invoke(testServices);
            });
        });
    }

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public WebApplicationFactory<Program> App { get; }

    public AppDbContext CreateDbContext() => App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    public HttpClient Client(bool handleCookies = true) =>
        App.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = handleCookies, BaseAddress = App.ClientOptions.BaseAddress,
        });

    public async Task<string> UserIdAsync(string email)
    {
        await using var db = CreateDbContext();
        return await db.Users.Where(u => u.NormalizedEmail == email.ToUpperInvariant()).Select(u => u.Id).SingleAsync();
    }

    public static async Task<HttpClient> SignedInAsync(HttpClient client, string email, string password)
    {
        using var response = await FormPost.SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }

    /// <summary>Posts the start form as the console does, with the antiforgery token of the signed-in user.</summary>
    public static async Task<HttpResponseMessage> StartAsync(HttpClient client, string customerId, string reason = "CustomerInitiated",
        string ticket = "T-100", string note = "Help with the phone number", string minutes = "15") =>
        await PostAsync(client, "/support/sessions/start", new()
        {
            ["customerId"] = customerId, ["reason"] = reason, ["ticket"] = ticket, ["note"] = note, ["minutes"] = minutes,
        });

    /// <summary>Posts to <paramref name="path"/> with a token taken from the dashboard, as any form in the panel would.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        using var page = await client.GetAsync("/");
        var html = await page.Content.ReadAsStringAsync();
        var token = Token().Match(html);
        Assert.True(token.Success, "The dashboard has no antiforgery token.");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(path, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();

    public void Dispose() => inner.Dispose();
}
