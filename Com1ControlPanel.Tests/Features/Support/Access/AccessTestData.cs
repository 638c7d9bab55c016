using System.Security.Claims;
using Com1ControlPanel.Features.Support;
using Com1ControlPanel.Features.Support.Access;

namespace Com1ControlPanel.Tests.Features.Support.Access;

/// <summary>"Who accessed my account" as a customer (or support in their account) sees it, on a clock at a known time.</summary>
internal static class AccessTestData
{
    public static readonly DateTimeOffset Start = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    public static AccessHistoryService HistoryOf(this IPanel kit, string customerId) => kit.HistoryOf(Principals.Customer(customerId));

    public static AccessHistoryService HistoryOf(this IPanel kit, ClaimsPrincipal user) => kit.As(user).Get<AccessHistoryService>();

    public static AccessApprovalService ApprovalsOf(this IPanel kit, string customerId) => kit.ApprovalsOf(Principals.Customer(customerId));

    public static AccessApprovalService ApprovalsOf(this IPanel kit, ClaimsPrincipal user) => kit.As(user).Get<AccessApprovalService>();

    /// <summary>Com 1 support (<paramref name="agent"/>) acting in the customer's account in <paramref name="session"/>.</summary>
    public static ClaimsPrincipal SupportIn(string customerId, SupportSession session, StaffMember agent) =>
        Principals.InSession(customerId, session.Id, agent.Id, agent.Name);
}
