using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Kit;

/// <summary>Debian's Chromium, headless, driven by Playwright; never a downloaded browser build.</summary>
public sealed class DebianChromium : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>
    /// How long an action or expectation waits, in milliseconds. CI runs the browser tests beside the other collections on
    /// two cores, where a live page once took over 15 seconds to follow a link; waiting longer changes no verdict on what a
    /// page shows, only how long a real failure takes to report.
    /// </summary>
    private const int Patience = 30_000;

    /// <summary>The profiles the running browser test opened, closed when it ends (<see cref="ClosesBrowserPagesAttribute"/>).</summary>
    private static readonly List<IBrowserContext> Opened = [];

    private IPlaywright? playwright;
    private IBrowser? browser;

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium package.");
        }
        playwright = await Playwright.CreateAsync();
        // As long as an action may wait (below): on a busy machine a live page can take seconds to answer a click, and an
        // expectation that gives up first fails on timing, not on what the page shows.
        Assertions.SetDefaultExpectTimeout(Patience);
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Without the networking flags Chromium keeps trying to reach the internet.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>
    /// A fresh browser profile (no cookies) whose relative URLs resolve against <paramref name="baseAddress"/>; in the
    /// light or dark <paramref name="theme"/> when given (as the theme switch leaves it), in a window
    /// <paramref name="width"/> pixels wide when given, in the IANA <paramref name="timeZone"/> when given (else the machine's).
    /// </summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress, string? theme = null, int? width = null, string? timeZone = null)
    {
        var context = await browser!.NewContextAsync(new BrowserNewContextOptions { BaseURL = baseAddress.ToString(), TimezoneId = timeZone });
        lock (Opened)
        {
            Opened.Add(context);
        }
        context.SetDefaultTimeout(Patience);
        if (theme is not null)
        {
            await context.AddCookiesAsync([new Cookie { Name = "com1-theme", Value = theme, Url = baseAddress.ToString() }]);
        }
        var page = await context.NewPageAsync();
        if (width is { } pixels)
        {
            await page.SetViewportSizeAsync(pixels, 900);
        }
        return page;
    }

    /// <summary>
    /// Closes every profile opened since the last call, with its pages and their live connections. Browser tests run one
    /// at a time (one collection), so these are the ending test's; left open, hundreds of them would weigh on the browser
    /// and on the apps that keep their circuits for the rest of the run.
    /// </summary>
    internal static async Task CloseOpenedAsync()
    {
        IBrowserContext[] contexts;
        lock (Opened)
        {
            contexts = [.. Opened];
            Opened.Clear();
        }
        foreach (var context in contexts)
        {
            try
            {
                // Pages first, without their beforeunload handlers: closing the profile of a page whose "Leave site?"
                // question was just dismissed takes the whole browser down.
                foreach (var page in context.Pages.ToList())
                {
                    await page.CloseAsync(new PageCloseOptions { RunBeforeUnload = false });
                }
                await context.CloseAsync();
            }
            catch (PlaywrightException)
            {
                // Already closed, by the test or with the browser.
            }
        }
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
    }
}
