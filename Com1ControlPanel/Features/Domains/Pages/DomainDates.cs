using System.Globalization;

namespace Com1ControlPanel.Features.Domains.Pages;

/// <summary>Registration and expiry are calendar dates, the same everywhere: "15 March 2027".</summary>
public static class DomainDates
{
    public static string Show(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
