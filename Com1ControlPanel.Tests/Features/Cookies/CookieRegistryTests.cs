using System.Text.RegularExpressions;
using Com1ControlPanel.Features.Cookies;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Tests.Features.Cookies;

/// <summary>Every cookie the panel's configuration and scripts name is in the one registry the cookies page is made from.</summary>
public sealed class CookieRegistryTests(PanelApp app) : IClassFixture<PanelApp>
{
    [Theory]
    [InlineData("Identity.Application")]
    [InlineData("Identity.External")]
    [InlineData("Identity.TwoFactorUserId")]
    [InlineData("Identity.TwoFactorRememberMe")]
    public void Every_sign_in_cookie_the_app_configures_is_registered(string scheme)
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(scheme);

        Assert.NotNull(CookieRegistry.Find(options.Cookie.Name!));
        Assert.True(CookieRegistry.Find(options.Cookie.Name!)!.Essential);
    }

    [Fact]
    public void The_application_cookie_is_the_registered_sign_in_cookie()
    {
        var options = app.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);

        Assert.Equal(CookieRegistry.SignIn.Name, options.Cookie.Name);
    }

    [Fact]
    public void The_antiforgery_cookie_is_registered()
    {
        var name = app.Services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!;

        Assert.Same(CookieRegistry.Antiforgery, CookieRegistry.Find(name));
    }

    [Fact]
    public void Every_cookie_the_page_script_writes_is_registered()
    {
        var script = File.ReadAllText(Path.Combine(RepositoryRoot(), "wwwroot-assets", "js", "panel.js"));
        var names = Regex.Matches(script, "document\\.cookie\\s*=\\s*\"([^=\"]+)=").Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.True(CookieRegistry.Find(name) is { Essential: true }, $"panel.js writes {name}, which is not registered"));
    }

    [Fact]
    public void Only_the_usage_statistics_cookie_needs_consent()
    {
        Assert.Equal([CookieRegistry.UsageStatistics], CookieRegistry.All.Where(c => !c.Essential));
        Assert.Equal(CookieRegistry.All.Count, CookieRegistry.All.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void A_cookie_the_registry_does_not_list_is_not_found()
    {
        Assert.Null(CookieRegistry.Find("tracking-id"));
        Assert.Null(CookieRegistry.Find("com1-usage-extra"));
        Assert.NotNull(CookieRegistry.Find(".AspNetCore.Antiforgery.Xyz123"));
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Com1ControlPanel.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("The repository root was not found above the test run.");
    }
}
