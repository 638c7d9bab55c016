using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Features.Accounts.Closing;

/// <summary>The closing page as a browser without scripts uses it, and what the panel holds about an account afterwards.</summary>
public static class ClosingSteps
{
    public const string Page = "/Account/Manage/CloseAccount";
    public const string MailSubject = "Your Com 1 account is closed";

    /// <summary>Posts the closing form with <paramref name="password"/>, the code when given, and the box ticked unless told otherwise.</summary>
    public static Task<HttpResponseMessage> CloseAccountAsync(this HttpClient client, string password, string? code = null,
        bool confirmed = true)
    {
        var fields = new Dictionary<string, string> { ["Input.Password"] = password };
        if (code is not null)
        {
            fields["Input.Code"] = code;
        }
        if (confirmed)
        {
            fields["Input.Confirmed"] = "true";
        }
        return client.SubmitFormAsync(Page, "close-account", fields);
    }

    extension(IPanel panel)
    {
        /// <summary>The account as stored: its status, closure, security stamp, marketing switches and the emails about closing.</summary>
        public async Task<AccountState> AccountStateAsync(string customerId)
        {
            await using var db = panel.CreateDbContext();
            var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == customerId);
            return new AccountState(
                customer.Status,
                await db.AccountClosures.AsNoTracking().SingleOrDefaultAsync(c => c.CustomerId == customerId),
                await db.Users.Where(u => u.Id == customerId).Select(u => u.SecurityStamp).SingleAsync(),
                await db.ConsentStates.CountAsync(s => s.CustomerId == customerId && s.Granted),
                await db.OutboxMessages.CountAsync(m => m.RecipientUserId == customerId && m.Subject == MailSubject),
                await db.ProfileChanges.AsNoTracking()
                    .Where(c => c.CustomerId == customerId && c.Field == ProfileField.AccountStatus).ToListAsync());
        }

        /// <summary>The consent records of the switches turned off by closing (the newest record of each switch).</summary>
        public async Task<List<Com1ControlPanel.Features.Preferences.ConsentRecord>> WithdrawalsAsync(string customerId, DateTime since)
        {
            await using var db = panel.CreateDbContext();
            return await db.ConsentRecords.AsNoTracking()
                .Where(r => r.CustomerId == customerId && !r.NewGranted && r.RecordedAt >= since).ToListAsync();
        }
    }
}

/// <summary>What a test checks of an account around closing.</summary>
public sealed record AccountState(
    AccountStatus Status, AccountClosure? Closure, string? SecurityStamp, int GrantedConsents, int ClosingMails,
    List<ProfileChange> StatusHistory)
{
    public ProfileChange? ClosingRow => StatusHistory.SingleOrDefault(r => r.NewValue == nameof(AccountStatus.Closed));

    public bool ClosedBy(string userId, ChangeSource source) =>
        Closure is { } closure && closure.ClosedByUserId == userId && closure.Source == source
        && ClosingRow is { } row && row.ActorUserId == userId && row.Source == source;
}
