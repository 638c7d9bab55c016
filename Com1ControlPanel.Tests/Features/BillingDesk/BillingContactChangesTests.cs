using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>Billing staff change a customer's contact data on their behalf: with how they asked, in the history, by email.</summary>
public sealed class BillingContactChangesTests(BillingDeskApp app) : IClassFixture<BillingDeskApp>
{
    private async Task<BillingSaveResult> SaveAsync(string customerId, Action<BillingContactForm> change,
        System.Security.Claims.ClaimsPrincipal? who = null)
    {
        BillingContactForm form;
        using (var reader = app.As(BillingDeskTestData.Billing))
        {
            form = (await reader.Get<BillingCustomers>().GetAsync(customerId))!.Contact;
        }
        using var scope = app.As(who ?? BillingDeskTestData.Billing);
        change(form);
        return await scope.Get<BillingContactChanges>().SaveAsync(customerId, form);
    }

    [Fact]
    public async Task A_change_on_the_customers_behalf_keeps_who_why_and_the_reference_and_emails_what_changed()
    {
        var customer = await app.Customers.NewAsync("Bea Billed");
        var email = customer.Email;

        var result = await SaveAsync(customer.Id, form =>
        {
            form.CountryCode = "DE";
            form.Street = "Neue Straße 5";
            form.City = "Berlin";
            form.Region = null;
            form.PostalCode = "10117";
            form.Phone = "030 901820";
            form.Reason = HowAsked.PhoneCall;
            form.Reference = "T-4711";
        });

        Assert.Equal(6, Assert.IsType<BillingSaveResult.Saved>(result).ChangedFields);
        var stored = await app.StoredAsync(customer.Id);
        Assert.Equal(("Neue Straße 5", "10117", "DE", "+4930901820", 2), (stored.Street, stored.PostalCode, stored.CountryCode, stored.Phone, stored.Version));
        var rows = await app.HistoryAsync(customer.Id);
        Assert.Equal(6, rows.Count);
        Assert.All(rows, r => Assert.Equal(("billing-staff-1", "Sam Tester", ChangeSource.BillingOnBehalf, "Phone call", "T-4711"),
            (r.ActorUserId, r.ActorName, r.Source, r.Reason, r.Reference)));
        var view = ProfileChangeView.From(rows[0], customer.Id);
        Assert.Equal("Com 1 billing (Sam Tester) on your behalf", view.ChangedBy);

        var mail = Assert.Single(await app.MessagesToAsync(customer.Id));
        Assert.Equal((email, "Com 1 billing changed your account data", MessageCategory.Essential), (mail.ToAddress, mail.Subject, mail.Category));
        Assert.Contains("Street: Neue Straße 5", mail.TextBody);
        Assert.Contains("Postal code: 10117", mail.TextBody);
        Assert.Contains("Country: Germany", mail.TextBody);
        Assert.Contains("Phone: +49 30 901820", mail.TextBody);
        Assert.Contains("Reason: Phone call (reference T-4711)", mail.TextBody);
        Assert.DoesNotContain("1 Test Street", mail.TextBody);
    }

    [Fact]
    public async Task Without_how_the_customer_asked_nothing_changes_and_the_reason_field_says_why()
    {
        var customer = await app.Customers.NewAsync();

        var result = await SaveAsync(customer.Id, form => form.City = "Oakland");

        var invalid = Assert.IsType<BillingSaveResult.Invalid>(result);
        Assert.Equal(["Choose how the customer asked for the change."], invalid.Errors[nameof(BillingContactForm.Reason)]);
        await AssertUntouchedAsync(customer.Id);
    }

