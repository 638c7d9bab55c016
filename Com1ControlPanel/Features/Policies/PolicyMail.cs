using System.Globalization;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Features.Policies;

/// <summary>The Essential email that announces a new version of the privacy policy.</summary>
public static class PolicyMail
{
    public const string Subject = "Com 1 is updating its privacy policy";

    public static OutboundEmail Upcoming(string customerId, string email, string? name, PolicyVersionInfo version, string changesUrl)
    {
        var day = PolicyDates.Day(version.EffectiveFrom);
        var content = EmailTemplate.Compose(string.IsNullOrWhiteSpace(name) ? "Com 1 customer" : name,
            [$"A new version of the Com 1 privacy policy applies from {day}.", $"What changes: {version.Summary}",
             "You can read the new version, and every change from the one before, in your control panel."],
            new EmailTemplate.Action("See what changes", changesUrl));
        return new OutboundEmail(customerId, email, Subject, content, MessageCategory.Essential,
            $"We told you that a new version of the privacy policy applies from {day}: {version.Summary}");
    }
}

/// <summary>Effective dates are days, the same everywhere: written out in full so no reader mistakes the order.</summary>
public static class PolicyDates
{
    public static string Day(DateTime date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}

/// <summary>Paths of the public policy pages.</summary>
public static class PolicyLinks
{
    public const string Privacy = "/privacy";

    public static string Version(string version) => $"/privacy/{Uri.EscapeDataString(version)}";

    /// <summary>What changed from <paramref name="from"/> to <paramref name="to"/>; the version itself when there is nothing before it.</summary>
    public static string Changes(string? from, string to) => from is null
        ? Version(to)
        : $"/privacy/changes?from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";
}
