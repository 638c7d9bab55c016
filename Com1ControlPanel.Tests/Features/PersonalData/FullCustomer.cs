using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Billing;
using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Cookies;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Disclosures;
using Com1ControlPanel.Features.Domains;
using Com1ControlPanel.Features.Domains.ContactMoves;
using Com1ControlPanel.Features.Notifications;
using Com1ControlPanel.Features.Policies;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Help;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Tests.Features.Domains;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Tests.Features.PersonalData;

/// <summary>
/// A customer of the test's own with a row in every table the download exports, each value carrying the customer's
/// <see cref="Tag"/> where it can, and the secrets the download must never hold. Written as the features would leave it.
/// </summary>
public sealed record FullCustomer(TestCustomer Customer, string Tag, StaffMember Agent, Guid SessionId, IReadOnlyList<string> Secrets)
{
    public static readonly DateTime At = new(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc);

    public string Domain => $"{Tag.ToLowerInvariant()}.example";

    public static async Task<FullCustomer> CreateAsync(IPanel panel, string name)
    {
        var tag = $"Q{Guid.NewGuid():N}"[..10].ToUpperInvariant();
        var customer = await panel.Customers.NewAsync(name, number: $"C-{tag}", authenticator: true, with: c =>
        {
            c.Company = $"Company {tag}";
            c.Status = AccountStatus.Suspended;
            c.StatusReason = SuspensionReason.PaymentOverdue;
            c.StatusMessage = $"Please call billing about invoice {tag}";
            c.StatusChangedAt = At;
        });
        var agent = await panel.Staff.NewAgentAsync();
        var secrets = new List<string>();
        await using (var scope = panel.Services.CreateAsyncScope())
        {
            secrets.AddRange(await AccountAsync(scope.ServiceProvider, customer, tag));
        }
        var history = panel.SupportBy(agent);
        var session = await history.SessionAsync(customer.Id, At, ending: SessionEnding.EndedByAgent, endedAt: At.AddMinutes(20),
            ticket: $"T-{tag}");
        await history.RequestAsync(customer.Id, At.AddDays(-1), status: AccessRequestStatus.Approved, ticket: $"R-{tag}");
        await history.PhoneChangeAsync(customer.Id, At.AddMinutes(5), session.Id);
        await history.ConsentChangeAsync(customer.Id, At.AddMinutes(6), session.Id);
        await history.SignInsAsync(customer.Id, 3, At.AddHours(-1), network: "198.51.100.x");
        await using var db = panel.CreateDbContext();
        secrets.AddRange([session.HandBackId.ToString(), session.AgentStampHash]);

        db.ServiceSubscriptions.Add(new ServiceSubscription
        {
            CustomerId = customer.Id, Service = Service.RemoteBackup, Plan = $"Backup {tag}", StartedOn = new DateOnly(2025, 1, 1),
        });
        secrets.AddRange(Billing(db, customer, tag, agent));
        secrets.AddRange(Messages(db, customer, tag));
        db.SupportAttempts.Add(new SupportAttempt
        {
            At = At.AddMinutes(7), AgentUserId = agent.Id, CustomerId = customer.Id, Refusal = SupportRefusal.ForbiddenDuringSession,
        });
        db.HelpRequests.Add(HelpRequest.Create(customer.Id,
            new HelpRequestForm { Subject = $"Help {tag}", Description = $"Mail to my domain bounces {tag}", AccessMinutes = 15 },
            new Actor(customer.Id, name, ChangeSource.Customer), At));
        var policy = await db.PolicyVersions.OrderBy(v => v.EffectiveFrom).Select(v => v.Version).FirstAsync();
        db.PolicyAcknowledgements.Add(new PolicyAcknowledgement
        {
            CustomerId = customer.Id, Version = policy, ShownAt = At, How = AcknowledgementMethod.ClosedNoticeAfterReadingChanges,
        });
        db.PolicyNotices.Add(new PolicyNotice { Version = policy, CustomerId = customer.Id, NotifiedAt = At.AddDays(-30) });
        db.StaffSearchRecords.Add(new StaffSearchRecord
        {
            StaffUserId = agent.Id, SearchedAt = At.AddMinutes(-3), Kind = StaffSearchKind.CustomerNumber, ResultCount = 1,
            CustomerNumber = customer.CustomerNumber,
        });
        await db.SaveChangesAsync();

        await DomainAsync(panel, customer, tag, agent, session.Id);
        await DisclosuresAsync(panel, customer, tag);
        await panel.As(customer.Principal).Get<CookieConsent>()
            .AnswerAsync(customer.Id, customer.FullName, CookieAnswer.AllowStatistics);
        return new FullCustomer(customer, tag, agent, session.Id, secrets);
    }

