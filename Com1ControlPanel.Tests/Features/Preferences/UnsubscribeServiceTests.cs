using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Microsoft.Extensions.Logging;

namespace Com1ControlPanel.Tests.Features.Preferences;

public sealed class UnsubscribeServiceTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero))
{
    private static readonly ConsentKey ProductsByEmail = new(MarketingPurpose.ComProducts, ContactChannel.Email);
    private readonly ListLogger log = new();

    private UnsubscribeLinks Links => Kit.Get<UnsubscribeLinks>();

    protected override Task ArrangeAsync() =>
        Kit.Customers.NewAsync("Dora Secretname", id: "dora", startingChoices: false, allows: [ProductsByEmail]);

    /// <summary>The service a link's request uses (nobody signed in), on <paramref name="database"/> when given.</summary>
    private UnsubscribeService Service(IDbContextFactory<AppDbContext>? database = null) =>
        Kit.As(Principals.Visitor).Make<UnsubscribeService>(database is null ? [log] : [database, log]);

    [Fact]
    public async Task When_two_presses_of_one_link_race_the_loser_is_told_it_was_used_and_nothing_is_recorded_twice()
    {
        var messageId = Guid.NewGuid();
        var token = Links.TokenFor(new(messageId, "dora", ProductsByEmail));
        // The other press saves its redemption after this one checked for it, just before this one saves.
        var racing = new RacingFactory(Kit.Database, () =>
        {
            using var other = Kit.Database.CreateDbContext();
            other.UnsubscribeRedemptions.Add(new UnsubscribeRedemption { MessageId = messageId, CustomerId = "dora" });
            other.SaveChanges();
        });

        var outcome = await Service(racing).RedeemAsync(token);

        Assert.Equal(UnsubscribeStatus.AlreadyUsed, outcome.Status);
        await using var db = Kit.CreateDbContext();
        Assert.Equal(1, await db.UnsubscribeRedemptions.CountAsync());
        Assert.Equal(0, await db.ConsentRecords.CountAsync(r => r.Source == ChangeSource.UnsubscribeLink));
    }

    [Fact]
    public async Task The_log_names_the_message_but_never_the_token_or_the_customer()
    {
        var messageId = Guid.NewGuid();
        var token = Links.TokenFor(new(messageId, "dora", ProductsByEmail));
        var service = Service();

        Assert.Equal(UnsubscribeStatus.Unsubscribed, (await service.RedeemAsync(token)).Status);
        Assert.Equal(UnsubscribeStatus.AlreadyUsed, (await service.RedeemAsync(token)).Status);
        Assert.Equal(UnsubscribeStatus.Invalid, (await service.RedeemAsync(token[..^4] + "AAAA")).Status);

        Assert.Equal(3, log.Lines.Count);
        Assert.All(log.Lines.Take(2), line => Assert.Contains(messageId.ToString(), line));
        Assert.All(log.Lines, line =>
        {
            Assert.DoesNotContain(token[..20], line);
            Assert.DoesNotContain("Dora", line);
            Assert.DoesNotContain("dora", line);
        });
    }

    [Fact]
    public async Task Looking_at_a_link_changes_nothing_and_tells_whether_it_was_used()
    {
        var token = Links.TokenFor(new(Guid.NewGuid(), "dora", ProductsByEmail));
        var service = Service();

        var before = await service.PreviewAsync(token);
        await service.RedeemAsync(token);
        var after = await service.PreviewAsync(token);

        Assert.Equal((UnsubscribeStatus.Ready, ProductsByEmail.Label), (before.Status, before.What));
        Assert.Equal(UnsubscribeStatus.AlreadyUsed, after.Status);
        Assert.Equal(UnsubscribeStatus.Invalid, (await service.PreviewAsync(Links.TokenFor(new(Guid.NewGuid(), "nobody", ProductsByEmail)))).Status);
    }

    /// <summary>Contexts that run <paramref name="beforeFirstSave"/> once, as another request would in between.</summary>
    private sealed class RacingFactory(TestDatabase database, Action beforeFirstSave) : IDbContextFactory<AppDbContext>
    {
        private bool raced;

        public AppDbContext CreateDbContext()
        {
            var db = database.CreateDbContext();
            db.SavingChanges += (_, _) =>
            {
                if (!raced)
                {
                    raced = true;
                    beforeFirstSave();
                }
            };
            return db;
        }
    }

    private sealed class ListLogger : ILogger<UnsubscribeService>
    {
        public List<string> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => Lines.Add(formatter(state, exception));
    }
}
