using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Features.Domains;

/// <summary>Staff find a customer by any part of a domain's name, typed in its ASCII or its Unicode form.</summary>
internal sealed class DomainHolders : IDomainHolders
{
    public IQueryable<string> Matching(AppDbContext db, string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        // "café-morgan" is stored as "xn--caf-morgan-…": a whole typed label also matches in its ASCII form.
        var ascii = DomainName.TryParse(lower, out var name, out _) ? name.Ascii : lower;
        return db.Domains.Where(d => d.Name.Contains(lower) || d.Name.Contains(ascii)).Select(d => d.CustomerId);
    }
}
