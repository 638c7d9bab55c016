using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Tests.Support;

/// <summary>The staff customer search outside a web host, with the production search limit.</summary>
public static class StaffSearches
{
    public static CustomerSearch For(IDbContextFactory<AppDbContext> database, CurrentUser user, TimeProvider time) =>
        new(database, user, new StaffSearchLimit(Options.Create(new RateLimitOptions())), time, NullLogger<CustomerSearch>.Instance);
}
