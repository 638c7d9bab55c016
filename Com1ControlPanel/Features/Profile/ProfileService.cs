using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Profile;

/// <summary>Reads and changes the signed-in customer's account data, keeping a history of every change.</summary>
public sealed class ProfileService(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    TimeProvider time,
    ILogger<ProfileService> logger)
{
    public const int RecentChangesShown = 20;

    public async Task<ProfileView> GetAsync(CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId, cancellationToken);
        var email = await db.Users.Where(u => u.Id == customerId).Select(u => u.Email).SingleAsync(cancellationToken);
        var changes = await RecentChangesAsync(db, customerId, cancellationToken);
        return new ProfileView(ProfileForm.From(customer), email ?? "", changes);
    }

    public async Task<IReadOnlyList<ProfileChangeView>> GetRecentChangesAsync(CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await RecentChangesAsync(db, customerId, cancellationToken);
    }

    public async Task<ProfileSaveResult> SaveAsync(ProfileForm form, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        var actor = await currentUser.GetActorAsync();

        var errors = FormValidation.Validate(form);
        if (errors.Count > 0)
        {
            return new ProfileSaveResult.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var customer = await db.Customers.SingleAsync(c => c.Id == customerId, cancellationToken);
        if (customer.Version != form.Version)
        {
            return new ProfileSaveResult.Conflict();
        }

        var changes = ProfileChanges.Apply(customer, form, actor, time.GetUtcNow().UtcDateTime);
        if (changes.Count == 0)
        {
            return new ProfileSaveResult.NothingChanged();
        }

        // The version read above is what the update must still find; a save in another tab in between loses.
        db.Entry(customer).Property(c => c.Version).OriginalValue = form.Version;
        customer.Version = form.Version + 1;
        db.ProfileChanges.AddRange(changes);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ProfileSaveResult.Conflict();
        }

        logger.LogInformation("Profile of customer {CustomerId} changed by {ActorId} ({Source}): {FieldCount} fields",
            customerId, actor.UserId, actor.Source, changes.Count);
        return new ProfileSaveResult.Saved(customer.Version, changes.Count);
    }

    private static async Task<IReadOnlyList<ProfileChangeView>> RecentChangesAsync(
        AppDbContext db, string customerId, CancellationToken cancellationToken)
    {
        var rows = await db.ProfileChanges.AsNoTracking()
            .Where(c => c.CustomerId == customerId)
            .OrderByDescending(c => c.ChangedAt).ThenByDescending(c => c.Id)
            .Take(RecentChangesShown)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(c => ProfileChangeView.From(c, customerId))];
    }
}

public sealed record ProfileView(ProfileForm Form, string Email, IReadOnlyList<ProfileChangeView> RecentChanges);

public abstract record ProfileSaveResult
{
    public sealed record Saved(int Version, int FieldsChanged) : ProfileSaveResult;
    public sealed record NothingChanged : ProfileSaveResult;
    public sealed record Conflict : ProfileSaveResult;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ProfileSaveResult;
}
