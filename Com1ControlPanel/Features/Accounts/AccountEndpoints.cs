using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Primitives;
using Com1ControlPanel.Features.Accounts.Pages;
using Com1ControlPanel.Features.Accounts.Pages.Manage;
using Com1ControlPanel.Data;
using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Accounts;

internal static class AccountEndpoints
{
    private static readonly JsonSerializerOptions PersonalDataJson = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    // These endpoints are required by the Identity Razor components defined in the /Components/Account/Pages directory of this project.
    public static IEndpointConventionBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);

        var accountGroup = endpoints.MapGroup("/Account");

        accountGroup.MapPost("/PerformExternalLogin", (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string provider,
            [FromForm] string returnUrl) =>
        {
            IEnumerable<KeyValuePair<string, StringValues>> query = [
                new("ReturnUrl", returnUrl),
                new("Action", ExternalLogin.LoginCallbackAction)];

            var redirectUrl = UriHelper.BuildRelative(
                context.Request.PathBase,
                "/Account/ExternalLogin",
                QueryString.Create(query));

            var properties = signInManager.ConfigureExternalAuthenticationProperties(provider, redirectUrl);
            return TypedResults.Challenge(properties, [provider]);
        });

        accountGroup.MapPost("/Logout", async (
            ClaimsPrincipal user,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string returnUrl) =>
        {
            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect($"~/{returnUrl}");
        });

        accountGroup.MapPost("/PasskeyCreationOptions", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(context);

            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            var userName = await userManager.GetUserNameAsync(user) ?? "User";
            var optionsJson = await signInManager.MakePasskeyCreationOptionsAsync(new()
            {
                Id = userId,
                Name = userName,
                DisplayName = userName
            });
            return TypedResults.Content(optionsJson, contentType: "application/json");
        });

        accountGroup.MapPost("/PasskeyRequestOptions", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromServices] IAntiforgery antiforgery,
            [FromQuery] string? username) =>
        {
            await antiforgery.ValidateRequestAsync(context);

            var user = string.IsNullOrEmpty(username) ? null : await userManager.FindByNameAsync(username);
            var optionsJson = await signInManager.MakePasskeyRequestOptionsAsync(user);
            return TypedResults.Content(optionsJson, contentType: "application/json");
        });

        var manageGroup = accountGroup.MapGroup("/Manage").RequireAuthorization();

        manageGroup.MapPost("/LinkExternalLogin", async (
            HttpContext context,
            [FromServices] SignInManager<ApplicationUser> signInManager,
            [FromForm] string provider) =>
        {
            // Clear the existing external cookie to ensure a clean login process
            await context.SignOutAsync(IdentityConstants.ExternalScheme);

            var redirectUrl = UriHelper.BuildRelative(
                context.Request.PathBase,
                "/Account/Manage/ExternalLogins",
                QueryString.Create("Action", ExternalLogins.LinkLoginCallbackAction));

            var properties = signInManager.ConfigureExternalAuthenticationProperties(provider, redirectUrl, signInManager.UserManager.GetUserId(context.User));
            return TypedResults.Challenge(properties, [provider]);
        });

        var loggerFactory = endpoints.ServiceProvider.GetRequiredService<ILoggerFactory>();
        var downloadLogger = loggerFactory.CreateLogger("DownloadPersonalData");

        manageGroup.MapPost("/DownloadPersonalData", async (
            HttpContext context,
            [FromServices] UserManager<ApplicationUser> userManager,
            [FromServices] IDbContextFactory<AppDbContext> dbFactory) =>
        {
            var user = await userManager.GetUserAsync(context.User);
            if (user is null)
            {
                return Results.NotFound($"Unable to load user with ID '{userManager.GetUserId(context.User)}'.");
            }

            var userId = await userManager.GetUserIdAsync(user);
            downloadLogger.LogInformation("User {UserId} downloaded their personal data", userId);

            // Identity's own personal data: the [PersonalData] properties, never the password hash, security stamp or keys.
            var account = typeof(ApplicationUser).GetProperties()
                .Where(prop => Attribute.IsDefined(prop, typeof(PersonalDataAttribute)))
                .ToDictionary(prop => prop.Name, prop => prop.GetValue(user));
            var externalSignIns = (await userManager.GetLoginsAsync(user))
                .Select(login => new { Provider = login.ProviderDisplayName ?? login.LoginProvider, login.ProviderKey });
            // Names and dates only: a passkey's public key and counters mean nothing to its owner.
            var passkeys = (await userManager.GetPasskeysAsync(user))
                .Select(passkey => new { passkey.Name, passkey.CreatedAt });

            // Every query below is scoped to the signed-in user's id, and to nothing else.
            await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
            var customer = await db.Customers.AsNoTracking()
                .Where(c => c.Id == userId)
                .Select(c => new
                {
                    c.CustomerNumber,
                    c.Status,
                    c.CustomerSince,
                    c.FullName,
                    c.Company,
                    c.Street,
                    c.City,
                    c.Region,
                    c.PostalCode,
                    c.CountryCode,
                    c.Phone,
                    c.MobilePhone,
                    Services = c.Services.Select(s => new { s.Service, s.Plan, s.StartedOn }).ToList(),
                })
                .SingleOrDefaultAsync(context.RequestAborted);
            var profileChanges = (await db.ProfileChanges.AsNoTracking()
                    .Where(change => change.CustomerId == userId)
                    .OrderBy(change => change.ChangedAt)
                    .ToListAsync(context.RequestAborted))
                .Select(change => new
                {
                    change.ChangedAt,
                    change.Field,
                    change.OldValue,
                    change.NewValue,
                    ChangedBy = new Actor(change.ActorUserId, change.ActorName, change.Source).DescribeForCustomer(userId),
                    change.Source,
                });
            var signIns = await db.SignInRecords.AsNoTracking()
                .Where(record => record.UserId == userId)
                .OrderBy(record => record.At)
                .Select(record => new { record.At, record.Succeeded, record.Method, record.Network, record.Browser, record.Outcome })
                .ToListAsync(context.RequestAborted);
            // What was sent, not the bodies: those may hold one-time links, and the panel shows the same list.
            var messages = await db.OutboxMessages.AsNoTracking()
                .Where(message => message.RecipientUserId == userId)
                .OrderBy(message => message.CreatedAt)
                .Select(message => new { message.Subject, Created = message.CreatedAt, message.Category, message.Status, message.PanelText })
                .ToListAsync(context.RequestAborted);

            var fileBytes = JsonSerializer.SerializeToUtf8Bytes(
                new { Account = account, ExternalSignIns = externalSignIns, Passkeys = passkeys, Customer = customer, ProfileChanges = profileChanges, SignIns = signIns, Messages = messages },
                PersonalDataJson);

            context.Response.Headers.TryAdd("Content-Disposition", "attachment; filename=PersonalData.json");
            return TypedResults.File(fileBytes, contentType: "application/json", fileDownloadName: "PersonalData.json");
        });

        return accountGroup;
    }
}
