namespace Com1ControlPanel.Features.Customers;

/// <summary>Column sizes, shared by the database schema and the form validation so they never disagree.</summary>
public static class ContactLimits
{
    public const int Name = 100;
    public const int Street = 200;
    public const int City = 100;
    public const int PostalCode = 12;
    public const int Phone = 20;
}
