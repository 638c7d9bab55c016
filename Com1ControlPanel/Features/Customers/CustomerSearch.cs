using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.Customers;

/// <summary>
/// Finds customers for staff by name, customer number, email, phone (typed in any format) or domain. Staff only, checked
/// on the server; one query, at most <see cref="MaxResults"/> customers. Staff accounts are never customers, so they never
/// show up here.
/// </summary>
public sealed class CustomerSearch(IDbContextFactory<AppDbContext> dbFactory, CurrentUser currentUser)
{
    public const int MaxResults = 20;
    public const int MinLength = 2;
    public const int MaxLength = 100;

    /// <summary>Who may search: every staff role (compliance records disclosures, agents and billing help customers).</summary>
    public static readonly IReadOnlyList<string> AllowedRoles = [Roles.ComplianceOfficer, Roles.SupportAgent, Roles.Billing, Roles.Admin];

    // Fewer digits than this would match far too many numbers to be a phone search.
    private const int MinPhoneDigits = 6;

    public async Task<IReadOnlyList<CustomerMatch>> FindAsync(string? query, CancellationToken cancellationToken = default)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (principal.Identity?.IsAuthenticated != true || !AllowedRoles.Any(principal.IsInRole)
            || principal.FindFirstValue(ClaimTypes.NameIdentifier) is null)
        {
            throw new UnauthorizedAccessException("Only Com 1 staff can search customers.");
        }
        var text = query?.Trim() ?? "";
        if (text.Length < MinLength || text.Length > MaxLength)
        {
            return [];
        }

        var lower = text.ToLowerInvariant();
        var upper = text.ToUpperInvariant();
        var phone = PhoneDigits(text);
        var byPhone = phone is not null;
        phone ??= "";

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Lower-casing both sides keeps the comparison case-insensitive on SQLite and PostgreSQL alike.
        return await (
                from customer in db.Customers
                join user in db.Users on customer.Id equals user.Id
                where customer.FullName.ToLower().Contains(lower)
                      || customer.CustomerNumber == upper
                      || user.NormalizedEmail!.Contains(upper)
                      || (byPhone && (customer.Phone!.EndsWith(phone) || customer.MobilePhone!.EndsWith(phone)))
                      || db.CustomerDomains.Any(d => d.CustomerId == customer.Id && d.Name.Contains(lower))
                orderby customer.FullName, customer.CustomerNumber
                select new CustomerMatch(customer.Id, customer.CustomerNumber, customer.FullName, user.Email ?? "", customer.City,
                    customer.Status))
            .Take(MaxResults)
            .ToListAsync(cancellationToken);
    }

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
}

public sealed record CustomerMatch(string Id, string CustomerNumber, string FullName, string Email, string? City, AccountStatus Status);