    [Theory]
    [InlineData(nameof(BillingContactForm.PostalCode), "ABCDE", "This is not a valid postal code for United States.")]
    [InlineData(nameof(BillingContactForm.Phone), "12345", "This is not a valid phone number in United States.")]
    [InlineData(nameof(BillingContactForm.City), "", "Enter the city.")]
    [InlineData(nameof(BillingContactForm.Reference), "a reference that is far longer than fifty characters, which is the limit", "Keep the reference to 50 characters or fewer.")]
    public async Task Bad_input_is_refused_at_its_field_and_changes_nothing(string field, string value, string message)
    {
        var customer = await app.Customers.NewAsync();

        var result = await SaveAsync(customer.Id, form =>
        {
            form.Reason = HowAsked.Letter;
            form.Street = "2 Other Street";
            typeof(BillingContactForm).GetProperty(field)!.SetValue(form, value);
        });

        var invalid = Assert.IsType<BillingSaveResult.Invalid>(result);
        Assert.StartsWith(message, invalid.Errors[field][0]);
        await AssertUntouchedAsync(customer.Id);
    }

    [Fact]
    public async Task A_billing_address_of_its_own_is_saved_for_the_customer_with_the_reason_and_listed_in_the_email()
    {
        var customer = await app.Customers.NewAsync();

        var result = await SaveAsync(customer.Id, form =>
        {
            form.BillingSameAsPostal = false;
            form.BillingStreet = "PO Box 77";
            form.BillingCity = "Oakland";
            form.BillingPostalCode = "94607";
            form.BillingCountryCode = "US";
            form.Reason = HowAsked.Letter;
        });

        Assert.IsType<BillingSaveResult.Saved>(result);
        var stored = await app.StoredAsync(customer.Id);
        Assert.Equal((false, "PO Box 77", "Oakland", "94607", "US"),
            (stored.BillingSameAsPostal, stored.BillingStreet, stored.BillingCity, stored.BillingPostalCode, stored.BillingCountryCode));
        Assert.Equal("1 Test Street", stored.Street);
        var rows = await app.HistoryAsync(customer.Id);
        Assert.Contains(rows, r => r.Field == ProfileField.BillingStreet && r.NewValue == "PO Box 77");
        Assert.All(rows, r => Assert.Equal((ChangeSource.BillingOnBehalf, "Letter"), (r.Source, r.Reason)));
        var mail = Assert.Single(await app.MessagesToAsync(customer.Id));
        Assert.Contains("Billing street: PO Box 77", mail.TextBody);
        Assert.Contains("Billing city: Oakland", mail.TextBody);
    }

    [Fact]
    public async Task A_billing_address_without_its_city_is_refused_at_that_field_and_changes_nothing()
    {
        var customer = await app.Customers.NewAsync();

        var result = await SaveAsync(customer.Id, form =>
        {
            form.BillingSameAsPostal = false;
            form.BillingStreet = "PO Box 77";
            form.BillingCity = " ";
            form.BillingCountryCode = "US";
            form.BillingPostalCode = "94607";
            form.Reason = HowAsked.PhoneCall;
        });

        var invalid = Assert.IsType<BillingSaveResult.Invalid>(result);
        Assert.Equal(["Enter the city."], invalid.Errors[nameof(BillingContactForm.BillingCity)]);
        await AssertUntouchedAsync(customer.Id);
        Assert.True((await app.StoredAsync(customer.Id)).BillingSameAsPostal);
    }

    [Fact]
    public async Task A_customer_who_changed_their_data_meanwhile_wins_and_billing_is_told_of_the_conflict()
    {
        var customer = await app.Customers.NewAsync();
        using var billing = app.As(BillingDeskTestData.Billing);
        var form = (await billing.Get<BillingCustomers>().GetAsync(customer.Id))!.Contact;
        using (var own = app.As(customer.Principal))
        {
            var profiles = own.Get<Com1ControlPanel.Features.Profile.ProfileService>();
            var mine = (await profiles.GetAsync()).Form;
            mine.City = "Oakland";
            Assert.IsType<Com1ControlPanel.Features.Profile.ProfileSaveResult.Saved>(await profiles.SaveAsync(mine));
        }

        form.City = "Berkeley";
        form.Reason = HowAsked.Email;
        var result = await billing.Get<BillingContactChanges>().SaveAsync(customer.Id, form);

        Assert.IsType<BillingSaveResult.Conflict>(result);
        Assert.Equal("Oakland", (await app.StoredAsync(customer.Id)).City);
        Assert.DoesNotContain(await app.HistoryAsync(customer.Id), r => r.Source == ChangeSource.BillingOnBehalf);
        Assert.Empty(await app.MessagesToAsync(customer.Id));
    }

