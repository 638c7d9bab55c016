using Bunit;
using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>The billing desk's contact form: rules at the field as staff type, and nothing saved without the reason.</summary>
public sealed class BillingContactEditorTests : BillingDeskComponents
{
    private async Task<IRenderedComponent<Bunit.Rendering.ContainerFragment>> RenderEditorAsync(Action? saved = null)
    {
        var customer = await AddCustomerAsync("bea", "Bea Billed");
        return RenderInLayout<BillingContactEditor>(
            (nameof(BillingContactEditor.CustomerId), customer.Id),
            (nameof(BillingContactEditor.Form), BillingContactForm.From(customer)),
            (nameof(BillingContactEditor.Saved), Callback(() => saved?.Invoke())));
    }

    [Fact]
    public async Task Saving_without_how_the_customer_asked_says_so_at_that_field_and_saves_nothing()
    {
        var page = await RenderEditorAsync();

        page.Find("#billing-city").Input("Oakland");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("Choose how the customer asked for the change.", FieldText(page, "billing-reason")));
        Assert.Equal("San Francisco", Stored("bea").City);
        Assert.Empty(History("bea"));
    }

    [Fact]
    public async Task An_invalid_postal_code_shows_its_message_at_the_field_as_staff_type()
    {
        var page = await RenderEditorAsync();

        page.Find("#billing-postalcode").Input("ABC");

        page.WaitForAssertion(() => Assert.Contains("not a valid postal code for United States", FieldText(page, "billing-postalcode")));
    }

    [Fact]
    public async Task A_change_with_its_reason_is_saved_for_the_customer_and_the_page_is_told()
    {
        var saves = 0;
        var page = await RenderEditorAsync(() => saves++);

        page.Find("#billing-city").Input("Oakland");
        Choose(page, "billing-reason", "Letter");
        page.Find("#billing-reference").Input("Letter of 2 Nov");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(1, saves));
        Assert.Equal("Oakland", Stored("bea").City);
        var row = Assert.Single(History("bea"));
        Assert.Equal(("Letter", "Letter of 2 Nov", ChangeSource.BillingOnBehalf), (row.Reason, row.Reference, row.Source));
    }

    [Fact]
    public async Task Staff_open_the_billing_address_fields_and_save_an_address_of_its_own()
    {
        var page = await RenderEditorAsync();
        Assert.Empty(page.FindAll("#billing-address-street"));

        page.Find("#billing-address-same").Change(false);
        page.Find("#billing-address-street").Input("PO Box 77");
        page.Find("#billing-address-city").Input("Oakland");
        page.Find("#billing-address-postalcode").Input("94607");
        Choose(page, "billing-reason", "Phone call");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Equal(("PO Box 77", "Oakland", false),
            (Stored("bea").BillingStreet, Stored("bea").BillingCity, Stored("bea").BillingSameAsPostal)));
    }

    [Fact]
    public async Task A_save_over_newer_data_shows_the_conflict_and_keeps_the_newer_data()
    {
        var page = await RenderEditorAsync();
        using (var db = Kit.CreateDbContext())
        {
            var bea = db.Customers.Single(c => c.Id == "bea");
            bea.City = "Berkeley";
            bea.Version++;
            db.SaveChanges();
        }

        page.Find("#billing-city").Input("Oakland");
        Choose(page, "billing-reason", "Phone call");
        page.Find("form").Submit();

        page.WaitForAssertion(() => Assert.Contains("changed (by the customer or a colleague)", page.Find("#billing-conflict").TextContent));
        Assert.Equal("Berkeley", Stored("bea").City);
        Assert.Empty(History("bea"));
    }
}
