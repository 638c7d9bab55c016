using Com1ControlPanel.Data;

namespace Com1ControlPanel.Features.Accounts.Closing;

/// <summary>
/// A feature's own part in anonymising a closed account, for the features that build on Accounts and so cannot be called
/// from it directly (Support's help requests): <see cref="ClosedAccountRetention"/> runs every registered part inside its
/// anonymising transaction, the only one the permanent tables' triggers let change these rows.
/// </summary>
public interface IClosedAccountAnonymising
{
    /// <summary>Removes what retention removes from this feature's rows of the customer; returns the rows changed per table.</summary>
    Task<IReadOnlyDictionary<string, int>> AnonymiseAsync(AppDbContext db, string customerId, string customerNumber,
        CancellationToken cancellationToken);
}
