using Com1ControlPanel.Features.Customers;

namespace Com1ControlPanel.Tests.Features.Customers;

/// <summary>What happens to a closed account's data, and when, as the one place of retention rules says it.</summary>
public sealed class RetentionRulesTests
{
    private static readonly DateTime ClosedAt = new(2026, 11, 28, 15, 30, 0, DateTimeKind.Utc);

    private static Customer Closed() => new()
    {
        Id = "c1", CustomerNumber = "C-100234", CustomerSince = new DateTime(2019, 3, 1, 0, 0, 0, DateTimeKind.Utc),
        Status = AccountStatus.Closed, FullName = "Alice Morgan", Company = "Morgan & Daughters", Street = "500 Howard Street",
        City = "San Francisco", Region = "CA", PostalCode = "94105", CountryCode = "US", Phone = "+14155550100",
        MobilePhone = "+14155550101", BillingSameAsPostal = false, BillingStreet = "PO Box 7", BillingCity = "Oakland",
        BillingRegion = "CA", BillingPostalCode = "94601", BillingCountryCode = "US", RequireSupportApproval = true,
    };

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    [InlineData(31, true)]
    public void Personal_data_goes_on_day_30_after_closing_not_day_29(int days, bool due) =>
        Assert.Equal(due, RetentionRules.IsAnonymisationDue(ClosedAt, ClosedAt.AddDays(days), RetentionRules.DefaultClosedAccountDays));

    [Fact]
    public void The_30_days_are_counted_to_the_moment_of_closing()
    {
        var day30 = ClosedAt.AddDays(30);
        Assert.False(RetentionRules.IsAnonymisationDue(ClosedAt, day30.AddSeconds(-1), 30));
        Assert.True(RetentionRules.IsAnonymisationDue(ClosedAt, day30, 30));
    }

    [Fact]
    public void A_longer_setting_keeps_the_data_longer() =>
        Assert.False(RetentionRules.IsAnonymisationDue(ClosedAt, ClosedAt.AddDays(30), closedAccountDays: 60));

    [Fact]
    public void The_disclosure_log_and_consent_records_stay_six_years_then_go()
    {
        Assert.Equal(6, RetentionRules.LegalRecordYears);
        Assert.False(RetentionRules.IsRecordRemovalDue(ClosedAt, ClosedAt.AddYears(6).AddDays(-1)));
        Assert.True(RetentionRules.IsRecordRemovalDue(ClosedAt, ClosedAt.AddYears(6)));
    }

    [Fact]
    public void Anonymising_puts_the_customer_number_for_the_name_and_clears_company_addresses_and_phones()
    {
        var customer = Closed();

        RetentionRules.Anonymise(customer);

        Assert.Equal("C-100234", customer.FullName);
        Assert.All(new[] { customer.Company, customer.Street, customer.City, customer.Region, customer.PostalCode, customer.Phone,
            customer.MobilePhone, customer.BillingStreet, customer.BillingCity, customer.BillingRegion, customer.BillingPostalCode,
            customer.BillingCountryCode }, Assert.Null);
        Assert.True(customer.BillingSameAsPostal);
    }

    [Fact]
    public void Anonymising_keeps_what_names_nobody_number_country_status_and_dates()
    {
        var customer = Closed();

        RetentionRules.Anonymise(customer);

        Assert.Equal(("c1", "C-100234", "US", AccountStatus.Closed, new DateTime(2019, 3, 1, 0, 0, 0, DateTimeKind.Utc)),
            (customer.Id, customer.CustomerNumber, customer.CountryCode, customer.Status, customer.CustomerSince));
    }

    [Theory]
    [InlineData(ProfileField.FullName, "Alice Morgan", "C-100234")]
    [InlineData(ProfileField.Street, "500 Howard Street", null)]
    [InlineData(ProfileField.Phone, "+14155550100", null)]
    [InlineData(ProfileField.MobilePhone, "+14155550101", null)]
    [InlineData(ProfileField.Email, "alice@example.com", null)]
    [InlineData(ProfileField.Company, "Morgan & Daughters", null)]
    [InlineData(ProfileField.BillingPostalCode, "94601", null)]
    [InlineData(ProfileField.Country, "US", "US")]
    [InlineData(ProfileField.AccountStatus, "Closed", "Closed")]
    [InlineData(ProfileField.PaymentCard, "Visa ending 4242, expires 01/2027", "Visa ending 4242, expires 01/2027")]
    [InlineData(ProfileField.SupportApproval, "On", "On")]
    [InlineData(ProfileField.FullName, null, null)]
    public void The_history_keeps_the_change_but_not_the_contact_data(ProfileField field, string? value, string? kept) =>
        Assert.Equal(kept, RetentionRules.HistoryValue(field, value, "C-100234"));

    [Fact]
    public void In_kept_records_the_customer_becomes_their_number_and_staff_keep_their_names()
    {
        Assert.Equal("C-100234", RetentionRules.ActorName("c1", "Alice Morgan", "c1", "C-100234"));
        Assert.Equal("Sam Patel", RetentionRules.ActorName("billing-1", "Sam Patel", "c1", "C-100234"));
    }

    [Fact]
    public void The_sign_in_address_becomes_one_nobody_receives_and_no_other_account_has()
    {
        var placeholder = RetentionRules.PlaceholderEmail("C-100234");

        Assert.Equal("closed-c-100234@closed.invalid", placeholder);
        Assert.EndsWith(".invalid", placeholder, StringComparison.Ordinal);
        Assert.NotEqual(placeholder, RetentionRules.PlaceholderEmail("C-100235"));
        Assert.True(new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(placeholder));
    }

    [Theory]
    [InlineData("Customers", Treatment.Anonymised, Treatment.Kept)]
    [InlineData("AspNetUsers", Treatment.Anonymised, Treatment.Kept)]
    [InlineData("PaymentCards", Treatment.Removed, Treatment.Removed)]
    [InlineData("AspNetUserPasskeys", Treatment.Removed, Treatment.Removed)]
    [InlineData("AspNetUserTokens", Treatment.Removed, Treatment.Removed)]
    [InlineData("DomainContacts", Treatment.Anonymised, Treatment.Kept)]
    [InlineData("SignInRecords", Treatment.Shortened, Treatment.Kept)]
    [InlineData("ProfileChanges", Treatment.Anonymised, Treatment.Kept)]
    [InlineData("ConsentRecords", Treatment.Anonymised, Treatment.Removed)]
    [InlineData("DisclosureEntries", Treatment.Kept, Treatment.Removed)]
    [InlineData("DisclosureChainHeads", Treatment.Kept, Treatment.Removed)]
    public void Each_table_is_kept_anonymised_or_removed_at_each_step(string table, Treatment afterDays, Treatment afterYears)
    {
        var rule = RetentionRules.For(table);
        Assert.Equal((afterDays, afterYears), (rule.AfterClosedAccountDays, rule.AfterLegalRecordYears));
    }

    [Fact]
    public void Nothing_removed_after_30_days_comes_back_as_kept_later() =>
        Assert.DoesNotContain(RetentionRules.Tables,
            t => t.AfterClosedAccountDays == Treatment.Removed && t.AfterLegalRecordYears != Treatment.Removed);
}
