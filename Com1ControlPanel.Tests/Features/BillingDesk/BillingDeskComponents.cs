using System.Security.Claims;
using Bunit;
using Com1ControlPanel.Components;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.BillingDesk;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Email;
using Com1ControlPanel.Infrastructure.Hosting;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor;
using MudBlazor.Services;

namespace Com1ControlPanel.Tests.Features.BillingDesk;

/// <summary>
/// bUnit for the billing desk's components and the customer's banner: the real services on a database of the test's
/// own, with <see cref="SignIn"/> choosing who the server believes is signed in.
/// </summary>
public abstract class BillingDeskComponents : BunitContext, IAsyncLifetime
{
    protected readonly TestDatabase Database = new();
    protected readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    protected BillingDeskComponents()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddLogging();
        // Created by a factory, so the container deletes the database file when the test ends.
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(_ => Database);
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(new CustomerChanges(Clock, NullLogger<CustomerChanges>.Instance));
        Services.AddSingleton<OutboxSignal>();
        Services.AddSingleton<Outbox>();
        Services.AddSingleton(Options.Create(new PanelOptions()));
        Services.AddSingleton<PanelLinks>();
        Services.AddSingleton(Options.Create(new BillingContact()));
        Services.AddSingleton<AccountStatusEvents>();
        Services.AddSingleton<ISupportAttempts, NoSupportAttempts>();
        Services.AddScoped<AccountStatusNotice>();
        Services.AddScoped<AccountStatusDesk>();
        Services.AddScoped<BillingContactChanges>();
        Services.AddScoped<EmailChangeService>();
        Services.AddScoped<CardPageLinks>();
        SignIn(BillingDeskApp.Billing);
    }

    protected void SignIn(ClaimsPrincipal principal) => Services.AddSingleton(SignedIn.User(principal, Database, Clock));

    protected Customer AddCustomer(string id, string name = "Test Customer")
    {
        using var db = Database.CreateDbContext();
        return TestCustomers.Add(db, id, name);
    }

    protected Customer Stored(string id)
    {
        using var db = Database.CreateDbContext();
        return db.Customers.AsNoTracking().Single(c => c.Id == id);
    }

    protected List<ProfileChange> History(string id)
    {
        using var db = Database.CreateDbContext();
        return [.. db.ProfileChanges.AsNoTracking().Where(c => c.CustomerId == id).OrderBy(c => c.Id)];
    }

    /// <summary>The component inside the providers the layout gives every page: popovers, dialogs and the viewer's time.</summary>
    protected IRenderedComponent<Bunit.Rendering.ContainerFragment> RenderInLayout<TComponent>(
        params (string Name, object? Value)[] parameters) where TComponent : IComponent
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<CascadingValue<ViewerTime>>(2);
            builder.AddComponentParameter(3, "Value", ViewerTime.Utc);
            builder.AddComponentParameter(4, "ChildContent", (RenderFragment)(b =>
            {
                b.OpenComponent<TComponent>(0);
                foreach (var (name, value) in parameters)
                {
                    b.AddComponentParameter(1, name, value);
                }
                b.CloseComponent();
            }));
            builder.CloseComponent();
        });
    }

    /// <summary>A callback for a component parameter, as a parent page would pass it.</summary>
    protected EventCallback<T> Callback<T>(Action<T> action) => EventCallback.Factory.Create(this, action);

    protected EventCallback Callback(Action action) => EventCallback.Factory.Create(this, action);

    /// <summary>The text around a field: its label, helper text and error message.</summary>
    protected static string FieldText(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string inputId) =>
        page.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;

    /// <summary>Opens a select by its input's id and picks the item with this text.</summary>
    protected static void Choose(IRenderedComponent<Bunit.Rendering.ContainerFragment> page, string inputId, string text)
    {
        page.Find($"#{inputId}").Closest(".mud-input-control")!.MouseDown();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll(".mud-popover-open .mud-list-item")));
        page.FindAll(".mud-popover-open .mud-list-item").Single(i => i.TextContent.Trim() == text).Click();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's popovers and dialogs hold services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();

    private sealed class NoSupportAttempts : ISupportAttempts
    {
        public Task RecordCustomerOnlyAsync(string agentUserId, string customerId, CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("No support session in billing desk tests.");
    }
}
