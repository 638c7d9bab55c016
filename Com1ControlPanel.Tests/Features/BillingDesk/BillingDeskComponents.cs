using Bunit;
using Bunit.Rendering;
using Com1ControlPanel.Features.Customers;
using Microsoft.AspNetCore.Components;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>
/// bUnit for the billing desk's components and the customer's banner: the app's services over a database of the test's
/// own, signed in as billing staff unless a test says otherwise.
/// </summary>
public abstract class BillingDeskComponents() : ComponentTest(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero))
{
    protected override Task ArrangeAsync()
    {
        SignIn(BillingDeskTestData.Billing);
        return Task.CompletedTask;
    }

    protected async Task<Customer> AddCustomerAsync(string id, string name = "Test Customer")
    {
        await Kit.Customers.NewAsync(name, id: id);
        return Stored(id);
    }

    protected Customer Stored(string id)
    {
        using var db = Kit.CreateDbContext();
        return db.Customers.AsNoTracking().Single(c => c.Id == id);
    }

    protected List<ProfileChange> History(string id)
    {
        using var db = Kit.CreateDbContext();
        return [.. db.ProfileChanges.AsNoTracking().Where(c => c.CustomerId == id).OrderBy(c => c.Id)];
    }

    /// <summary>The component inside what the layout gives every page: popovers, dialogs and the viewer's time.</summary>
    protected IRenderedComponent<ContainerFragment> RenderInLayout<TComponent>(params (string Name, object? Value)[] parameters)
        where TComponent : IComponent =>
        RenderPage<TComponent>(parameters.ToDictionary(p => p.Name, p => p.Value));

    /// <summary>A callback for a component parameter, as a parent page would pass it.</summary>
    protected EventCallback<T> Callback<T>(Action<T> action) => EventCallback.Factory.Create(this, action);

    protected EventCallback Callback(Action action) => EventCallback.Factory.Create(this, action);

    /// <summary>The text around a field: its label, helper text and error message.</summary>
    protected static string FieldText(IRenderedComponent<ContainerFragment> page, string inputId) =>
        page.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;

    /// <summary>Opens a select by its input's id and picks the item with this text.</summary>
    protected static void Choose(IRenderedComponent<ContainerFragment> page, string inputId, string text)
    {
        page.Find($"#{inputId}").Closest(".mud-input-control")!.MouseDown();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-popover-open .mud-list-item")));
        page.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == text).Click();
    }
}
