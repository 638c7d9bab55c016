using System.Security.Claims;
using System.Text.RegularExpressions;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.RateLimiting;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// Finds customers for staff by name, customer number, email, phone (typed in any format) or domain. Staff only, checked
/// on the server; at least <see cref="MinLength"/> characters; so many searches per staff member (<see cref="StaffSearchLimit"/>);
/// at most <see cref="MaxResults"/> customers, saying when more match; every search that runs is recorded
/// (<see cref="StaffSearchRecord"/>). Support agents see email addresses masked, so for them an address matches only when
/// typed in full, and the result carries only the masked address. Staff accounts are never customers, so never found here.
/// </summary>
public sealed partial class CustomerSearch(
    IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser, StaffSearchLimit limit, IDomainHolders domainHolders,
    TimeProvider time, ILogger<CustomerSearch> logger)
{
    public const int MaxResults = 20;
    public const int MinLength = 3;
    public const int MaxLength = 100;

    public static readonly string TooShort = $"Type at least {MinLength} characters to search.";

    /// <summary>Who may search: every staff role (compliance records disclosures, agents and billing help customers).</summary>
    public static readonly IReadOnlyList<string> AllowedRoles = [Roles.ComplianceOfficer, Roles.SupportAgent, Roles.Billing, Roles.Admin];

    // Agents act inside a customer's account and never need the address itself; these roles work with it directly.
    private static readonly IReadOnlyList<string> FullEmailRoles = [Roles.ComplianceOfficer, Roles.Billing, Roles.Admin];

    // Fewer digits than this would match far too many numbers to be a phone search.
    private const int MinPhoneDigits = 6;

    public async Task<CustomerSearchResult<CustomerMatch>> FindAsync(string? query, CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (principal.Identity?.IsAuthenticated != true || !AllowedRoles.Any(principal.IsInRole)
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { } staffUserId)
        {
            throw new UnauthorizedAccessException("Only Com 1 staff can search customers.");
        }
        var text = query?.Trim() ?? "";
        if (text.Length < MinLength)
        {
            // Nothing is searched, so nothing is recorded.
            return CustomerSearchResult<CustomerMatch>.Refused(TooShort);
        }
        if (text.Length > MaxLength)
        {
            return CustomerSearchResult<CustomerMatch>.Refused($"Keep the search to {MaxLength} characters or fewer.");
        }
        if (limit.WaitFor(staffUserId) is { } wait)
        {
            // Refused before anything is read, so there is nothing to record; the log shows who kept trying.
            logger.LogWarning("Customer search refused for staff member {StaffUserId}: over the search limit", staffUserId);
            return CustomerSearchResult<CustomerMatch>.Refused(
                $"You have searched many times in a short time. Try again {RetryAfter.Describe(wait)}.");
        }

        var fullEmails = FullEmailRoles.Any(principal.IsInRole);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await Matching(db, text, fullEmails).Take(MaxResults + 1).ToListAsync(cancellationToken);
        var shown = found.Take(MaxResults).Select(m => fullEmails ? m : m with { Email = MaskedEmail.Of(m.Email) }).ToList();
        var kind = KindOf(text);
        db.StaffSearchRecords.Add(new StaffSearchRecord
        {
            StaffUserId = staffUserId,
            SearchedAt = time.GetUtcNow().UtcDateTime,
            Kind = kind,
            ResultCount = shown.Count,
            MoreMatched = found.Count > MaxResults,
            CustomerNumber = kind == StaffSearchKind.CustomerNumber ? text.ToUpperInvariant() : null,
        });
        // No record, no result: a search that cannot be recorded fails.
        await db.SaveChangesAsync(cancellationToken);
        return new(shown, found.Count > MaxResults);
    }

    private IQueryable<CustomerMatch> Matching(AppDbContext db, string text, bool fullEmails)
    {
        var lower = text.ToLowerInvariant();
        var upper = text.ToUpperInvariant();
        var phone = PhoneDigits(text);
        var byPhone = phone is not null;
        phone ??= "";
        var domainHoldersMatching = domainHolders.Matching(db, text);
        // Lower-casing both sides keeps the comparison case-insensitive on SQLite and PostgreSQL alike. Part of an
        // address would let an agent test guesses at the masked part, so for agents only the whole address matches.
        return from customer in db.Customers
               join user in db.Users on customer.Id equals user.Id
               where customer.FullName.ToLower().Contains(lower)
                     || customer.CustomerNumber == upper
                     || (fullEmails ? user.NormalizedEmail!.Contains(upper) : user.NormalizedEmail == upper)
                     || (byPhone && (customer.Phone!.EndsWith(phone) || customer.MobilePhone!.EndsWith(phone)))
                     || domainHoldersMatching.Contains(customer.Id)
               orderby customer.FullName, customer.CustomerNumber
               select new CustomerMatch(customer.Id, customer.CustomerNumber, customer.FullName, user.Email ?? "", customer.City,
                   customer.Status);
    }

    /// <summary>What the text looks like, for the record of the search.</summary>
    internal static StaffSearchKind KindOf(string text) =>
        text.Contains('@') ? StaffSearchKind.EmailAddress
        : PhoneDigits(text) is not null ? StaffSearchKind.Telephone
        : CustomerNumberPattern().IsMatch(text) ? StaffSearchKind.CustomerNumber
        : text.Contains('.') && !text.Any(char.IsWhiteSpace) ? StaffSearchKind.Domain
        : StaffSearchKind.Name;

    /// <summary>
    /// The digits a stored E.164 number (+14155550142) ends with, when <paramref name="text"/> looks like a phone number in
    /// any format: "+1 (415) 555-0142", "415.555.0142", "0049 30 901820" (international prefix) or "030 901820" (trunk 0).
    /// </summary>
    internal static string? PhoneDigits(string text)
    {
        if (!text.All(c => char.IsAsciiDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or '.' or '/'))
        {
            return null;
        }
        var digits = new string([.. text.Where(char.IsAsciiDigit)]);
        if (!text.TrimStart().StartsWith('+'))
        {
            digits = digits.StartsWith("00", StringComparison.Ordinal) ? digits[2..] : digits.TrimStart('0');
        }
        return digits.Length >= MinPhoneDigits ? digits : null;
    }

    // Customer numbers are "C-" and seven digits (CustomerRegistration).
    [GeneratedRegex(@"^[Cc]-[0-9]{7}$")]
    private static partial Regex CustomerNumberPattern();
}

/// <param name="Email">The full address for compliance, billing and admins; masked (a••••@example.com) for support agents.</param>
public sealed record CustomerMatch(string Id, string CustomerNumber, string FullName, string Email, string? City, AccountStatus Status);

/// <summary>What a staff search found: at most <see cref="CustomerSearch.MaxResults"/>, whether more matched, or why it was refused.</summary>
public sealed record CustomerSearchResult<T>(IReadOnlyList<T> Found, bool HasMore = false, string? Refusal = null)
{
    public static CustomerSearchResult<T> Refused(string reason) => new([], false, reason);
}
