using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Com1ControlPanel.Features.Billing.Gateway.Embedded;

/// <summary>
/// The panel's own test gateway, so the panel runs offline: its card form (<see cref="EmbeddedGatewayEndpoints"/>) is
/// served apart from the panel's pages and shown in an iframe. It keeps, in memory only, what a token stands for:
/// brand, last four digits, expiry and the name on the card. The number and the security code are checked and dropped.
/// </summary>
public sealed class EmbeddedGateway(TimeProvider time, ILogger<EmbeddedGateway> logger) : IPaymentGateway
{
    public const string FormPath = "/gateway/embedded/form";
    private static readonly TimeSpan EntryLifetime = TimeSpan.FromMinutes(30);
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromMinutes(10);

    private sealed record Entry(string CustomerId, DateTime OpenUntil);
    private sealed record Token(string CustomerId, GatewayCard Card, DateTime ValidUntil);

    private readonly ConcurrentDictionary<string, Entry> entries = new();
    private readonly ConcurrentDictionary<string, Token> tokens = new();
    private readonly ConcurrentDictionary<string, GatewayCard> cards = new();

    public PaymentGatewayKind Kind => PaymentGatewayKind.Embedded;

    public Task<CardEntryStart> BeginCardEntryAsync(CardHolder customer, CancellationToken cancellationToken)
    {
        var now = Now;
        foreach (var (id, stale) in entries.Where(e => e.Value.OpenUntil <= now))
        {
            entries.TryRemove(id, out _);
        }
        var entryId = NewId("entry");
        entries[entryId] = new Entry(customer.CustomerId, now + EntryLifetime);
        return Task.FromResult<CardEntryStart>(new CardEntryStart.EmbeddedForm($"{FormPath}?entry={entryId}"));
    }

    /// <summary>Whether the form for <paramref name="entryId"/> may still be shown and posted.</summary>
    public bool IsOpen(string? entryId) =>
        entryId is not null && entries.TryGetValue(entryId, out var entry) && entry.OpenUntil > Now;

    /// <summary>
    /// Checks a posted card. Accepted: the entry closes and the answer is a one-time token for the panel. Otherwise the
    /// messages for the form's fields. The number and code are not kept either way.
    /// </summary>
    public EmbeddedCardCheck.Outcome Submit(string entryId, CardSubmission submission, out string? token)
    {
        token = null;
        var outcome = EmbeddedCardCheck.Check(submission, Now);
        if (outcome is EmbeddedCardCheck.Outcome.Accepted accepted && entries.TryRemove(entryId, out var entry) && entry.OpenUntil > Now)
        {
            var card = new GatewayCard(NewId("card"), accepted.Brand, accepted.Last4, accepted.Expiry.Month, accepted.Expiry.Year,
                accepted.HolderName);
            token = NewId("tok");
            tokens[token] = new Token(entry.CustomerId, card, Now + TokenLifetime);
            logger.LogInformation("The embedded gateway accepted a {Brand} card for a card entry", accepted.Brand);
        }
        return outcome;
    }

    public Task<TokenRedemption> RedeemAsync(string customerId, string token, CancellationToken cancellationToken)
    {
        if (!tokens.TryGetValue(token, out var issued) || issued.CustomerId != customerId)
        {
            return Task.FromResult<TokenRedemption>(new TokenRedemption.Unknown());
        }
        // A token is redeemed once: whoever removes it first has it.
        if (!tokens.TryRemove(new KeyValuePair<string, Token>(token, issued)) || issued.ValidUntil <= Now)
        {
            return Task.FromResult<TokenRedemption>(new TokenRedemption.Spent());
        }
        cards[issued.Card.Reference] = issued.Card;
        return Task.FromResult<TokenRedemption>(new TokenRedemption.Redeemed(issued.Card));
    }

    public Task ForgetAsync(string gatewayReference, CancellationToken cancellationToken)
    {
        cards.TryRemove(gatewayReference, out _);
        return Task.CompletedTask;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private static string NewId(string prefix) => $"{prefix}_emb_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))}";
}