    /// <summary>Recovery codes, an external sign-in and a passkey; returns the secrets of the account.</summary>
    private static async Task<IEnumerable<string>> AccountAsync(IServiceProvider services, TestCustomer customer, string tag)
    {
        var users = services.GetRequiredService<UserManager<ApplicationUser>>();
        var user = (await users.FindByIdAsync(customer.Id))!;
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 3))!.ToList();
        Assert.True((await users.AddLoginAsync(user, new UserLoginInfo("Contoso", $"contoso-{tag}", "Contoso ID"))).Succeeded);
        using var key = new SoftPasskey();
        var passkey = key.ToStored();
        passkey.Name = $"Laptop {tag}";
        Assert.True((await users.AddOrUpdatePasskeyAsync(user, passkey)).Succeeded);
        user = (await users.FindByIdAsync(customer.Id))!;
        return
        [
            user.PasswordHash!, user.SecurityStamp!, customer.AuthenticatorKey!, .. codes,
            Convert.ToBase64String(passkey.PublicKey), Convert.ToHexString(passkey.PublicKey), Convert.ToHexStringLower(passkey.PublicKey),
            Convert.ToBase64String(passkey.CredentialId), Convert.ToHexStringLower(passkey.CredentialId),
        ];
    }

    private static IEnumerable<string> Billing(AppDbContext db, TestCustomer customer, string tag, StaffMember agent)
    {
        var (reference, token, gatewayCustomer) = ($"pm_secret_{tag}", $"tok_secret_{tag}", $"cus_secret_{tag}");
        var linkHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray()));
        db.PaymentCards.Add(new PaymentCard
        {
            CustomerId = customer.Id, Gateway = "Embedded", GatewayReference = reference, Brand = "Visa", Last4 = "4242", ExpiryMonth = 8,
            ExpiryYear = 2029, HolderName = $"Holder {tag}", AddedAt = At.AddDays(-10),
        });
        db.CardTokenRedemptions.Add(new CardTokenRedemption { Token = token, CustomerId = customer.Id, RedeemedAt = At.AddDays(-10) });
        db.GatewayCustomers.Add(new GatewayCustomer { CustomerId = customer.Id, Gateway = "Stripe", Reference = gatewayCustomer });
        db.CardPageLinks.Add(new CardPageLink
        {
            Id = Guid.NewGuid(), CustomerId = customer.Id, TokenHash = linkHash, SentAt = At.AddDays(-2), ExpiresAt = At.AddDays(-1),
            SentByUserId = agent.Id, SentByName = $"Biller {tag}",
        });
        return [reference, token, gatewayCustomer, linkHash];
    }

    /// <summary>An email with a one-time link, a marketing email whose unsubscribe link was used, a notification.</summary>
    private static IEnumerable<string> Messages(AppDbContext db, TestCustomer customer, string tag)
    {
        var (code, unsubscribe) = ($"ONE-TIME-{tag}", $"https://panel.example/unsubscribe/UNSUB-{tag}");
        db.OutboxMessages.Add(new OutboxMessage
        {
            RecipientUserId = customer.Id, ToAddress = customer.Email, Subject = $"Reset your password {tag}",
            Category = MessageCategory.Essential, HtmlBody = $"<a href=\"https://panel.example/reset?code={code}\">Reset</a>",
            TextBody = $"Reset: https://panel.example/reset?code={code}", PanelText = $"A link to reset your password {tag}.",
            ContainsSecret = true, CreatedAt = At.AddDays(-3), Status = OutboxStatus.Sent, SentAt = At.AddDays(-3),
        });
        var marketing = new OutboxMessage
        {
            RecipientUserId = customer.Id, ToAddress = customer.Email, Subject = $"New hosting plans {tag}", Category = MessageCategory.Marketing,
            Topic = "ComProducts", UnsubscribeUrl = unsubscribe, HtmlBody = "<p>New plans</p>", PanelText = $"News of hosting plans {tag}.",
            CreatedAt = At.AddDays(-4), Status = OutboxStatus.Sent,
        };
        db.OutboxMessages.Add(marketing);
        db.UnsubscribeRedemptions.Add(new UnsubscribeRedemption { MessageId = marketing.Id, CustomerId = customer.Id, RedeemedAt = At.AddDays(-4) });
        db.Notifications.Add(new Notification
        {
            UserId = customer.Id, Title = $"Card expiring {tag}", Text = "Your card expires soon.", Link = "billing", CreatedAt = At,
        });
        return [code, unsubscribe, "UNSUB-" + tag];
    }

    /// <summary>A domain with a person's contacts, a change of its publication by the customer, and a Technical Contact move asked for in the session.</summary>
    private static async Task DomainAsync(IPanel panel, TestCustomer customer, string tag, StaffMember agent, Guid sessionId)
    {
        var domain = await panel.DomainAsync(customer.Id, $"{tag.ToLowerInvariant()}.example", registrant: DomainSteps.Person($"Paula {tag}"));
        await using var db = panel.CreateDbContext();
        db.DomainChanges.Add(new DomainChange
        {
            DomainId = domain.Id, CustomerId = customer.Id, Kind = DomainChangeKind.ContactPublication, OldValue = "Withheld",
            NewValue = $"Published {tag}", ChangedAt = At.AddMinutes(1), ActorUserId = customer.Id, ActorName = customer.FullName,
            Source = ChangeSource.Customer,
        });
        var byAgent = new Actor(agent.Id, agent.Name, ChangeSource.SupportOnBehalf) { SupportSessionId = sessionId };
        db.TechnicalContactMoves.Add(TechnicalContactMove.Submit(domain.Id, customer.Id, DomainSteps.Company($"Rheinhost {tag}"),
            $"Please move it {tag}", byAgent, At.AddMinutes(8)));
        await db.SaveChangesAsync();
    }

    /// <summary>Two disclosures in the customer's log, the first one notified.</summary>
    private static async Task DisclosuresAsync(IPanel panel, TestCustomer customer, string tag)
    {
        await panel.Disclosures.RecordAsync(TestDisclosures.NewDisclosure($"Recipient {tag}"), customer.Id);
        await panel.Disclosures.RecordAsync(TestDisclosures.NewDisclosure($"Second recipient {tag}", reference: $"REF-{tag}",
            occurredAt: At.AddDays(-5)), customer.Id);
        await using var db = panel.CreateDbContext();
        var first = await db.DisclosureEntries.Where(e => e.CustomerId == customer.Id && e.Sequence == 1).SingleAsync();
        db.DisclosureNotices.Add(new DisclosureNotice { EntryId = first.Id, CustomerId = customer.Id, NotifiedAt = At.AddDays(-6) });
        await db.SaveChangesAsync();
    }
}
