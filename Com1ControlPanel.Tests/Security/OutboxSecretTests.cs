using Com1ControlPanel.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using MimeKit;

namespace Com1ControlPanel.Tests.Security;

/// <summary>
/// A one-time link (password reset, address confirmation) must live on only in the recipient's mailbox: not in a stored
/// outbox row whose delivery was given up, and not in one still waiting after the link has stopped working.
/// </summary>
public sealed class OutboxSecretTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero),
    settings: new Dictionary<string, string> { ["Mail:MaxAttempts"] = "3" },
    services: s => s.AddSingleton<IMailDelivery, UnreliableMailServer>().AddSingleton<IMarketingSuppression, NothingSuppressed>())
{
    private const string Link = "https://panel.example/Account/ResetPassword?code=one-time-secret";

    private UnreliableMailServer MailServer => (UnreliableMailServer)Kit.Get<IMailDelivery>();

    private OutboxDispatcher Dispatcher => Kit.Get<OutboxDispatcher>();

    private async Task<Guid> EnqueueAsync(string to, bool secret)
    {
        var email = new OutboundEmail(null, to, "Reset your password",
            EmailTemplate.Compose("Carol", ["Choose a new password."], new("Choose a new password", Link)),
            MessageCategory.Essential, "We sent you a link to reset your password.", secret);
        await Kit.Get<Outbox>().EnqueueAsync(email);
        return email.MessageId;
    }

    private async Task<OutboxMessage> RowAsync(Guid id)
    {
        await using var db = Kit.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    private static bool HoldsLink(OutboxMessage row) =>
        row.HtmlBody?.Contains("one-time-secret") == true || row.TextBody?.Contains("one-time-secret") == true;

    [Fact]
    public async Task A_secret_message_whose_delivery_was_given_up_keeps_no_link_in_the_stored_row()
    {
        MailServer.Down = true;
        var id = await EnqueueAsync("carol.down@example.com", secret: true);

        for (var attempt = 0; attempt < 3; attempt++)
        {
            await Dispatcher.DeliverDueAsync(CancellationToken.None);
            Kit.Clock.Advance(TimeSpan.FromHours(1));
        }

        var row = await RowAsync(id);
        Assert.Equal((OutboxStatus.Failed, 3), (row.Status, row.Attempts));
        Assert.False(HoldsLink(row));
        Assert.Equal("We sent you a link to reset your password.", row.PanelText);
    }

    [Fact]
    public async Task A_secret_message_still_waiting_when_its_link_expires_is_not_delivered_and_keeps_no_link()
    {
        MailServer.Down = true;
        var secret = await EnqueueAsync("carol.late@example.com", secret: true);
        var ordinary = await EnqueueAsync("carol.ordinary@example.com", secret: false);
        await Dispatcher.DeliverDueAsync(CancellationToken.None);

        // The mail server is back only after the link's lifetime (the sign-in system's token lifespan, a day by default).
        Kit.Clock.Advance(new DataProtectionTokenProviderOptions().TokenLifespan + TimeSpan.FromMinutes(1));
        MailServer.Down = false;
        await Dispatcher.DeliverDueAsync(CancellationToken.None);

        var row = await RowAsync(secret);
        Assert.DoesNotContain("carol.late@example.com", MailServer.Delivered);
        Assert.Equal(OutboxStatus.Expired, row.Status);
        Assert.False(HoldsLink(row));
        // A message without a one-time link still goes out late.
        Assert.Contains("carol.ordinary@example.com", MailServer.Delivered);
        Assert.Equal(OutboxStatus.Sent, (await RowAsync(ordinary)).Status);
    }

    [Fact]
    public async Task The_periodic_sweep_removes_expired_links_from_messages_not_yet_due_and_from_given_up_ones()
    {
        var waiting = await EnqueueAsync("carol.waiting@example.com", secret: true);
        var givenUp = await EnqueueAsync("carol.givenup@example.com", secret: true);
        var fresh = await EnqueueAsync("carol.fresh@example.com", secret: true);
        await using (var db = Kit.CreateDbContext())
        {
            // Not due for a while, and a row given up on before its links were removed at that moment.
            await db.OutboxMessages.Where(m => m.Id == waiting)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, Kit.Now.AddDays(3)));
            await db.OutboxMessages.Where(m => m.Id == givenUp).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Failed));
        }
        Kit.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await using (var db = Kit.CreateDbContext())
        {
            await db.OutboxMessages.Where(m => m.Id == fresh)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.CreatedAt, Kit.Now));
        }

        await Dispatcher.ExpireOneTimeLinksAsync(CancellationToken.None);

        var (waitingRow, givenUpRow, freshRow) = (await RowAsync(waiting), await RowAsync(givenUp), await RowAsync(fresh));
        Assert.Equal(OutboxStatus.Expired, waitingRow.Status);
        Assert.False(HoldsLink(waitingRow));
        Assert.Equal(OutboxStatus.Failed, givenUpRow.Status);
        Assert.False(HoldsLink(givenUpRow));
        Assert.Equal(OutboxStatus.Pending, freshRow.Status);
        Assert.True(HoldsLink(freshRow));
    }

    [Fact]
    public async Task Production_without_an_smtp_server_warns_at_start_up_that_mail_is_written_to_disk()
    {
        var logFolder = Path.Combine(Path.GetTempPath(), "com1-tests", $"logs-{Guid.NewGuid():N}");
        using (var production = PanelApp.With(new AppOptions { Environment = "Production" }
                   .With("Logging:File:Path", Path.Combine(logFolder, "com1-.log"))))
        {
            using var client = production.Client();
            (await client.GetAsync("/health")).Dispose();
        }

        var log = string.Concat(Directory.GetFiles(logFolder).Select(File.ReadAllText));
        Directory.Delete(logFolder, recursive: true);
        Assert.Contains("[WRN]", log);
        Assert.Contains("No SMTP server is configured", log);
        Assert.Contains("written as .eml files", log);
    }

    /// <summary>A mail server that refuses every message while it is down and records what it accepts.</summary>
    private sealed class UnreliableMailServer : IMailDelivery
    {
        public bool Down { get; set; }

        public List<string> Delivered { get; } = [];

        public Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
        {
            if (Down)
            {
                throw new IOException("Connection refused");
            }
            Delivered.AddRange(message.To.Mailboxes.Select(m => m.Address));
            return Task.CompletedTask;
        }
    }

    private sealed class NothingSuppressed : IMarketingSuppression
    {
        public Task<IReadOnlySet<Guid>> SuppressedAsync(IReadOnlyList<OutboxMessage> marketing, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlySet<Guid>>(new HashSet<Guid>());
    }
}
