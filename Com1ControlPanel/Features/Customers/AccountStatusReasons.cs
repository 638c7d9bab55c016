namespace Com1ControlPanel.Features.Customers;

/// <summary>Why Com 1 billing suspends an account. Each one tells the customer why, and what they can do about it.</summary>
public enum SuspensionReason
{
    PaymentOverdue,
    PaymentDeclined,
    ContactDataIncomplete,
    CustomerAsked,
    /// <summary>Anything else: the message to the customer then says what.</summary>
    Other,
}

/// <summary>Why Com 1 billing makes a suspended account active again.</summary>
public enum ReactivationReason
{
    PaymentReceived,
    IssueResolved,
    CustomerAsked,
}

/// <summary>A page of the panel where the customer can deal with the reason for a suspension themselves.</summary>
public sealed record StatusAction(string Label, string Href);

/// <summary>The words staff choose a reason by, and the words the customer reads about it (banner, email, history).</summary>
public static class StatusReasons
{
    public static string StaffLabel(this SuspensionReason reason) => reason switch
    {
        SuspensionReason.PaymentOverdue => "Invoice overdue",
        SuspensionReason.PaymentDeclined => "Card payment declined",
        SuspensionReason.ContactDataIncomplete => "Contact data missing or out of date",
        SuspensionReason.CustomerAsked => "The customer asked for it",
        _ => "Other (explain in the message)",
    };

    public static string Why(this SuspensionReason reason) => reason switch
    {
        SuspensionReason.PaymentOverdue => "An invoice is overdue.",
        SuspensionReason.PaymentDeclined => "Your last card payment was declined.",
        SuspensionReason.ContactDataIncomplete => "We need your up-to-date postal address and phone number for your invoices.",
        SuspensionReason.CustomerAsked => "You asked us to suspend your account.",
        _ => "Com 1 billing suspended your account.",
    };

    public static string WhatToDo(this SuspensionReason reason) => reason switch
    {
        SuspensionReason.PaymentOverdue => "Update your payment card so we can collect the payment, or call Com 1 billing.",
        SuspensionReason.PaymentDeclined => "Update your payment card, or call Com 1 billing.",
        SuspensionReason.ContactDataIncomplete => "Check and complete your account data, or call Com 1 billing.",
        SuspensionReason.CustomerAsked => "Call Com 1 billing when you want your account active again.",
        _ => "Call Com 1 billing to sort it out.",
    };

    /// <summary>Where the customer can fix it in the panel; null when only a call to billing helps.</summary>
    public static StatusAction? Action(this SuspensionReason reason) => reason switch
    {
        SuspensionReason.PaymentOverdue or SuspensionReason.PaymentDeclined => new("Update your payment card", "billing"),
        SuspensionReason.ContactDataIncomplete => new("Check your account data", "profile"),
        _ => null,
    };

    /// <summary>"Other" says nothing by itself, so it needs a message.</summary>
    public static bool NeedsMessage(this SuspensionReason reason) => reason == SuspensionReason.Other;

    public static string StaffLabel(this ReactivationReason reason) => reason switch
    {
        ReactivationReason.PaymentReceived => "Payment received",
        ReactivationReason.IssueResolved => "The reason for the suspension is resolved",
        _ => "The customer asked for it",
    };

    public static string Why(this ReactivationReason reason) => reason switch
    {
        ReactivationReason.PaymentReceived => "Your payment has arrived.",
        ReactivationReason.IssueResolved => "The reason for the suspension has been resolved.",
        _ => "You asked us to make your account active again.",
    };

    /// <summary>The reason as the customer's history keeps it: the chosen reason, then billing's message.</summary>
    public static string ForHistory(string why, string? message) =>
        string.IsNullOrWhiteSpace(message) ? why : $"{why} {message.Trim()}";
}

public static class StatusLimits
{
    /// <summary>Billing's message to the customer about a status change.</summary>
    public const int Message = 300;
}
