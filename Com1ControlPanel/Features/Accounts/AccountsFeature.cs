using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Accounts.Closing;
using Com1ControlPanel.Features.Accounts.Passwords;
using Com1ControlPanel.Features.Accounts.SignIns;
using Com1ControlPanel.Features.Customers;
using Com1ControlPanel.Infrastructure.Jobs;
using Com1ControlPanel.Infrastructure.Security;
using Hangfire;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Com1ControlPanel.Features.Accounts;

public static class AccountsFeature
{
    /// <summary>
    /// ASP.NET Core Identity with its cookie, the panel's password and lockout rules, roles, sign-in recording, closing
    /// an account and the daily retention of closed accounts' data.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddPanelKeyRing(configuration, environment);

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddHttpContextAccessor();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.AddAuthorization();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedAccount = true;
                options.User.RequireUniqueEmail = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                // Length over composition (NIST SP 800-63B): 12 characters or more, anything goes.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = configuration.GetValue("Accounts:Lockout:MaxFailedAttempts", 5);
                options.Lockout.DefaultLockoutTimeSpan = configuration.GetValue("Accounts:Lockout:Duration", TimeSpan.FromMinutes(15));
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager<RecordingSignInManager>()
            .AddClaimsPrincipalFactory<PanelClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordRules>();

        // A support session's actor claims, and how and when the user signed in, must survive the periodic
        // security-stamp check, which rebuilds the principal from the database.
        services.Configure<SecurityStampValidatorOptions>(options => options.OnRefreshingPrincipal = context =>
        {
            var carried = PanelClaims.CarriedOver(context.CurrentPrincipal)
                .Where(c => context.NewPrincipal?.HasClaim(c.Type, c.Value) != true)
                .ToList();
            if (carried.Count > 0 && context.NewPrincipal?.Identity is ClaimsIdentity identity)
            {
                identity.AddClaims(carried);
            }
            return Task.CompletedTask;
        });

        // A passkey must be unlocked with the device's PIN or biometric ("required", the default). An operator may accept
        // keys without one ("preferred"); such a sign-in then does not count as two factors (RecordingSignInManager).
        services.Configure<IdentityPasskeyOptions>(options =>
            options.UserVerificationRequirement = configuration["Accounts:Passkeys:UserVerification"] ?? "required");
        services.AddSignInLifetime();
        services.AddSignInRevocations();
        services.ConfigureApplicationCookie(options =>
        {
            options.LoginPath = "/Account/Login";
            options.AccessDeniedPath = "/Account/AccessDenied";
            options.Cookie.Name = Cookies.CookieRegistry.SignIn.Name;
            options.Cookie.SameSite = SameSiteMode.Lax;
            // Secure outside Development, where the panel runs behind TLS (the cookie policy says the same for every cookie).
            options.Cookie.SecurePolicy = environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
        });
        services.AddScoped<CustomerRegistration>();
        services.AddScoped<AccountClosing>();
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.Section);
        services.AddScoped<ClosedAccountRetention>();
        services.AddRecurringJob<ClosedAccountRetention>("closed-account-retention", r => r.RunAsync(CancellationToken.None),
            Cron.Daily(), runAtStart: true);
        return services;
    }

    /// <summary>The account pages' form posts and downloads that are not pages themselves.</summary>
    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapAccountEndpoints();
        return endpoints;
    }
}
