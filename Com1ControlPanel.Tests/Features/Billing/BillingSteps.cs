using System.Security.Claims;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.Billing.Gateway;
using Com1ControlPanel.Features.Billing.Gateway.Embedded;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Email;
using Microsoft.Extensions.Logging;

namespace Com1ControlPanel.Tests.Features.Billing;

/// <summary>
/// The payment card steps a test takes, in the whole app or over its services alike: customers who pay for a service,
/// cards typed into the embedded gateway, and what the panel stored and sent.
/// </summary>
public static class BillingSteps
{
    /// <summary>28 November 2026, 10:00 UTC: where the service and component tests' clock starts.</summary>
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    extension(IPanel panel)
    {
        /// <summary>A new customer of this test who pays for responsive web design.</summary>
        public async Task<string> PayingCustomerAsync(string name = "Carla Card")
        {
            var customer = await panel.Customers.NewAsync(name);
            await using var db = panel.CreateDbContext();
            db.ServiceSubscriptions.Add(new ServiceSubscription
            {
                CustomerId = customer.Id, Service = Service.ResponsiveWebDesign, Plan = "Starter", StartedOn = new DateOnly(2025, 1, 1),
            });
            await db.SaveChangesAsync();
            return customer.Id;
        }

        /// <summary>/billing's service as <paramref name="user"/> has it.</summary>
        public BillingService BillingAs(ClaimsPrincipal user) => panel.As(user).Get<BillingService>();

        public BillingService BillingOf(string customerId) => panel.BillingAs(Principals.Customer(customerId, "Carla Card"));

        /// <summary>Types a card into the embedded gateway's form for <paramref name="customerId"/>; the token it hands back.</summary>
        public async Task<string> TokenAsync(string customerId, string number = "4242 4242 4242 4242", string expiry = "08/29",
            string code = "123")
        {
            var gateway = panel.Get<EmbeddedGateway>();
            var entry = (CardEntryStart.EmbeddedForm)await gateway.BeginCardEntryAsync(
                new CardHolder(customerId, "Card Holder", "holder@example.com"), CancellationToken.None);
            var outcome = gateway.Submit(entry.FormUrl.Split("entry=")[1], new CardSubmission(number, "Card Holder", expiry, code), out var token);
            Assert.IsType<EmbeddedCardCheck.Outcome.Accepted>(outcome);
            return token!;
        }

        /// <summary>Puts a card on file as the customer would: through the gateway and the billing page's service.</summary>
        public async Task<PaymentCard> CardOnFileAsync(string customerId, string number = "4242 4242 4242 4242", string expiry = "08/29")
        {
            var result = await panel.BillingOf(customerId).SaveCardAsync(await panel.TokenAsync(customerId, number, expiry));
            Assert.IsType<CardChangeResult.Saved>(result);
            return (await panel.StoredCardAsync(customerId))!;
        }

        /// <summary>A card as the embedded gateway would have left it, written straight into the database.</summary>
        public async Task PutCardAsync(string customerId, int month = 8, int year = 2029)
        {
            await using var db = panel.CreateDbContext();
            db.PaymentCards.Add(new PaymentCard
            {
                CustomerId = customerId, Gateway = "Embedded", GatewayReference = "card_emb_test", Brand = "Visa", Last4 = "4242",
                ExpiryMonth = month, ExpiryYear = year, HolderName = "Carla Card", AddedAt = DateTime.UtcNow.AddDays(-30),
            });
            await db.SaveChangesAsync();
        }

        public async Task<PaymentCard?> StoredCardAsync(string customerId)
        {
            await using var db = panel.CreateDbContext();
            return await db.PaymentCards.AsNoTracking().SingleOrDefaultAsync(c => c.CustomerId == customerId);
        }

        public async Task<List<ProfileChange>> HistoryAsync(string customerId, ProfileField field)
        {
            await using var db = panel.CreateDbContext();
            return await db.ProfileChanges.AsNoTracking().Where(c => c.CustomerId == customerId && c.Field == field)
                .OrderBy(c => c.Id).ToListAsync();
        }

        public async Task<List<OutboxMessage>> MailAsync(string customerId)
        {
            await using var db = panel.CreateDbContext();
            return await db.OutboxMessages.AsNoTracking().Where(m => m.RecipientUserId == customerId).OrderBy(m => m.CreatedAt).ToListAsync();
        }

        /// <summary>A new agent acting in the customer's account in a session that started five minutes ago.</summary>
        public async Task<ClaimsPrincipal> AgentInSessionAsync(string customerId, DateTime now)
        {
            var agent = await panel.Staff.NewAgentAsync();
            var session = await panel.SupportBy(agent).SessionAsync(customerId, now.AddMinutes(-5));
            return Principals.InSession(customerId, session.Id, agent.Id, agent.Name);
        }
    }
}

/// <summary>Every log line the app's services write, rendered as text, so a test can see what reached the logs.</summary>
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
