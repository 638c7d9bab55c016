using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;

namespace Com1ControlPanel.Tests.Features.Profile;

public sealed class ProfileServiceTests() : ServiceTest(now: new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    private TestCustomer alice = null!;
    private TestCustomer bob = null!;

    protected override async Task ArrangeAsync()
    {
        alice = await Kit.Customers.NewAsync("Alice Test", id: "alice");
        bob = await Kit.Customers.NewAsync("Bob Test", id: "bob");
    }

    private ProfileService ProfileOf(TestCustomer customer) => Kit.As(customer.Principal).Get<ProfileService>();

    [Fact]
    public async Task Saving_records_each_changed_field_with_old_and_new_value_and_the_customer_as_actor()
    {
        var service = ProfileOf(alice);
        var form = (await service.GetAsync()).Form;
        form.City = "Oakland";
        form.Phone = "(415) 555-0199";

        var result = await service.SaveAsync(form);

        Assert.IsType<ProfileSaveResult.Saved>(result);
        await using var db = Kit.CreateDbContext();
        var changes = await db.ProfileChanges.Where(c => c.CustomerId == "alice").OrderBy(c => c.Field).ToListAsync();
        Assert.Collection(changes,
            city => Assert.Equal((ProfileField.City, "San Francisco", "Oakland"), (city.Field, city.OldValue, city.NewValue)),
            phone => Assert.Equal((ProfileField.Phone, "+14155550100", "+14155550199"), (phone.Field, phone.OldValue, phone.NewValue)));
        Assert.All(changes, c => Assert.Equal(("alice", ChangeSource.Customer, Kit.Now), (c.ActorUserId, c.Source, c.ChangedAt)));
        Assert.Equal("+14155550199", (await db.Customers.SingleAsync(c => c.Id == "alice")).Phone);
    }

    [Fact]
    public async Task A_save_based_on_an_older_version_is_refused_and_keeps_the_newer_data()
    {
        var service = ProfileOf(alice);
        var firstTab = (await service.GetAsync()).Form;
        var secondTab = (await service.GetAsync()).Form;
        firstTab.City = "Oakland";
        Assert.IsType<ProfileSaveResult.Saved>(await service.SaveAsync(firstTab));

        secondTab.City = "Berkeley";
        var result = await service.SaveAsync(secondTab);

        Assert.IsType<ProfileSaveResult.Conflict>(result);
        await using var db = Kit.CreateDbContext();
        Assert.Equal("Oakland", (await db.Customers.SingleAsync(c => c.Id == "alice")).City);
        Assert.Equal(1, await db.ProfileChanges.CountAsync(c => c.CustomerId == "alice"));
    }

    [Theory]
    [InlineData(nameof(ProfileForm.Phone), "12345")]
    [InlineData(nameof(ProfileForm.PostalCode), "ABCDE")]
    [InlineData(nameof(ProfileForm.FullName), "")]
    public async Task Invalid_input_is_refused_at_its_field_and_nothing_is_saved(string field, string value)
    {
        var service = ProfileOf(alice);
        var form = (await service.GetAsync()).Form;
        typeof(ProfileForm).GetProperty(field)!.SetValue(form, value);
        form.City = "Oakland";

        var result = await service.SaveAsync(form);

        var invalid = Assert.IsType<ProfileSaveResult.Invalid>(result);
        Assert.Equal([field], invalid.Errors.Keys);
        await using var db = Kit.CreateDbContext();
        Assert.Equal("San Francisco", (await db.Customers.SingleAsync(c => c.Id == "alice")).City);
        Assert.False(await db.ProfileChanges.AnyAsync());
    }

    [Fact]
    public async Task An_overlong_value_is_refused_with_its_limit_in_the_message()
    {
        var service = ProfileOf(alice);
        var form = (await service.GetAsync()).Form;
        form.Street = new string('x', ContactLimits.Street + 1);

        var invalid = Assert.IsType<ProfileSaveResult.Invalid>(await service.SaveAsync(form));

        Assert.Contains($"{ContactLimits.Street}", Assert.Single(invalid.Errors[nameof(ProfileForm.Street)]));
    }

    [Fact]
    public async Task Each_customer_reads_and_changes_only_their_own_profile()
    {
        var bobsForm = (await ProfileOf(bob).GetAsync()).Form;
        Assert.Equal("Bob Test", bobsForm.FullName);

        // Even a form loaded from Alice's profile only ever changes the signed-in customer's record.
        var alicesForm = (await ProfileOf(alice).GetAsync()).Form;
        alicesForm.City = "Oakland";
        var saved = await ProfileOf(bob).SaveAsync(alicesForm);

        Assert.IsType<ProfileSaveResult.Saved>(saved);
        await using var db = Kit.CreateDbContext();
        Assert.Equal("Oakland", (await db.Customers.SingleAsync(c => c.Id == "bob")).City);
        var bobsChange = Assert.Single(await db.ProfileChanges.Where(c => c.Field == ProfileField.City).ToListAsync());
        Assert.Equal(("bob", "San Francisco", "Oakland", "bob"), (bobsChange.CustomerId, bobsChange.OldValue, bobsChange.NewValue, bobsChange.ActorUserId));
        Assert.Equal("San Francisco", (await db.Customers.SingleAsync(c => c.Id == "alice")).City);
        Assert.DoesNotContain(await db.ProfileChanges.ToListAsync(), c => c.CustomerId == "alice");
        Assert.Empty((await ProfileOf(alice).GetAsync()).RecentChanges);
    }

    [Fact]
    public async Task Staff_accounts_have_no_customer_profile_to_read()
    {
        var agent = Kit.As(Principals.Of("agent", "Dana", Roles.SupportAgent)).Get<ProfileService>();

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => agent.GetAsync());
    }

    [Fact]
    public async Task Saving_an_unchanged_form_writes_no_history()
    {
        var service = ProfileOf(alice);
        var result = await service.SaveAsync((await service.GetAsync()).Form);

        Assert.IsType<ProfileSaveResult.NothingChanged>(result);
        await using var db = Kit.CreateDbContext();
        Assert.False(await db.ProfileChanges.AnyAsync());
    }
}
