using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Preferences;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Tests.Features.Preferences;

public sealed class ConsentServiceTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly ConsentChanges changes = new();
    private readonly ConsentLedger ledger;

    public ConsentServiceTests()
    {
        var options = Options.Create(new PreferencesOptions());
        ledger = new ConsentLedger(options, TimeProvider.System, changes);
        using var db = database.CreateDbContext();
        foreach (var id in new[] { "dana", "erik" })
        {
            TestCustomers.Add(db, id);
            ledger.ApplyAsync(db, id, new ConsentDefaults(options).For("US"), ConsentDefaults.CountryRule)
                .GetAwaiter().GetResult();
        }
        db.SaveChanges();
    }

    private ConsentService ServiceFor(string customerId) => new(database, SignedIn.Customer(customerId, customerId), ledger, changes,
        Options.Create(new PreferencesOptions()), TimeProvider.System, NullLogger<ConsentService>.Instance);

    [Fact]
    public async Task Stop_all_turns_off_every_solicitation_and_partner_sharing_but_not_usage_statistics()
    {
        var view = await ServiceFor("dana").StopAllSolicitationsAsync();

        Assert.True(view.NoSolicitations);
        Assert.All(ConsentKey.Solicitations, k => Assert.False(view.Positions[k], k.Label));
        Assert.True(view.Allows(MarketingPurpose.UsageStatistics));
        Assert.Equal(7, view.History.Count(h => h.ChangedBy == "You" && !h.After));
    }

    [Fact]
    public async Task A_customer_changes_only_their_own_switches()
    {
        await ServiceFor("dana").SetAsync(new(MarketingPurpose.PartnerOffers, ContactChannel.Phone), false);

        Assert.True((await ServiceFor("erik").GetAsync()).Allows(MarketingPurpose.PartnerOffers, ContactChannel.Phone));
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.ConsentRecords.CountAsync(r => r.CustomerId == "erik" && r.Source == ChangeSource.Customer));
    }

    [Fact]
    public async Task A_preference_that_does_not_exist_is_refused_and_changes_nothing()
    {
        var forged = new ConsentKey((MarketingPurpose)42, ContactChannel.Email);

        await Assert.ThrowsAsync<ArgumentException>(() => ServiceFor("dana").SetAsync(forged, true));
        await using var db = database.CreateDbContext();
        Assert.Equal(0, await db.ConsentRecords.CountAsync(r => r.Source == ChangeSource.Customer));
    }

    [Fact]
    public async Task Other_open_pages_of_the_same_customer_hear_about_a_change_and_others_do_not()
    {
        var danasOtherTab = 0;
        var eriksPage = 0;
        using var dana = await ServiceFor("dana").WatchAsync(() => { danasOtherTab++; return Task.CompletedTask; });
        using var erik = await ServiceFor("erik").WatchAsync(() => { eriksPage++; return Task.CompletedTask; });

        await ServiceFor("dana").SetAsync(new(MarketingPurpose.ComProducts, ContactChannel.Email), false);

        Assert.Equal((1, 0), (danasOtherTab, eriksPage));
    }

    [Fact]
    public async Task The_receipt_holds_every_record_and_the_current_choices()
    {
        var service = ServiceFor("dana");
        await service.SetAsync(new(MarketingPurpose.PartnerSharing, ContactChannel.None), false);

        var receipt = await service.CreateReceiptAsync();

        Assert.Equal(ConsentKey.All.Count + 1, receipt.Records.Count);
        Assert.False(receipt.CurrentChoices.Single(c => c.Purpose == MarketingPurpose.PartnerSharing).Allowed);
        Assert.Equal("dana@example.com", receipt.Customer.Email);
        Assert.All(receipt.Records, r => Assert.Equal("2008-06", r.PolicyVersion));
    }

    public void Dispose() => database.Dispose();
}
