using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Support.Help;

/// <summary>
/// A customer asking Com 1 support for help: what about, in their words, and whether support may act in their account for
/// it (<see cref="AccessMinutes"/>). It is open until the customer closes it or it stays quiet for the configured days;
/// every step is kept in <see cref="Steps"/> with who took it and when.
/// </summary>
public sealed class HelpRequest
{
    public int Id { get; init; }
    public required string CustomerId { get; init; }
    public required string Subject { get; init; }
    public required string Description { get; init; }
    /// <summary>How long support may act in the account for this request, all its sessions together; null: not at all.</summary>
    public int? AccessMinutes { get; init; }
    public DateTime CreatedAt { get; init; }
    public HelpRequestStatus Status { get; private set; } = HelpRequestStatus.Open;
    /// <summary>The last step: the quiet period is counted from it (and from the end of the last session).</summary>
    public DateTime LastActivityAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    /// <summary>Raised by every step, so a close and a session start at the same moment never both succeed.</summary>
    public int Version { get; private set; }
    public List<HelpRequestStep> Steps { get; init; } = [];

    public string Reference => HelpReference.Of(Id);

    public bool IsOpen => Status != HelpRequestStatus.Closed;

    public static HelpRequest Create(string customerId, HelpRequestForm form, Actor customer, DateTime at)
    {
        if (customer.Source != ChangeSource.Customer)
        {
            throw new UnauthorizedAccessException("Only the customer asks for help; support cannot ask in their name.");
        }
        var request = new HelpRequest
        {
            CustomerId = customerId, Subject = form.Subject.Trim(), Description = form.Description.Trim(),
            AccessMinutes = form.AccessMinutes, CreatedAt = at, LastActivityAt = at, Version = 1,
        };
        request.Steps.Add(HelpRequestStep.Of(request, HelpStepKind.Created, customer, at));
        return request;
    }

    /// <summary>An agent started <paramref name="sessionId"/> for this request: it is being worked on.</summary>
    public void SessionStarted(Actor agent, Guid sessionId, DateTime at)
    {
        RequireOpen();
        Status = HelpRequestStatus.InProgress;
        Advance(HelpStepKind.SessionStarted, agent with { SupportSessionId = sessionId }, at);
    }

    /// <summary>The customer closes the request; nothing more is done for it and its permission ends.</summary>
    public void CloseByCustomer(Actor customer, DateTime at)
    {
        if (customer.Source != ChangeSource.Customer)
        {
            throw new UnauthorizedAccessException("Only the customer closes their request.");
        }
        Close(HelpStepKind.ClosedByCustomer, customer, at);
    }

    /// <summary>Nothing happened for the quiet period: the panel closes it.</summary>
    public void CloseAfterQuietPeriod(DateTime at) => Close(HelpStepKind.ClosedAfterQuietPeriod, Actor.System, at);

    private void Close(HelpStepKind kind, Actor by, DateTime at)
    {
        RequireOpen();
        Status = HelpRequestStatus.Closed;
        ClosedAt = at;
        Advance(kind, by, at);
    }

    private void Advance(HelpStepKind kind, Actor by, DateTime at)
    {
        LastActivityAt = at;
        Version++;
        Steps.Add(HelpRequestStep.Of(this, kind, by, at));
    }

    private void RequireOpen()
    {
        if (!IsOpen)
        {
            throw new InvalidOperationException("This request is closed.");
        }
    }
}

public enum HelpRequestStatus
{
    Open,
    /// <summary>Support started at least one session for it.</summary>
    InProgress,
    Closed,
}

/// <summary>The reference the customer and support quote: HELP- and the request's number.</summary>
public static class HelpReference
{
    private const string Prefix = "HELP-";

    public static string Of(int id) => $"{Prefix}{id:D6}";

    /// <summary>The request's number in <paramref name="reference"/>, or null when it is not a reference.</summary>
    public static int? IdOf(string? reference) =>
        reference is { Length: > 5 and < 20 } && reference.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)
        && int.TryParse(reference.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None, null, out var id) && id > 0
            ? id : null;
}
