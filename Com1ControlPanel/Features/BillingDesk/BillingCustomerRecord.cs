using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Features.BillingDesk;

/// <summary>A customer as billing staff see them: full contact data, as their job needs, and never a secret.</summary>
public sealed record BillingCustomerRecord(
    string Id,
    string CustomerNumber,
    string FullName,
    string Email,
    DateTime CustomerSince,
    AccountStatusView Status,
    BillingContactForm Contact,
    IReadOnlyList<StaffHistoryRow> History,
    IReadOnlyList<CardLinkView> CardLinks);

/// <summary>The account status and, while suspended, what the customer's banner says.</summary>
public sealed record AccountStatusView(AccountStatus Status, SuspensionReason? Reason, string? Message, DateTime? Since);

/// <summary>A row of the customer's history as staff read it: who is named from staff's side, not the customer's.</summary>
public sealed record StaffHistoryRow(
    DateTime ChangedAt, string Field, string OldValue, string NewValue, string ChangedBy, string? Reason, string? Reference);

/// <summary>A card page link sent to the customer: when, by whom, until when, and whether it was used. Never the link.</summary>
public sealed record CardLinkView(DateTime SentAt, string SentBy, DateTime ExpiresAt, DateTime? UsedAt);

/// <summary>A customer found at the billing desk.</summary>
public sealed record BillingCandidate(string Id, string CustomerNumber, string FullName, string Email, string? City, AccountStatus Status);
