namespace Com1ControlPanel.Features.Customers;

/// <summary>The services Com 1 Communications sells.</summary>
public enum Service
{
    ECommerce,
    ResponsiveWebDesign,
    EmailMarketing,
    CmsSolutions,
    SeoSem,
    PciCompliance,
    DedicatedServers,
    SoftwareDevelopment,
    DatabaseManagement,
    RemoteBackup,
    WebsiteTranslation,
}

public static class ServiceCatalogue
{
    private static readonly Dictionary<Service, string> Names = new()
    {
        [Service.ECommerce] = "E-commerce solutions",
        [Service.ResponsiveWebDesign] = "Responsive web design",
        [Service.EmailMarketing] = "Email marketing",
        [Service.CmsSolutions] = "CMS solutions",
        [Service.SeoSem] = "SEO/SEM services",
        [Service.PciCompliance] = "PCI compliance",
        [Service.DedicatedServers] = "Dedicated servers",
        [Service.SoftwareDevelopment] = "Software development",
        [Service.DatabaseManagement] = "Database management",
        [Service.RemoteBackup] = "Remote backup",
        [Service.WebsiteTranslation] = "Website translation",
    };

    public static string DisplayName(this Service service) => Names[service];
}
