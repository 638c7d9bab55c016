using System.Text.Json;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Features.Disclosures.Log;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;

namespace Com1ControlPanel.Tests.Features.Disclosures.Compliance;

/// <summary>
/// A compliance officer records a court order for a customer (with three disclosures in her log already) in the browser;
/// she sees it, downloads and verifies her log; then someone with access to the database file rewrites that entry, and
/// her page names exactly that entry. The app is served for this test alone: the rewrite removes the database's guard
/// that keeps every log's entries permanent.
/// </summary>
[Collection(EndToEndCollection.Name)]
[Trait("Category", "EndToEnd")]
public sealed class LegalProcessJourneyTests(DebianChromium chromium) : IAsyncLifetime
{
    private readonly PanelApp app = PanelApp.With(new AppOptions { Served = true });
    private readonly List<IPage> pages = [];

    private async Task<IPage> NewPageAsync()
    {
        var page = await chromium.NewPageAsync(app.BaseAddress);
        pages.Add(page);
        return page;
    }

    [Fact]
    public async Task A_court_order_recorded_by_compliance_reaches_the_customers_log_verifies_and_a_rewritten_row_is_named()
    {
        var recipient = $"Court of Appeal, case {Guid.NewGuid():N}"[..30];
        var handedOver = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");
        var customer = await app.Customers.NewAsync("Lorna Legalcase");
        await app.Disclosures.RecordManyAsync(customer.Id, 3);
        var staff = await app.Staff.NewAsync(Roles.ComplianceOfficer);

        // Compliance records the court order for her, found by her name.
        var officer = await NewPageAsync();
        await officer.SignInAsync(staff.Email);
        await officer.GotoAsync("/compliance/disclosures");
        await officer.WaitForInteractiveAsync();
        await officer.FillAsync("#customer-search", "Legalcase");
        await officer.GetByRole(AriaRole.Option, new() { Name = customer.FullName }).ClickAsync();
        await officer.FillAsync("#recipient-name", recipient);
        await officer.ClickAsync("#recipient-category");
        await officer.GetByRole(AriaRole.Option, new() { Name = "Court or other legal process" }).ClickAsync();
        await officer.ClickAsync("#data-categories");
        await officer.GetByRole(AriaRole.Option, new() { Name = "Name", Exact = true }).ClickAsync();
        await officer.GetByRole(AriaRole.Option, new() { Name = "Customer logs" }).ClickAsync();
        await RegisterActions.CloseListAsync(officer);
        await officer.ClickAsync("#ground");
        await officer.GetByRole(AriaRole.Option, new() { Name = "Required by law or legal process" }).ClickAsync();
        await officer.FillAsync("#description", "Your name and sign-in logs, produced as a court order required.");
        await officer.FillAsync("#reference", "Order CA-2026-0099");
        await officer.FillAsync("#occurred-date", handedOver);
        await RegisterActions.CloseListAsync(officer);
        await officer.CheckAsync("#notice-NotifyNow");
        await Assertions.Expect(officer.Locator("#reach-count")).ToHaveTextAsync("1 customer");
        await officer.ClickAsync("#disclosure-review");
        // The review counts the reach again on the server before the dialog opens: on a busy machine that outlasts the
        // default five seconds, so this one step waits longer.
        await Assertions.Expect(officer.Locator("#confirm-reach")).ToHaveTextAsync("1 customer", new() { Timeout = 20_000 });
        await officer.ClickAsync("#disclosure-confirm");
        await Assertions.Expect(officer.Locator("[data-status=Recorded]", new() { HasText = recipient })).ToBeVisibleAsync();

        // She sees it as the newest entry of her log and is told by email.
        var herPage = await NewPageAsync();
        await herPage.SignInAsync(customer.Email);
        await herPage.GotoAsync("/disclosures");
        await herPage.WaitForInteractiveAsync();
        await Assertions.Expect(herPage.Locator("#entry-4")).ToContainTextAsync(recipient);
        await Assertions.Expect(herPage.Locator("#entry-4")).ToContainTextAsync("Required by law or legal process");
        await WaitForEmailAboutAsync(customer, recipient);

        // Her download holds the entry with hashes anyone can recompute.
        var download = await herPage.RunAndWaitForDownloadAsync(() => herPage.ClickAsync("#export-json"));
        using var export = JsonDocument.Parse(await File.ReadAllTextAsync((await download.PathAsync())!));
        var entries = export.RootElement.GetProperty("entries").EnumerateArray().Select(Fields).ToList();
        var court = Assert.Single(entries, e => e["recipient"] == recipient);
        Assert.Equal(("4", "CourtOrLegalProcess", "LegalRequirement"), (court["sequence"], court["recipientCategory"], court["ground"]));
        Assert.Equal(court["hash"], LogTestData.OfflineHash(court));
        Assert.Equal(court["hash"], export.RootElement.GetProperty("headHash").GetString());

        await herPage.ClickAsync("#verify-log");
        await Assertions.Expect(herPage.Locator("#verification-result")).ToContainTextAsync("Verified 4 entries.");
        await Assertions.Expect(herPage.Locator("#verification-head")).ToHaveTextAsync(court["hash"]);

        // Someone with the database file makes the entry say it was a different disclosure.
        await RewriteEntryAsync(customer.Id, sequence: 4);

        await herPage.ClickAsync("#verify-log");
        await Assertions.Expect(herPage.Locator("#verification-result")).ToContainTextAsync("This log no longer matches what was recorded.");
        await Assertions.Expect(herPage.Locator("#verification-entry")).ToContainTextAsync("Entry #4");
        await Assertions.Expect(herPage.Locator("#verification-problem")).ToHaveTextAsync(
            "Entry #4 no longer matches what was recorded: its content (recipient, reason, data, description, reference, dates or notice) "
            + "was changed after it was written. The 3 entries before it verified.");
    }

    private static Dictionary<string, string> Fields(JsonElement entry) =>
        entry.EnumerateObject().ToDictionary(p => p.Name,
            p => p.Value.ValueKind == JsonValueKind.Number ? p.Value.GetRawText() : p.Value.GetString() ?? "");

    /// <summary>As an attacker with the SQLite file would: drop the trigger that keeps entries permanent, then update the row.</summary>
    private async Task RewriteEntryAsync(string customerId, int sequence)
    {
        await using var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            DROP TRIGGER DisclosureEntries_NoUpdate;
            UPDATE DisclosureEntries
            SET DisclosureId = (SELECT DisclosureId FROM DisclosureEntries WHERE CustomerId = $customer AND Sequence = 2)
            WHERE CustomerId = $customer AND Sequence = $sequence;
            """;
        command.Parameters.AddWithValue("$customer", customerId);
        command.Parameters.AddWithValue("$sequence", sequence);
        Assert.Equal(1, await command.ExecuteNonQueryAsync());
    }

    private async Task WaitForEmailAboutAsync(TestCustomer customer, string recipient)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!app.Mailbox.MessagesTo(customer.Email, "Com 1 shared some of your data")
                   .Any(m => m.TextBody?.Contains(recipient, StringComparison.Ordinal) == true))
        {
            Assert.True(DateTime.UtcNow < deadline, "The customer was not told by email.");
            await Task.Delay(200);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // The browser is shared: pages left connected to a server that is gone would keep reconnecting into later tests.
    public async Task DisposeAsync()
    {
        foreach (var page in pages)
        {
            await page.Context.CloseAsync();
        }
        app.Dispose();
    }
}
