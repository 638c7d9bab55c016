using Bunit;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Profile;
using Com1ControlPanel.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using MudBlazor.Services;

namespace Com1ControlPanel.Tests.Features.Profile;

public sealed class ContactDetailsFormTests : BunitContext, IAsyncLifetime
{
    private readonly TestDatabase database = new();

    public ContactDetailsFormTests()
    {
        using (var db = database.CreateDbContext())
        {
            TestCustomers.Add(db, "alice", "Alice Test");
        }
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
        // Created by a factory, so the container deletes the database file when the test ends.
        Services.AddSingleton<IDbContextFactory<AppDbContext>>(_ => database);
        Services.AddSingleton(SignedIn.Customer("alice"));
        Services.AddSingleton(TimeProvider.System);
        Services.AddSingleton(new Com1ControlPanel.Features.Customers.CustomerChanges(TimeProvider.System, NullLogger<Com1ControlPanel.Features.Customers.CustomerChanges>.Instance));
        Services.AddSingleton<ProfileService>();
    }

    private async Task<IRenderedComponent<ContactDetailsForm>> RenderFormAsync()
    {
        var form = (await Services.GetRequiredService<ProfileService>().GetAsync()).Form;
        // MudBlazor's pickers need their popover host on the page, as the layout provides it in the app.
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<ContactDetailsForm>(1);
            builder.AddComponentParameter(2, nameof(ContactDetailsForm.Form), form);
            builder.CloseComponent();
        });
        return host.FindComponent<ContactDetailsForm>();
    }

    private static string FieldText(IRenderedComponent<ContactDetailsForm> form, string inputId) =>
        form.Find($"#{inputId}").Closest(".mud-input-control")!.TextContent;

    [Fact]
    public async Task Typing_an_invalid_phone_shows_the_message_at_the_phone_field_before_any_save()
    {
        var form = await RenderFormAsync();

        form.Find("#profile-phone").Input("12345");

        form.WaitForAssertion(() => Assert.Contains("not a valid phone number", FieldText(form, "profile-phone")));
        Assert.DoesNotContain("not a valid", FieldText(form, "profile-mobile"));
    }

    [Fact]
    public async Task Fields_the_customer_has_not_touched_show_no_errors_yet()
    {
        var form = await RenderFormAsync();

        form.Find("#profile-city").Input("");

        form.WaitForAssertion(() => Assert.Contains("Enter the city", FieldText(form, "profile-city")));
        Assert.DoesNotContain("Enter", FieldText(form, "profile-street"));
    }

    [Fact]
    public async Task Submitting_with_an_empty_full_name_shows_the_error_and_keeps_the_saved_name()
    {
        var form = await RenderFormAsync();

        form.Find("#profile-fullname").Input("");
        await form.Find("form").SubmitAsync();

        form.WaitForAssertion(() => Assert.Contains("Enter your full name", FieldText(form, "profile-fullname")));
        await using var db = database.CreateDbContext();
        Assert.Equal("Alice Test", (await db.Customers.SingleAsync()).FullName);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    // MudBlazor's pickers hold services that can only be disposed asynchronously.
    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}
