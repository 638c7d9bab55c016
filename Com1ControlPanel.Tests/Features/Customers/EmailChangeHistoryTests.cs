using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Tests.Kit;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Com1ControlPanel.Tests.Features.Customers;

/// <summary>A confirmed email address change and its history row are one transaction.</summary>
public sealed class EmailChangeHistoryTests(PanelApp app) : IClassFixture<PanelApp>
{
    private async Task<(string Id, string Token)> AskForChangeAsync(string email, string newEmail)
    {
        var customer = await app.Customers.NewAsync("Erin Email", email: email);
        using (var asCustomer = app.As(customer.Principal))
        {
            Assert.True((await asCustomer.Get<EmailChangeService>().RequestAsync(newEmail, customer.Password)).Succeeded);
        }
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(customer.Id);
        return (customer.Id, await users.GenerateChangeEmailTokenAsync(user!, newEmail));
    }

    private async Task<IdentityResult> ConfirmAsync(string id, string newEmail, string token)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<EmailChangeService>().ConfirmAsync(id, newEmail, token);
    }

    private async Task<(string? Email, string? UserName, int Version, List<ProfileChange> History)> StateAsync(string id)
    {
        await using var db = app.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Id == id);
        var version = await db.Customers.Where(c => c.Id == id).Select(c => c.Version).SingleAsync();
        return (user.Email, user.UserName, version, await db.ProfileChanges.Where(c => c.CustomerId == id).ToListAsync());
    }

    // Test customers start at version 1.
    private const int StartVersion = 1;

    [Fact]
    public async Task A_confirmed_change_is_kept_with_its_history_row_made_by_the_customer()
    {
        var (id, token) = await AskForChangeAsync("erin.before@example.com", "erin.after@example.com");

        var result = await ConfirmAsync(id, "erin.after@example.com", token);

        Assert.True(result.Succeeded);
        var (email, userName, version, history) = await StateAsync(id);
        Assert.Equal(("erin.after@example.com", "erin.after@example.com", StartVersion + 1), (email, userName, version));
        var row = Assert.Single(history);
        Assert.Equal((ProfileField.Email, "erin.before@example.com", "erin.after@example.com", id, ChangeSource.Customer, (Guid?)null),
            (row.Field, row.OldValue, row.NewValue, row.ActorUserId, row.Source, row.SupportSessionId));
    }

    [Fact]
    public async Task When_the_history_row_cannot_be_written_the_address_stays_as_it_was()
    {
        var (id, token) = await AskForChangeAsync("fred.before@example.com", "fred.after@example.com");
        await using (var db = app.CreateDbContext())
        {
            // Only this customer's history is refused (the id is a GUID the app made), so other tests are not touched.
            await db.Database.AddRefusalAsync("RefuseFredsHistory", "INSERT", "ProfileChanges", "history refused",
                when: $"NEW.\"CustomerId\" = '{id}'");
        }

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => ConfirmAsync(id, "fred.after@example.com", token));

        var (email, userName, version, history) = await StateAsync(id);
        Assert.Equal(("fred.before@example.com", "fred.before@example.com", StartVersion), (email, userName, version));
        Assert.Empty(history);
    }
}
