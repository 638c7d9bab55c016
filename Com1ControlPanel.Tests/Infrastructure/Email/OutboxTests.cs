using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Tests.Infrastructure.Email;

public sealed class OutboxTests(PanelApp app) : IClassFixture<PanelApp>
{
    private Outbox Outbox => app.Services.GetRequiredService<Outbox>();

    private static OutboundEmail Message(string to, string subject, string link, bool secret) => new(
        null, to, subject,
        EmailTemplate.Compose("Carol", ["Your backup finished."], new("Open it", link)),
        MessageCategory.Essential,
        "Your backup finished.",
        secret);

    /// <summary>Waits until the dispatcher has recorded the outcome of the message to <paramref name="to"/>.</summary>
    private async Task<OutboxMessage> DeliveredRowAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            await using var db = app.CreateDbContext();
            var row = await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.ToAddress == to);
            if (row.Status != OutboxStatus.Pending || DateTime.UtcNow > deadline)
            {
                return row;
            }
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task An_enqueued_message_is_delivered_as_an_eml_file_and_marked_sent()
    {
        const string to = "carol.outbox@example.com";
        await Outbox.EnqueueAsync(Message(to, "Backup report", "https://panel.example/backups/7", secret: false));

        var delivered = await app.Mailbox.WaitForAsync(to, "Backup report");
        Assert.Equal(new Uri("https://panel.example/backups/7"), Mailbox.FirstLink(delivered));
        Assert.Contains("Your backup finished.", delivered.HtmlBody);

        var row = await DeliveredRowAsync(to);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.NotNull(row.SentAt);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.TextBody);
    }

    [Fact]
    public async Task A_message_with_a_secret_link_keeps_it_only_in_the_recipients_mailbox()
    {
        const string to = "dave.secret@example.com";
        const string link = "https://panel.example/Account/ResetPassword?code=one-time-secret";
        await Outbox.EnqueueAsync(Message(to, "Reset your password", link, secret: true));

        var delivered = await app.Mailbox.WaitForAsync(to, "Reset your password");
        Assert.Equal(new Uri(link), Mailbox.FirstLink(delivered));

        var row = await DeliveredRowAsync(to);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Null(row.HtmlBody);
        Assert.Null(row.TextBody);
        Assert.Equal("Your backup finished.", row.PanelText);
    }

    [Fact]
    public async Task A_name_typed_as_markup_arrives_as_text()
    {
        const string to = "erin.markup@example.com";
        var content = EmailTemplate.Compose("<b>Erin</b>", ["Hello"]);
        await Outbox.EnqueueAsync(new OutboundEmail(null, to, "Markup", content, MessageCategory.Essential, "Hello"));

        var delivered = await app.Mailbox.WaitForAsync(to, "Markup");
        Assert.DoesNotContain("<b>Erin</b>", delivered.HtmlBody);
        Assert.Contains("&lt;b&gt;Erin&lt;/b&gt;", delivered.HtmlBody);
    }
}
