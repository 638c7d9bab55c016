using Com1ControlPanel.Data;

namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// Which customers hold a domain matching what staff typed, for <see cref="CustomerSearch"/>. The Domains feature keeps the
/// domains and uses Customers (their owner, their history), so Customers asks through this interface instead of reading
/// Domains' types: the dependency runs one way only, and the rule of how a typed name matches a stored one (ASCII or
/// Unicode form) stays with the domains.
/// </summary>
public interface IDomainHolders
{
    /// <summary>The ids of customers with a domain whose name contains <paramref name="text"/>, as a query the search composes into its own.</summary>
    IQueryable<string> Matching(AppDbContext db, string text);
}
