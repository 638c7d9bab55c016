namespace Com1ControlPanel.Tests.EndToEnd.Pages;

/// <summary>Who opens a page in the page-by-page checks: a visitor, a customer, a member of staff, or an agent in a session.</summary>
public enum Visitor
{
    Anonymous,
    Customer,
    Agent,
    AgentInSession,
    Billing,
    Hostmaster,
    Compliance,
    Admin,

    /// <summary>Someone with an authenticator app, signed in with it: the pages that manage two-factor sign-in need one.</summary>
    TwoFactorUser,

    /// <summary>Someone who gave their password and is asked for their second factor.</summary>
    HalfSignedIn,
}

/// <summary>
/// One page of the panel as a person opens it: the route it answers, the address opened (placeholders in braces are the
/// visitor's own domain, help request, customer, a policy version or the first and latest versions) and who opens it.
/// </summary>
public sealed record PanelPage(string Route, string Address, Visitor Visitor);

/// <summary>
/// Every page of the panel, each as the person it is for sees it: the accessibility checks walk this list, and a test
/// proves no routed page is missing from it (or from the few left out, each with the reason).
/// </summary>
public static class PanelPages
{
    public static readonly IReadOnlyList<PanelPage> All =
    [
        // Signing in and its messages.
        new("/Account/Login", "/Account/Login", Visitor.Anonymous),
        new("/Account/Register", "/Account/Register", Visitor.Anonymous),
        new("/Account/RegisterConfirmation", "/Account/RegisterConfirmation?email=someone%40example.net", Visitor.Anonymous),
        new("/Account/ForgotPassword", "/Account/ForgotPassword", Visitor.Anonymous),
        new("/Account/ForgotPasswordConfirmation", "/Account/ForgotPasswordConfirmation", Visitor.Anonymous),
        new("/Account/ResetPassword", "/Account/ResetPassword?code=bm90LWEtcmVhbC1jb2Rl", Visitor.Anonymous),
        new("/Account/ResetPasswordConfirmation", "/Account/ResetPasswordConfirmation", Visitor.Anonymous),
        new("/Account/InvalidPasswordReset", "/Account/InvalidPasswordReset", Visitor.Anonymous),
        new("/Account/InvalidUser", "/Account/InvalidUser", Visitor.Anonymous),
        new("/Account/ResendEmailConfirmation", "/Account/ResendEmailConfirmation", Visitor.Anonymous),
        new("/Account/Lockout", "/Account/Lockout", Visitor.Anonymous),
        new("/Account/Closed", "/Account/Closed", Visitor.Anonymous),
        new("/Account/LoginWith2fa", "/Account/LoginWith2fa", Visitor.HalfSignedIn),
        new("/Account/LoginWithRecoveryCode", "/Account/LoginWithRecoveryCode", Visitor.HalfSignedIn),
        new("/Account/AccessDenied", "/Account/AccessDenied", Visitor.Customer),

        // Public pages and the pages a link in an email opens.
        new("/privacy", "/privacy", Visitor.Anonymous),
        new("/privacy/{Version}", "/privacy/{policy}", Visitor.Anonymous),
        new("/privacy/changes", "/privacy/changes?{versions}", Visitor.Anonymous),
        new("/cookies", "/cookies", Visitor.Anonymous),
        new("/not-found", "/not-found", Visitor.Anonymous),
        new("/status/{Code:int}", "/status/500", Visitor.Anonymous),
        new("/status/429", "/status/429", Visitor.Anonymous),
        new("/Error", "/Error", Visitor.Anonymous),
        new("/unsubscribe/{Token}", "/unsubscribe/not-a-real-token", Visitor.Anonymous),
        new("/unsubscribe/done", "/unsubscribe/done", Visitor.Anonymous),
        new("/billing/link", "/billing/link?problem=Expired", Visitor.Customer),

        // The customer's panel.
        new("/", "/", Visitor.Customer),
        new("/profile", "/profile", Visitor.Customer),
        new("/preferences", "/preferences", Visitor.Customer),
        new("/disclosures", "/disclosures", Visitor.Customer),
        new("/access", "/access", Visitor.Customer),
        new("/messages", "/messages", Visitor.Customer),
        new("/billing", "/billing", Visitor.Customer),
        new("/domains", "/domains", Visitor.Customer),
        new("/domains/{Name}", "/domains/{domain}", Visitor.Customer),
        new("/help", "/help", Visitor.Customer),
        new("/help/new", "/help/new", Visitor.Customer),
        new("/help/{Reference}", "/help/{help}", Visitor.Customer),

        // Sign-in & security.
        new("/Account/Manage", "/Account/Manage", Visitor.Customer),
        new("/Account/Manage/ChangePassword", "/Account/Manage/ChangePassword", Visitor.Customer),
        new("/Account/Manage/Passkeys", "/Account/Manage/Passkeys", Visitor.Customer),
        new("/Account/Manage/PersonalData", "/Account/Manage/PersonalData", Visitor.Customer),
        new("/Account/Manage/Privacy", "/Account/Manage/Privacy", Visitor.Customer),
        new("/Account/Manage/CloseAccount", "/Account/Manage/CloseAccount", Visitor.Customer),
        new("/Account/Manage/TwoFactorAuthentication", "/Account/Manage/TwoFactorAuthentication", Visitor.Customer),
        new("/Account/Manage/EnableAuthenticator", "/Account/Manage/EnableAuthenticator", Visitor.Customer),
        new("/Account/Manage/Disable2fa", "/Account/Manage/Disable2fa", Visitor.TwoFactorUser),
        new("/Account/Manage/GenerateRecoveryCodes", "/Account/Manage/GenerateRecoveryCodes", Visitor.TwoFactorUser),
        new("/Account/Manage/ResetAuthenticator", "/Account/Manage/ResetAuthenticator", Visitor.TwoFactorUser),

        // Staff.
        new("/support", "/support", Visitor.Agent),
        new("/support/in-session", "/support/in-session", Visitor.AgentInSession),
        new("/support/not-allowed", "/support/not-allowed", Visitor.AgentInSession),
        new("/staff/billing", "/staff/billing", Visitor.Billing),
        new("/staff/billing/customers/{CustomerId}", "/staff/billing/customers/{customer}", Visitor.Billing),
        new("/staff/hostmaster", "/staff/hostmaster", Visitor.Hostmaster),
        new("/compliance/disclosures", "/compliance/disclosures", Visitor.Compliance),
        new("/admin/announcements", "/admin/announcements", Visitor.Admin),
        new("/admin/policies", "/admin/policies", Visitor.Admin),
        new("/admin/support-sessions", "/admin/support-sessions", Visitor.Admin),
    ];

    /// <summary>Routes the page-by-page checks leave out, and why.</summary>
    public static readonly IReadOnlyDictionary<string, string> LeftOut = new Dictionary<string, string>
    {
        ["/Account/ConfirmEmail"] = "answers a confirmation link with a redirect and a message on the sign-in page, which is checked",
        ["/Account/ConfirmEmailChange"] = "answers a confirmation link with a redirect and a message on Sign-in & security, which is checked",
        ["/Account/Manage/SetPassword"] = "only for an account without a password, which the panel does not make: it sends everyone else back",
        ["/Account/Manage/RenamePasskey/{Id}"] = "needs a passkey made by a real authenticator; its form is the Passkeys page's field",
    };

    /// <summary>Every page's address in both themes (plain strings, so each row is a test of its own).</summary>
    public static TheoryData<string, string> InBothThemes()
    {
        var data = new TheoryData<string, string>();
        foreach (var page in All)
        {
            data.Add(page.Address, "light");
            data.Add(page.Address, "dark");
        }
        return data;
    }

    public static PanelPage At(string address) => All.Single(page => page.Address == address);
}
