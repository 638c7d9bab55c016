using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Validation;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Profile;

/// <summary>Reads and changes the signed-in customer's account data; every change goes through <see cref="CustomerChanges"/>.</summary>
public sealed class ProfileService(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, CustomerChanges customerChanges)
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
        // The version the form was loaded from: a save in another tab (or by Com 1) in between wins.
        return await customerChanges.ApplyAsync(db, customerId, actor, form.ToFieldValues(), form.Version, cancellationToken) switch
        {
            CustomerChangeResult.Changed changed => new ProfileSaveResult.Saved(ProfileForm.From(changed.Customer), changed.Changes),
            CustomerChangeResult.Unchanged => new ProfileSaveResult.NothingChanged(),
            _ => new ProfileSaveResult.Conflict(),
        };
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

public sealed record ProfileView(ProfileForm Form, string Email, IReadOnlyList<ProfileChangeView> RecentChanges)
{
    /// <summary>The page after a save: the saved form, and the new history rows on top of those shown.</summary>
    public ProfileView After(ProfileSaveResult.Saved saved) =>
        this with { Form = saved.Form, RecentChanges = [.. saved.NewChanges.Concat(RecentChanges).Take(ProfileService.RecentChangesShown)] };
}

public abstract record ProfileSaveResult
{
    /// <summary>Saved: the form as now stored (new version, normalised values) and the history rows the save wrote.</summary>
    public sealed record Saved(ProfileForm Form, IReadOnlyList<ProfileChangeView> NewChanges) : ProfileSaveResult;
    public sealed record NothingChanged : ProfileSaveResult;
    public sealed record Conflict : ProfileSaveResult;
    public sealed record Invalid(IReadOnlyDictionary<string, string[]> Errors) : ProfileSaveResult;
}
