using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Com1ControlPanel.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Com1ControlPanel.Tests.Features.Profile;

public sealed class ProfileServiceTests : IDisposable
{
    private readonly TestDatabase database = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    public ProfileServiceTests()
    {
        using var db = database.CreateDbContext();
        TestCustomers.Add(db, "alice", "Alice Test");
        TestCustomers.Add(db, "bob", "Bob Test");
    }

    private ProfileService ServiceFor(CurrentUser user) => new(database, user, new CustomerChanges(clock, NullLogger<CustomerChanges>.Instance));

    private ProfileService ServiceFor(string customerId) => ServiceFor(SignedIn.Customer(customerId, customerId));

    [Fact]
    public async Task Saving_records_each_changed_field_with_old_and_new_value_and_the_customer_as_actor()
    {
        var service = ServiceFor("alice");
        var form = (await service.GetAsync()).Form;
        form.City = "Oakland";
        form.Phone = "(415) 555-0199";

        var result = await service.SaveAsync(form);

        Assert.IsType<ProfileSaveResult.Saved>(result);
        await using var db = database.CreateDbContext();
        var changes = await db.ProfileChanges.Where(c => c.CustomerId == "alice").OrderBy(c => c.Field).ToListAsync();
        Assert.Collection(changes,
            city => Assert.Equal((ProfileField.City, "San Francisco", "Oakland"), (city.Field, city.OldValue, city.NewValue)),
            phone => Assert.Equal((ProfileField.Phone, "+14155550100", "+14155550199"), (phone.Field, phone.OldValue, phone.NewValue)));
        Assert.All(changes, c => Assert.Equal(("alice", ChangeSource.Customer, clock.GetUtcNow().UtcDateTime),
            (c.ActorUserId, c.Source, c.ChangedAt)));
        Assert.Equal("+14155550199", (await db.Customers.SingleAsync(c => c.Id == "alice")).Phone);
    }

    [Fact]
    public async Task A_save_based_on_an_older_version_is_refused_and_keeps_the_newer_data()
    {
        var service = ServiceFor("alice");
        var firstTab = (await service.GetAsync()).Form;
        var secondTab = (await service.GetAsync()).Form;
        firstTab.City = "Oakland";
        Assert.IsType<ProfileSaveResult.Saved>(await service.SaveAsync(firstTab));

        secondTab.City = "Berkeley";
        var result = await service.SaveAsync(secondTab);

        Assert.IsType<ProfileSaveResult.Conflict>(result);
        await using var db = database.CreateDbContext();
        Assert.Equal("Oakland", (await db.Customers.SingleAsync(c => c.Id == "alice")).City);
        Assert.Equal(1, await db.ProfileChanges.CountAsync(c => c.CustomerId == "alice"));
    }

    [Theory]
    [InlineData(nameof(ProfileForm.Phone), "12345")]
    [InlineData(nameof(ProfileForm.PostalCode), "ABCDE")]
    [InlineData(nameof(ProfileForm.FullName), "")]
    public async Task Invalid_input_is_refused_at_its_field_and_nothing_is_saved(string field, string value)
    {
        var service = ServiceFor("alice");
        var form = (await service.GetAsync()).Form;
        typeof(ProfileForm).GetProperty(field)!.SetValue(form, value);
        form.City = "Oakland";

        var result = await service.SaveAsync(form);

        var invalid = Assert.IsType<ProfileSaveResult.Invalid>(result);
        Assert.Equal([field], invalid.Errors.Keys);
        await using var db = database.CreateDbContext();
        Assert.Equal("San Francisco", (await db.Customers.SingleAsync(c => c.Id == "alice")).City);
        Assert.False(await db.ProfileChanges.AnyAsync());
    }

    [Fact]
    public async Task An_overlong_value_is_refused_with_its_limit_in_the_message()
    {
        var service = ServiceFor("alice");
        var form = (await service.GetAsync()).Form;
        form.Street = new string('x', 201);

        var invalid = Assert.IsType<ProfileSaveResult.Invalid>(await service.SaveAsync(form));

        Assert.Contains("200", Assert.Single(invalid.Errors[nameof(ProfileForm.Street)]));
    }

    [Fact]
    public async Task Each_customer_reads_and_changes_only_their_own_profile()
    {
        var bobsForm = (await ServiceFor("bob").GetAsync()).Form;
        Assert.Equal("Bob Test", bobsForm.FullName);

        // Even a form loaded from Alice's profile only ever changes the signed-in customer's record.
        var alicesForm = (await ServiceFor("alice").GetAsync()).Form;
        alicesForm.City = "Oakland";
        await ServiceFor("bob").SaveAsync(alicesForm);

        await using var db = database.CreateDbContext();
        Assert.Equal("San Francisco", (await db.Customers.SingleAsync(c => c.Id == "alice")).City);
        Assert.DoesNotContain(await db.ProfileChanges.ToListAsync(), c => c.CustomerId == "alice");
        Assert.Empty((await ServiceFor("alice").GetAsync()).RecentChanges);
    }

    [Fact]
    public async Task Staff_accounts_have_no_customer_profile_to_read()
    {
        var agent = SignedIn.User(SignedIn.As("agent", "Dana", Roles.SupportAgent));
        await Assert.ThrowsAsync<UnauthorizedAccessException>(() => ServiceFor(agent).GetAsync());
    }

    [Fact]
    public async Task Saving_an_unchanged_form_writes_no_history()
    {
        var service = ServiceFor("alice");
        var result = await service.SaveAsync((await service.GetAsync()).Form);

        Assert.IsType<ProfileSaveResult.NothingChanged>(result);
        await using var db = database.CreateDbContext();
        Assert.False(await db.ProfileChanges.AnyAsync());
    }

    public void Dispose() => database.Dispose();
}
