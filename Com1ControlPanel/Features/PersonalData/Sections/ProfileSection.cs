using Com1ControlPanel.Features.Customers;
using Microsoft.EntityFrameworkCore;

namespace Com1ControlPanel.Features.PersonalData.Sections;

/// <summary>The customer record as the profile page shows it.</summary>
internal static class ProfileSection
{
    public static async Task<object?> ReadAsync(ExportScope scope, CancellationToken cancellationToken)
    {
        var customer = await scope.Db.Customers.AsNoTracking().SingleOrDefaultAsync(c => c.Id == scope.UserId, cancellationToken);
        return customer is null ? null : new
        {
            customer.CustomerNumber,
            customer.CustomerSince,
            customer.FullName,
            customer.Company,
            customer.Street,
            customer.City,
            customer.Region,
            customer.PostalCode,
            customer.CountryCode,
            Country = Countries.NameOf(customer.CountryCode),
            customer.Phone,
            customer.MobilePhone,
            customer.BillingSameAsPostal,
            customer.BillingStreet,
            customer.BillingCity,
            customer.BillingRegion,
            customer.BillingPostalCode,
            customer.BillingCountryCode,
            SupportMustAskFirst = customer.RequireSupportApproval,
            customer.TimeZone,
        };
    }
}
