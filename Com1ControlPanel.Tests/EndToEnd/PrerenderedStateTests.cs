using System.Data.Common;
using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Com1ControlPanel.Tests.EndToEnd;

/// <summary>
/// A visit to a page reads its data once: the live page takes over what the prerendered HTML was made from, rather than
/// asking the database a second time when its connection starts.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class PrerenderedStateTests(PrerenderedStateTests.CountingApp app, DebianChromium chromium)
    : IClassFixture<PrerenderedStateTests.CountingApp>
{
    [Theory]
    [InlineData("/profile", "FROM \"ProfileChanges\"", "Your account data")]
    [InlineData("/", "JOIN \"ServiceSubscriptions\"", "Welcome")]
    public async Task A_visit_reads_the_pages_data_once(string path, string read, string heading)
    {
        var customer = await app.Customers.NewAsync("Rita Reads");
        var page = await chromium.NewPageAsync(app.BaseAddress);
        await page.SignInAsync(customer.Email);
        await page.GotoAsync("/cookies");
        app.Reads.Clear();

        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();

        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToContainTextAsync(heading);
        Assert.Equal(1, app.Reads.Count(read));
    }

    /// <summary>The app with every statement it sends to the database counted.</summary>
    public sealed class CountingApp() : PanelApp(new AppOptions
    {
        Served = true,
        Services = services => services.ConfigureDbContext<AppDbContext>(options => options.AddInterceptors(Statements)),
    })
    {
        private static readonly StatementCounter Statements = new();

        public StatementCounter Reads => Statements;
    }

    public sealed class StatementCounter : DbCommandInterceptor
    {
        private readonly List<string> seen = [];

        public void Clear()
        {
            lock (seen)
            {
                seen.Clear();
            }
        }

        public int Count(string text)
        {
            lock (seen)
            {
                return seen.Count(s => s.Contains(text, StringComparison.Ordinal));
            }
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            lock (seen)
            {
                seen.Add(command.CommandText);
            }
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
