using Com1ControlPanel.Infrastructure.Auditing;

namespace Com1ControlPanel.Features.Domains.ContactMoves;

/// <summary>
/// A customer's request to make another company the Technical Contact of one of their domains, and where it stands. What
/// was asked never changes; it moves only forward, one step at a time (<see cref="Refusal"/> says which steps it allows),
/// and every step is kept for good in <see cref="Steps"/> with who took it and when. Only one request of a domain is open
/// (waiting or being worked on) at a time.
/// </summary>
public sealed class TechnicalContactMove
{
    public int Id { get; init; }
    public int DomainId { get; init; }
    /// <summary>Whose domain it is, so every customer query is scoped without a join.</summary>
    public required string CustomerId { get; init; }

    /// <summary>The new Technical Contact: the company, the person there, how the registry reaches them.</summary>
    public required string Company { get; init; }
    public required string ContactPerson { get; init; }
    public required string Email { get; init; }
    /// <summary>E.164.</summary>
    public required string Phone { get; init; }
    /// <summary>ISO 3166-1 alpha-2, from the phone number: the registry records a contact's country.</summary>
    public required string CountryCode { get; init; }
    /// <summary>What the customer tells the hostmaster, if anything.</summary>
    public string? Note { get; init; }
    public DateTime SubmittedAt { get; init; }

    public MoveStatus Status { get; private set; } = MoveStatus.Open;

    /// <summary>The hostmaster who took the request: only they complete or reject it.</summary>
    public string? TakenByUserId { get; private set; }
    public string? TakenByName { get; private set; }
    public DateTime? TakenAt { get; private set; }

    /// <summary>When it was completed, rejected or cancelled.</summary>
    public DateTime? ClosedAt { get; private set; }

    /// <summary>Raised by every step, so two people acting at once never both succeed.</summary>
    public int Version { get; private set; }

    public List<MoveStep> Steps { get; init; } = [];

    public bool IsOpen => Status is MoveStatus.Open or MoveStatus.Taken;

    /// <summary>A new request, with its first step: submitted by <paramref name="by"/> (the customer, or support on their behalf).</summary>
    public static TechnicalContactMove Submit(int domainId, string customerId, DomainContactValues newContact, string? note, Actor by,
        DateTime at)
    {
        RequireCustomerSide(by);
        var move = new TechnicalContactMove
        {
            DomainId = domainId, CustomerId = customerId, Company = newContact.Organisation ?? newContact.Name,
            ContactPerson = newContact.Name, Email = newContact.Email, Phone = newContact.Phone, CountryCode = newContact.CountryCode,
            Note = note, SubmittedAt = at, Version = 1,
        };
        move.Steps.Add(MoveStep.Of(move, MoveStepKind.Submitted, by, at));
        return move;
    }

    /// <summary>The new Technical Contact as the domain record takes it: a company, with the person to ask for.</summary>
    public DomainContactValues NewContact => new()
    {
        Kind = ContactKind.Organisation, Organisation = Company, Name = ContactPerson, Email = Email, Phone = Phone, CountryCode = CountryCode,
    };

    /// <summary>Why <paramref name="step"/> by user <paramref name="userId"/> cannot happen now, in words for them; null when it can.</summary>
    public string? Refusal(MoveStepKind step, string userId) => (step, Status) switch
    {
        (MoveStepKind.Submitted, _) => "A request is submitted once.",
        (_, MoveStatus.Cancelled) => "The customer cancelled this request.",
        (_, MoveStatus.Completed) => "This request is already completed: the Technical Contact has moved.",
        (_, MoveStatus.Rejected) => "This request was rejected.",
        (MoveStepKind.Taken, MoveStatus.Taken) when TakenByUserId == userId => "You are already working on this request.",
        (MoveStepKind.Taken, MoveStatus.Taken) => $"{TakenByName} is already working on this request.",
        (MoveStepKind.Cancelled, MoveStatus.Taken) =>
            "A hostmaster is already working on this request, so it can no longer be cancelled.",
        (MoveStepKind.Completed or MoveStepKind.Rejected, MoveStatus.Open) => "Take the request first: then it is yours to finish.",
        (MoveStepKind.Completed or MoveStepKind.Rejected, MoveStatus.Taken) when TakenByUserId != userId =>
            $"{TakenByName} is working on this request: only they can finish it.",
        _ => null,
    };

    /// <summary>A hostmaster takes the request: nobody else works it from now on, and the customer can no longer cancel.</summary>
    public MoveStep Take(Actor hostmaster, DateTime at)
    {
        RequireHostmaster(hostmaster);
        var step = Advance(MoveStepKind.Taken, MoveStatus.Taken, hostmaster, at);
        (TakenByUserId, TakenByName, TakenAt) = (hostmaster.UserId, hostmaster.DisplayName, at);
        return step;
    }

    /// <summary>The customer (or support on their behalf) withdraws the request before a hostmaster takes it.</summary>
    public MoveStep Cancel(Actor by, DateTime at)
    {
        RequireCustomerSide(by);
        return Close(MoveStepKind.Cancelled, MoveStatus.Cancelled, by, at);
    }

    /// <summary>The hostmaster who took it has moved the Technical Contact.</summary>
    public MoveStep Complete(Actor hostmaster, DateTime at)
    {
        RequireHostmaster(hostmaster);
        return Close(MoveStepKind.Completed, MoveStatus.Completed, hostmaster, at);
    }

    /// <summary>The hostmaster who took it will not move the Technical Contact, for <paramref name="reason"/>, which the customer reads.</summary>
    public MoveStep Reject(Actor hostmaster, string reason, DateTime at)
    {
        RequireHostmaster(hostmaster);
        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ArgumentException("A rejection needs a reason the customer can read.", nameof(reason));
        }
        return Close(MoveStepKind.Rejected, MoveStatus.Rejected, hostmaster, at, reason.Trim());
    }

    private MoveStep Close(MoveStepKind kind, MoveStatus to, Actor by, DateTime at, string? reason = null)
    {
        var step = Advance(kind, to, by, at, reason);
        ClosedAt = at;
        return step;
    }

    private MoveStep Advance(MoveStepKind kind, MoveStatus to, Actor by, DateTime at, string? reason = null)
    {
        if (Refusal(kind, by.UserId) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
        Status = to;
        Version++;
        var step = MoveStep.Of(this, kind, by, at, reason);
        Steps.Add(step);
        return step;
    }

    // The customer decides whether to ask; only a hostmaster carries a request out. Anyone else is a mistake in the code.
    private static void RequireCustomerSide(Actor actor)
    {
        if (actor.Source is not (ChangeSource.Customer or ChangeSource.SupportOnBehalf))
        {
            throw new UnauthorizedAccessException("Only the customer, or support on their behalf, asks for or cancels a move.");
        }
    }

    private static void RequireHostmaster(Actor actor)
    {
        if (actor.Source != ChangeSource.Hostmaster)
        {
            throw new UnauthorizedAccessException("Only a hostmaster takes, completes or rejects a move.");
        }
    }
}

/// <summary>Where a request stands. Open and Taken are "open": the domain can have no other request then.</summary>
public enum MoveStatus
{
    /// <summary>Waiting in the hostmaster queue; the customer can still cancel it.</summary>
    Open,
    /// <summary>A hostmaster is working on it.</summary>
    Taken,
    Completed,
    Rejected,
    Cancelled,
}
