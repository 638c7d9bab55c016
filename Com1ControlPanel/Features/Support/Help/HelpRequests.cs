using System.Security.Claims;
using Com1ControlPanel.Data;
using Com1ControlPanel.Features.Support.Access;
using Com1ControlPanel.Infrastructure.Auditing;
using Com1ControlPanel.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Com1ControlPanel.Features.Support.Help;

/// <summary>
/// The customer's side of "Get help": ask, see their requests with the sessions held for them, close one. Every query is
/// scoped to the customer the server signed in, so another customer's reference is simply not found. Only the customer
/// asks and closes: Com 1 support acting in the account is refused, and the attempt recorded.
/// </summary>
public sealed class HelpRequests(
    IDbContextFactory<AppDbContext> dbFactory,
    CurrentUser currentUser,
    SupportAttempts attempts,
    IOptions<SupportOptions> options,
    TimeProvider time,
    ILogger<HelpRequests> logger)
{
    public const string OnlyTheAccountHolder = "Only the account holder can ask for help or close a request. Com 1 support cannot do it for them.";
    public const string NotFound = "There is no such help request in your account.";

    public int MaxMinutes => options.Value.MaxSessionMinutes;

    public async Task<IReadOnlyList<HelpRequestSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.HelpRequests.AsNoTracking().Where(r => r.CustomerId == customerId)
            .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Subject, r.Status, r.CreatedAt, r.AccessMinutes })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new HelpRequestSummary(HelpReference.Of(r.Id), r.Subject, r.Status, r.CreatedAt, r.AccessMinutes))];
    }

    /// <summary>The request named by <paramref name="reference"/>, when it is the signed-in customer's; otherwise null.</summary>
    public async Task<HelpRequestView?> GetAsync(string? reference, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        var actingAsSupport = await currentUser.IsSupportSessionAsync();
        if (HelpReference.IdOf(reference) is not { } id)
        {
            return null;
        }
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.HelpRequests.AsNoTracking().Include(r => r.Steps)
            .SingleOrDefaultAsync(r => r.Id == id && r.CustomerId == customerId, cancellationToken);
        if (request is null)
        {
            return null;
        }
        var sessions = await AccessHistoryService.SessionsAsync(db, customerId, olderThan: null, now, cancellationToken,
            pageSize: 100, helpRequestId: id);
        var minutesLeft = await HelpPermissions.MinutesLeftAsync(db, request, now, cancellationToken);
        return new HelpRequestView(request.Reference, request.Subject, request.Description, request.Status, request.CreatedAt,
            request.AccessMinutes, minutesLeft, actingAsSupport,
            [.. request.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(s => new HelpStepView(s.At, s.Kind.Label(), s.Actor.DescribeForCustomer(customerId)))],
            sessions.Items);
    }

    public async Task<HelpResult> CreateAsync(HelpRequestForm form, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        if (await RefuseSupportAsync(customerId, CustomerOnlyActions.AskForHelp) is { } refused)
        {
            return refused;
        }
        var errors = form.Validate(MaxMinutes);
        if (errors.Count > 0)
        {
            logger.LogInformation("Help request of customer {CustomerId} refused: invalid {Fields}", customerId, string.Join(", ", errors.Keys));
            return new HelpResult.Invalid(errors);
        }
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = HelpRequest.Create(customerId, form, actor, time.GetUtcNow().UtcDateTime);
        db.HelpRequests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Help request {RequestId} created by customer {CustomerId}", request.Id, customerId);
        return new HelpResult.Saved(request.Reference, $"Sent: Com 1 support has your request {request.Reference}.");
    }

    public async Task<HelpResult> CloseAsync(string? reference, CancellationToken cancellationToken = default)
    {
        var customerId = await currentUser.GetCustomerIdAsync();
        if (await RefuseSupportAsync(customerId, CustomerOnlyActions.CloseHelpRequest) is { } refused)
        {
            return refused;
        }
        if (HelpReference.IdOf(reference) is not { } id)
        {
            return new HelpResult.Refused(NotFound);
        }
        var actor = await currentUser.GetActorAsync();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.HelpRequests.SingleOrDefaultAsync(r => r.Id == id && r.CustomerId == customerId, cancellationToken);
        if (request is null)
        {
            return new HelpResult.Refused(NotFound);
        }
        if (!request.IsOpen)
        {
            return new HelpResult.Refused("This request is already closed.");
        }
        request.CloseByCustomer(actor, time.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new HelpResult.Refused("This request changed at the same moment. Look at it again and try once more.");
        }
        logger.LogInformation("Help request {RequestId} closed by customer {CustomerId}", id, customerId);
        return new HelpResult.Saved(request.Reference, $"Closed: {request.Reference} no longer lets support into your account.");
    }

    // The customer asks and closes; an agent in a session never does it in their name (the guard refuses the page too).
    private async Task<HelpResult?> RefuseSupportAsync(string customerId, string attempted)
    {
        var principal = await currentUser.GetPrincipalAsync();
        if (!principal.IsSupportSession())
        {
            return null;
        }
        var agentId = principal.FindFirstValue(SupportClaims.ActorId) ?? "unknown";
        await attempts.RecordAsync(agentId, customerId, SupportRefusal.ForbiddenDuringSession, attempted);
        logger.LogWarning("Support agent {AgentId} tried to ask for help or close a request during a session", agentId);
        return new HelpResult.Refused(OnlyTheAccountHolder);
    }
}
