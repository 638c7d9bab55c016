using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Features.Policies;

namespace Com1ControlPanel.Tests.Features.Preferences;

public sealed class ConsentServiceTests : ServiceTest
{
    /// <summary>Every message topic on every channel, and partner sharing: what "Stop all solicitations" is about.</summary>
    private static readonly ConsentKey[] Solicitations =
    [
        new(MarketingPurpose.ComProducts, ContactChannel.Email), new(MarketingPurpose.ComProducts, ContactChannel.Phone),
        new(MarketingPurpose.ComProducts, ContactChannel.PostalMail), new(MarketingPurpose.PartnerOffers, ContactChannel.Email),
        new(MarketingPurpose.PartnerOffers, ContactChannel.Phone), new(MarketingPurpose.PartnerOffers, ContactChannel.PostalMail),
        new(MarketingPurpose.PartnerSharing, ContactChannel.None),
    ];

    private TestCustomer dana = null!;
    private TestCustomer erik = null!;

    // US customers: registration starts every switch on.
    protected override async Task ArrangeAsync()
    {
        dana = await Kit.Customers.NewAsync("Dana", id: "dana");
        erik = await Kit.Customers.NewAsync("Erik", id: "erik");
    }

    private ConsentService ServiceFor(TestCustomer customer) => Kit.As(customer.Principal).Get<ConsentService>();

    [Fact]
    public async Task Stop_all_turns_off_every_solicitation_and_partner_sharing_but_not_usage_statistics()
    {
        var view = await ServiceFor(dana).StopAllSolicitationsAsync();

        Assert.True(view.NoSolicitations);
        Assert.All(Solicitations, k => Assert.False(view.Positions[k], k.Label));
        Assert.True(view.Allows(MarketingPurpose.UsageStatistics));
        Assert.Equal(Solicitations.Length, view.History.Count(h => h.ChangedBy == "You" && !h.After));
    }

    [Fact]
    public async Task A_customer_changes_their_own_switch_and_only_their_own()
    {
        var partnerCalls = new ConsentKey(MarketingPurpose.PartnerOffers, ContactChannel.Phone);

        var view = await ServiceFor(dana).SetAsync(partnerCalls, false);

        Assert.False(view.Positions[partnerCalls]);
        Assert.False((await ServiceFor(dana).GetAsync()).Allows(MarketingPurpose.PartnerOffers, ContactChannel.Phone));
        Assert.True((await ServiceFor(erik).GetAsync()).Allows(MarketingPurpose.PartnerOffers, ContactChannel.Phone));
        await using var db = Kit.CreateDbContext();
        var record = await db.ConsentRecords.SingleAsync(r => r.Source == ChangeSource.Customer);
        Assert.Equal(("dana", MarketingPurpose.PartnerOffers, ContactChannel.Phone, true, false, "dana"),
            (record.CustomerId, record.Purpose, record.Channel, record.OldGranted, record.NewGranted, record.ActorUserId));
    }

    [Fact]
    public async Task A_preference_that_does_not_exist_is_refused_and_changes_nothing()
    {
        var forged = new ConsentKey((MarketingPurpose)42, ContactChannel.Email);

        await Assert.ThrowsAsync<ArgumentException>(() => ServiceFor(dana).SetAsync(forged, true));
        await using var db = Kit.CreateDbContext();
        Assert.Equal(0, await db.ConsentRecords.CountAsync(r => r.Source == ChangeSource.Customer));
    }

    [Fact]
    public async Task Other_open_pages_of_the_same_customer_hear_about_a_change_and_others_do_not()
    {
        var danasOtherTab = 0;
        var eriksPage = 0;
        using var danas = await ServiceFor(dana).WatchAsync(() => { danasOtherTab++; return Task.CompletedTask; });
        using var eriks = await ServiceFor(erik).WatchAsync(() => { eriksPage++; return Task.CompletedTask; });

        await ServiceFor(dana).SetAsync(new(MarketingPurpose.ComProducts, ContactChannel.Email), false);

        Assert.Equal((1, 0), (danasOtherTab, eriksPage));
    }

    [Fact]
    public async Task The_receipt_holds_every_record_and_the_current_choices()
    {
        var service = ServiceFor(dana);
        await service.SetAsync(new(MarketingPurpose.PartnerSharing, ContactChannel.None), false);

        var receipt = await service.CreateReceiptAsync();

        // Every switch registration set, and the one change since.
        Assert.Equal(Kit.Get<ConsentDefaults>().For("US").Count + 1, receipt.Records.Count);
        Assert.False(receipt.CurrentChoices.Single(c => c.Purpose == MarketingPurpose.PartnerSharing).Allowed);
        Assert.Equal("dana@example.com", receipt.Customer.Email);
        var inForce = await Kit.Get<PolicyStore>().VersionNameAtAsync(Kit.Now);
        Assert.All(receipt.Records, r => Assert.Equal(inForce, r.PolicyVersion));
        Assert.Equal(inForce, receipt.PolicyVersionInForce);
    }
}