    [Fact]
    public async Task Customers_and_support_agents_cannot_use_the_billing_desk()
    {
        var customer = await app.Customers.NewAsync();

        foreach (var who in new[] { customer.Principal, BillingDeskTestData.Agent })
        {
            await Assert.ThrowsAsync<UnauthorizedAccessException>(() => SaveAsync(customer.Id, form =>
            {
                form.City = "Oakland";
                form.Reason = HowAsked.PhoneCall;
            }, who));
        }
        await AssertUntouchedAsync(customer.Id);
    }

    [Fact]
    public async Task A_new_email_address_changes_only_when_the_customer_opens_the_link_sent_there()
    {
        var customer = await app.Customers.NewAsync("Eve Emailed");
        var email = customer.Email;
        var newEmail = $"new-{Guid.NewGuid():N}@example.net";
        using (var scope = app.As(BillingDeskTestData.Billing))
        {
            var result = await scope.Get<BillingContactChanges>()
                .RequestEmailChangeAsync(customer.Id, newEmail, HowAsked.PhoneCall);
            Assert.True(result.Succeeded, result.Error);
        }

        var confirmation = await app.Mailbox.WaitForAsync(newEmail, "Confirm your new email address");
        var notice = await app.Mailbox.WaitForAsync(email, "Your email address is being changed");
        Assert.Contains("Com 1 billing (Sam Tester) asked, on your behalf", confirmation.TextBody);
        Assert.Contains("Com 1 billing (Sam Tester) asked, on your behalf", notice.TextBody);
        Assert.Equal(email, await EmailOfAsync(customer.Id));
        Assert.Empty(await app.HistoryAsync(customer.Id));

        using var browser = app.Client();
        using var opened = await browser.GetAsync(Mailbox.FirstLink(confirmation).PathAndQuery);

        Assert.Equal(newEmail, await EmailOfAsync(customer.Id));
        var row = Assert.Single(await app.HistoryAsync(customer.Id));
        Assert.Equal((ProfileField.Email, newEmail, ChangeSource.Customer), (row.Field, row.NewValue, row.Source));
    }

    [Fact]
    public async Task An_email_change_needs_a_valid_address_and_how_the_customer_asked()
    {
        var customer = await app.Customers.NewAsync();
        var email = customer.Email;
        using var scope = app.As(BillingDeskTestData.Billing);
        var changes = scope.Get<BillingContactChanges>();

        var noReason = await changes.RequestEmailChangeAsync(customer.Id, "someone@example.net", null);
        var badAddress = await changes.RequestEmailChangeAsync(customer.Id, "not an address", HowAsked.Letter);

        Assert.Equal(("reason", "Choose how the customer asked for the change."), (noReason.Field, noReason.Error));
        Assert.Equal(("newEmail", "Enter a valid email address."), (badAddress.Field, badAddress.Error));
        Assert.Empty(await app.MessagesToAsync(customer.Id));
        Assert.Equal(email, await EmailOfAsync(customer.Id));
    }

    private async Task<string?> EmailOfAsync(string userId)
    {
        await using var db = app.CreateDbContext();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.Email).SingleAsync();
    }

    private async Task AssertUntouchedAsync(string customerId)
    {
        var stored = await app.StoredAsync(customerId);
        Assert.Equal(("1 Test Street", "San Francisco", "94102", 1), (stored.Street, stored.City, stored.PostalCode, stored.Version));
        Assert.Empty(await app.HistoryAsync(customerId));
        Assert.Empty(await app.MessagesToAsync(customerId));
    }
}
