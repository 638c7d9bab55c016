using System.Security.Claims;

namespace Com1ControlPanel.Infrastructure.Security;

/// <summary>
/// The "act" claims of a support session (after RFC 8693's actor claim): the cookie is the customer's, and these say
/// which member of staff is really acting, in which session. They are copied across security-stamp revalidation.
/// </summary>
public static class SupportClaims
{
    public const string ActorId = "com1:act_sub";
    public const string ActorName = "com1:act_name";
    public const string SessionId = "com1:support_session";
    /// <summary>The session's one-time hand-back key (see SupportSession.HandBackId); it only ever lives in the cookie.</summary>
    public const string HandBackId = "com1:hand_back";

    public static readonly IReadOnlyList<string> All = [ActorId, ActorName, SessionId, HandBackId];

    public static bool IsSupportSession(this ClaimsPrincipal principal) => principal.HasClaim(c => c.Type == SessionId);

    public static Guid? SupportSessionId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(SessionId), out var id) ? id : null;
}
