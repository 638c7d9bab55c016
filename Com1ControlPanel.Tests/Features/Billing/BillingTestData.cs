using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Billing.Gateway;
using Com1ControlPanel.Features.Billing.Gateway.Embedded;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Tests.Features.Support.Access;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>
/// The billing services on a test database and a fake clock (28 November 2026), with the embedded gateway, the outbox
/// and the support session check as the app wires them. Each test makes its own customers.
/// </summary>
public sealed class BillingTestData : IDisposable
{
    public BillingTestData()
    {
        People = new AccessTestData(Database);
        Services = new ServiceCollection()
            .AddLogging(logging => logging.AddProvider(Logs))
            .AddSingleton<IDbContextFactory<AppDbContext>>(Database)
            .AddSingleton<TimeProvider>(Clock)
            .AddSingleton<OutboxSignal>()
            .AddSingleton<Outbox>()
            .AddSingleton(new PanelLinks(Microsoft.Extensions.Options.Options.Create(new PanelOptions())))
            .AddSingleton<CustomerChanges>()
            .AddSingleton<EmbeddedGateway>()
            .AddSingleton<IPaymentGateway>(sp => sp.GetRequiredService<EmbeddedGateway>())
            .AddSingleton<SupportAttempts>()
            .AddSingleton<ISupportAttempts>(sp => sp.GetRequiredService<SupportAttempts>())
            .AddSingleton<CardOnFile>()
            .AddSingleton<CardExpiryReminders>()
            .BuildServiceProvider();
    }

    public TestDatabase Database { get; } = new();
    public AccessTestData People { get; }
    public FakeTimeProvider Clock => People.Clock;
    public DateTime Now => People.Now;
    public ServiceProvider Services { get; }
    public CapturedLogs Logs { get; } = new();

    public EmbeddedGateway Gateway => Services.GetRequiredService<EmbeddedGateway>();
    public CardOnFile Cards => Services.GetRequiredService<CardOnFile>();
    public CardExpiryReminders Reminders => Services.GetRequiredService<CardExpiryReminders>();

    /// <summary>A new customer with paid services (web design), nobody else's.</summary>
    public string Customer(string name)
    {
        var id = People.Customer($"{name}-{Guid.NewGuid():N}"[..20]);
        using var db = Database.CreateDbContext();
        db.ServiceSubscriptions.Add(new ServiceSubscription
        {
            CustomerId = id, Service = Service.ResponsiveWebDesign, Plan = "Starter", StartedOn = new DateOnly(2025, 1, 1),
        });
        db.SaveChanges();
        return id;
    }

    public BillingService BillingFor(CurrentUser user) => ActivatorUtilities.CreateInstance<BillingService>(Services, user);

    public BillingService BillingFor(string customerId) => BillingFor(People.CustomerUser(customerId));

    /// <summary>Types a card into the embedded gateway's form for <paramref name="customerId"/> and returns its token.</summary>
    public async Task<string> TokenAsync(string customerId, string number = "4242 4242 4242 4242", string expiry = "08/29",
        string code = "123", string name = "Card Holder")
    {
        var entry = (CardEntryStart.EmbeddedForm)await Gateway.BeginCardEntryAsync(
            new CardHolder(customerId, "Card Holder", $"{customerId}@example.com"), CancellationToken.None);
        var entryId = entry.FormUrl.Split("entry=")[1];
        var outcome = Gateway.Submit(entryId, new CardSubmission(number, name, expiry, code), out var token);
        Assert.IsType<EmbeddedCardCheck.Outcome.Accepted>(outcome);
        return token!;
    }

    /// <summary>Puts a card on file for the customer as they would: through the gateway and the billing page's service.</summary>
    public async Task<PaymentCard> CardOnFileAsync(string customerId, string number = "4242 4242 4242 4242", string expiry = "08/29")
    {
        var result = await BillingFor(customerId).SaveCardAsync(await TokenAsync(customerId, number, expiry));
        Assert.IsType<CardChangeResult.Saved>(result);
        return (await StoredCardAsync(customerId))!;
    }

    public async Task<PaymentCard?> StoredCardAsync(string customerId)
    {
        await using var db = Database.CreateDbContext();
        return await db.PaymentCards.AsNoTracking().SingleOrDefaultAsync(c => c.CustomerId == customerId);
    }

    public async Task<List<ProfileChange>> HistoryAsync(string customerId, ProfileField field)
    {
        await using var db = Database.CreateDbContext();
        return await db.ProfileChanges.AsNoTracking().Where(c => c.CustomerId == customerId && c.Field == field)
            .OrderBy(c => c.Id).ToListAsync();
    }

    public async Task<List<OutboxMessage>> MailAsync(string customerId)
    {
        await using var db = Database.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.RecipientUserId == customerId).OrderBy(m => m.CreatedAt).ToListAsync();
    }

    public void Dispose()
    {
        Services.Dispose();
        Database.Dispose();
    }
}

/// <summary>Every log line the services write, rendered as text, so a test can see what reached the logs.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly List<(LogLevel Level, string Text)> lines = [];

    public IReadOnlyList<(LogLevel Level, string Text)> Lines
    {
        get
        {
            lock (lines)
            {
                return [.. lines];
            }
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner.lines)
            {
                owner.lines.Add((logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception)));
            }
        }
    }
}
