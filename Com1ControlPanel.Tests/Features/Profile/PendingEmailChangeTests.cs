using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Profile;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Tests.Features.Profile;

/// <summary>A change of email address waiting for its confirmation is shown on Account data and can be cancelled.</summary>
public sealed class PendingEmailChangeTests(PanelApp app) : IClassFixture<PanelApp>
{
    private async Task<TestCustomer> CustomerWhoAskedAsync(string newEmail)
    {
        var customer = await app.Customers.NewAsync("Penny Pending");
        using var scope = app.As(customer.Principal);
        Assert.True((await scope.Get<EmailChangeService>().RequestAsync(newEmail, customer.Password)).Succeeded);
        return customer;
    }

    /// <summary>A valid confirmation token for the address, as the emailed link carries.</summary>
    private async Task<IdentityResult> ConfirmAsync(TestCustomer customer, string newEmail)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var token = await users.GenerateChangeEmailTokenAsync((await users.FindByIdAsync(customer.Id))!, newEmail);
        return await scope.ServiceProvider.GetRequiredService<EmailChangeService>().ConfirmAsync(customer.Id, newEmail, token);
    }

    [Fact]
    public async Task The_address_a_change_waits_for_is_shown_until_it_is_confirmed()
    {
        var newEmail = Identities.NewEmail("penny new");
        var customer = await CustomerWhoAskedAsync(newEmail);
        using var scope = app.As(customer.Principal);

        var pending = await scope.Get<PendingEmailChanges>().GetAsync();
        Assert.Equal(newEmail, pending?.NewEmail);

        Assert.True((await ConfirmAsync(customer, newEmail)).Succeeded);
        Assert.Null(await scope.Get<PendingEmailChanges>().GetAsync());
    }

    [Fact]
    public async Task A_cancelled_change_is_no_longer_shown_and_its_link_no_longer_works()
    {
        var newEmail = Identities.NewEmail("penny cancel");
        var customer = await CustomerWhoAskedAsync(newEmail);
        using var scope = app.As(customer.Principal);

        Assert.True(await scope.Get<PendingEmailChanges>().CancelAsync());

        Assert.Null(await scope.Get<PendingEmailChanges>().GetAsync());
        Assert.False((await ConfirmAsync(customer, newEmail)).Succeeded);
        await using var db = app.CreateDbContext();
        Assert.Equal(customer.Email, await db.Users.Where(u => u.Id == customer.Id).Select(u => u.Email).SingleAsync());
    }

    [Fact]
    public async Task Asking_again_replaces_the_waiting_change_and_the_earlier_link_no_longer_works()
    {
        var first = Identities.NewEmail("penny first");
        var second = Identities.NewEmail("penny second");
        var customer = await CustomerWhoAskedAsync(first);
        using (var scope = app.As(customer.Principal))
        {
            Assert.True((await scope.Get<EmailChangeService>().RequestAsync(second, customer.Password)).Succeeded);
            Assert.Equal(second, (await scope.Get<PendingEmailChanges>().GetAsync())?.NewEmail);
        }

        Assert.False((await ConfirmAsync(customer, first)).Succeeded);
        Assert.True((await ConfirmAsync(customer, second)).Succeeded);
    }
}
