using System.Diagnostics;
using System.Net;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Billing.Gateway;
using Com1ControlPanel.Features.Billing.Gateway.Embedded;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>
/// The proof that card numbers never reach the panel: every card flow runs against an app that logs at Debug to files,
/// then scripts/scan-card-data.sh searches its database (and WAL), logs, outbox and .eml files for the numbers typed,
/// with and without spaces, and for the security codes. It must find none.
/// </summary>
public sealed class CardDataScanTests : IDisposable
{
    private readonly string logs = Path.Combine(Path.GetTempPath(), "com1-tests", $"card-logs-{Guid.NewGuid():N}");
    private readonly PanelApp app;
    private readonly string root;

    public CardDataScanTests()
    {
        // Everything the app and the framework say, so a number that slipped into any log line would be found.
        app = PanelApp.With(AppOptions.Default
            .With("Logging:File:Path", Path.Combine(logs, "com1-.log"))
            .With("Serilog:MinimumLevel:Default", "Debug")
            .With("Serilog:MinimumLevel:Override:Microsoft", "Debug")
            .With("Serilog:MinimumLevel:Override:Microsoft.AspNetCore", "Debug")
            .With("Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore", "Debug")
            .With("Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime", "Debug")
            .With("Serilog:MinimumLevel:Override:System", "Debug"));
        root = Path.GetDirectoryName(app.DatabasePath)!;
    }

    [Fact]
    public async Task After_every_card_flow_no_card_number_or_security_code_is_in_the_database_logs_outbox_or_mail()
    {
        var customer = await app.Customers.NewAsync("Scan Tester");
        var email = customer.Email;
        var client = await app.Client().SignedInAsync(email);
        var cards = app.Services.GetRequiredService<CardOnFile>();
        var actor = new Actor(customer.Id, "Scan Tester", ChangeSource.Customer);

        // Refused at the gateway's form: declined, wrong check digit, expired, wrong code. Nothing reaches the panel.
        Assert.Null(await TypeAsync(client, customer.Id, "4000 0000 0000 0002", "08/29", "919"));
        Assert.Null(await TypeAsync(client, customer.Id, "4242424242424241", "08/29", "919"));
        Assert.Null(await TypeAsync(client, customer.Id, "4242-4242-4242-4242", "01/20", "919"));
        Assert.Null(await TypeAsync(client, customer.Id, "5555 5555 5555 4444", "08/29", "81"));
        // Added, replaced (twice), a replayed and a forged token, removed.
        var visa = (await TypeAsync(client, customer.Id, "4242 4242 4242 4242", "08/29", "919"))!;
        Assert.IsType<CardChangeResult.Saved>(await cards.SaveFromGatewayAsync(customer.Id, actor, visa));
        var mastercard = (await TypeAsync(client, customer.Id, "5555555555554444", "03/30", "818"))!;
        Assert.IsType<CardChangeResult.Saved>(await cards.SaveFromGatewayAsync(customer.Id, actor, mastercard));
        var amex = (await TypeAsync(client, customer.Id, "3782 822463 10005", "05/31", "7337"))!;
        Assert.IsType<CardChangeResult.Saved>(await cards.SaveFromGatewayAsync(customer.Id, actor, amex));
        Assert.IsType<CardChangeResult.AlreadySaved>(await cards.SaveFromGatewayAsync(customer.Id, actor, visa));
        Assert.IsType<CardChangeResult.Refused>(await cards.SaveFromGatewayAsync(customer.Id, actor, "4242424242424242"));
        Assert.IsType<CardChangeResult.Removed>(await cards.RemoveAsync(customer.Id, actor));
        await app.Mailbox.WaitForAsync(email, "Your payment card was removed");
        await AssertOutboxDeliveredAsync(customer.Id);

        var (exitCode, output) = await ScanAsync(root, logs);

        Assert.True(exitCode == 0, output);
        Assert.Contains("No card numbers or security codes", output);
        Assert.True(Directory.GetFiles(logs).Length > 0, "The app wrote no log file to scan.");
        Assert.Equal(4, app.Mailbox.Messages().Count(m => m.Subject?.Contains("payment card", StringComparison.OrdinalIgnoreCase) == true));
    }

    [Fact]
    public async Task The_scan_finds_a_card_number_wherever_it_is_written_in_any_form()
    {
        var folder = Path.Combine(Path.GetTempPath(), "com1-tests", $"scan-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        try
        {
            foreach (var planted in new[] { "4242424242424242", "5555 5555 5555 4444", "4000-0000-0000-0002", "code=7337&" })
            {
                await File.WriteAllTextAsync(Path.Combine(folder, "com1-20261130.log"), $"Request body: {planted}\n");
                var (exitCode, output) = await ScanAsync(folder);
                Assert.True(exitCode == 1, $"{planted} was not found: {output}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Types a card into the embedded gateway's form over HTTP; the token when the gateway took it.</summary>
    private async Task<string?> TypeAsync(HttpClient client, string customerId, string number, string expiry, string code)
    {
        var gateway = app.Services.GetRequiredService<EmbeddedGateway>();
        var entry = (CardEntryStart.EmbeddedForm)await gateway.BeginCardEntryAsync(
            new CardHolder(customerId, "Scan Tester", "scan@example.com"), default);
        (await client.GetAsync(entry.FormUrl)).Dispose();
        using var response = await client.PostAsync(EmbeddedGateway.FormPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["entry"] = entry.FormUrl.Split("entry=")[1], ["number"] = number, ["name"] = "Scan Tester", ["expiry"] = expiry, ["code"] = code,
        }));
        var html = await response.Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(html, "data-token=\"([^\"]+)\"");
        return response.StatusCode == HttpStatusCode.OK && token.Success ? token.Groups[1].Value : null;
    }

    private async Task AssertOutboxDeliveredAsync(string customerId)
    {
        await using var db = app.CreateDbContext();
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await db.OutboxMessages.AnyAsync(m => m.RecipientUserId == customerId && m.Status == Com1ControlPanel.Infrastructure.Email.OutboxStatus.Pending)
               && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private static async Task<(int ExitCode, string Output)> ScanAsync(params string[] folders)
    {
        var script = RepositoryFile("scripts/scan-card-data.sh");
        using var scan = Process.Start(new ProcessStartInfo("bash", [script, .. folders])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        })!;
        var output = await scan.StandardOutput.ReadToEndAsync() + await scan.StandardError.ReadToEndAsync();
        await scan.WaitForExitAsync();
        return (scan.ExitCode, output);
    }

    private static string RepositoryFile(string relative)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, relative);
            if (File.Exists(path))
            {
                return path;
            }
        }
        throw new FileNotFoundException($"{relative} is not in any folder above the tests.");
    }

    public void Dispose()
    {
        app.Dispose();
        TempFolder.Delete(logs);
    }
}
