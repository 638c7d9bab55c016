using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Com1ControlPanel.Features.UsageStatistics;

/// <summary>
/// How often a page was viewed on a day, and by how many visitors new to the site. Counts only: no visitor, customer
/// or address is stored (website usage data, which the privacy policy treats as not personal).
/// </summary>
public sealed class PageViewCount
{
    public DateOnly Day { get; init; }
    /// <summary>The page's route, e.g. "/profile" or "/unsubscribe/{token}": never the address as typed.</summary>
    public required string Page { get; init; }
    public int Views { get; set; }
    public int NewVisitors { get; set; }
}

internal sealed class PageViewCountConfiguration : IEntityTypeConfiguration<PageViewCount>
{
    public void Configure(EntityTypeBuilder<PageViewCount> count)
    {
        count.HasKey(c => new { c.Day, c.Page });
        count.Property(c => c.Page).HasMaxLength(200);
    }
}
