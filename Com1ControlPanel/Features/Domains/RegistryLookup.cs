using Com1ControlPanel.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Domains;

/// <summary>
/// Looks a domain up for anyone, signed in or not: the answer is only ever <see cref="RegistryPublication.PublicView"/>,
/// never the record itself, so what the public reads cannot hold more than the rule publishes.
/// </summary>
public sealed class RegistryLookup(IDbContextFactory<AppDbContext> dbFactory, IOptions<DomainOptions> options)
{
    public async Task<PublicDomain?> FindAsync(DomainName name, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var domain = await db.Domains.AsNoTracking().Include(d => d.Contacts)
            .SingleOrDefaultAsync(d => d.Name == name.Ascii, cancellationToken);
        return domain is null ? null : RegistryPublication.PublicView(domain, options.Value.Com1Contact);
    }
}
