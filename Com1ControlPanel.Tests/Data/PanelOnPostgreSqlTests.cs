using System.Net;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Profile;

namespace Com1ControlPanel.Tests.Data;

/// <summary>
/// The whole app on PostgreSQL (Database:Provider = PostgreSQL): it starts, reports itself healthy, seeds its demo data, and
/// a customer signs in through the sign-in form and changes her account data, which her next page shows and her account
/// history records, while nobody else's data moves.
/// </summary>
[Trait("Category", "PostgreSQL")]
public sealed class PanelOnPostgreSqlTests(PanelOnPostgreSqlTests.App app) : IClassFixture<PanelOnPostgreSqlTests.App>
{
    public sealed class App() : PanelApp(AppOptions.Default with { Provider = DatabaseProvider.PostgreSQL });

    [Fact]
    public async Task The_app_starts_on_PostgreSQL_and_is_healthy_with_its_demo_accounts()
    {
        using var response = await app.Client().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", app.CreateDbContext().Database.ProviderName);
        await using var db = app.CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.Email == "alice@example.com"));
        // The demo customer signs in with the demo password, as on SQLite.
        await app.Client().SignedInAsync("alice@example.com", "Demo-Pass-2026!");
    }

    [Fact]
    public async Task A_customer_signs_in_and_changes_her_account_data()
    {
        var customer = await app.Customers.NewAsync("Petra Postgres");
        var other = await app.Customers.NewAsync("Otto Other");
        var browser = await app.Client().SignedInAsync(customer.Email);

        var service = app.As(customer.Principal).Get<ProfileService>();
        var form = (await service.GetAsync()).Form;
        form.City = "Oakland";
        form.Phone = "(415) 555-0199";
        Assert.IsType<ProfileSaveResult.Saved>(await service.SaveAsync(form));

        using var page = await browser.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Oakland", await page.Content.ReadAsStringAsync());
        await using var db = app.CreateDbContext();
        var saved = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customer.Id);
        Assert.Equal(("Oakland", "+14155550199"), (saved.City, saved.Phone));
        Assert.Equal(2, await db.ProfileChanges.CountAsync(c => c.CustomerId == customer.Id && c.ActorUserId == customer.Id));
        Assert.True(await db.SignInRecords.AnyAsync(r => r.UserId == customer.Id && r.Succeeded));
        Assert.Equal("San Francisco", await db.Customers.Where(c => c.Id == other.Id).Select(c => c.City).SingleAsync());
        Assert.False(await db.ProfileChanges.AnyAsync(c => c.CustomerId == other.Id));
    }
}
