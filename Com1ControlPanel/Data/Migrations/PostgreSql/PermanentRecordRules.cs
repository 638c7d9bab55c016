namespace Com1ControlPanel.Data.Migrations.PostgreSql;

/// <summary>
/// The rules of the permanent tables on PostgreSQL, the same 59 as the SQLite triggers stand after all of the SQLite
/// migrations (<see cref="Migrations.SupportRecordRules"/>, <see cref="Migrations.RetentionExceptionRules"/> and the rest),
/// with the same names and messages: what may change once, in a retention step, or never. SQLite's "IS" (which compares
/// with NULL as a value) is "IS NOT DISTINCT FROM" here. These are the rules of the initial PostgreSQL migration: a later
/// change of a rule comes in a migration of its own, as on SQLite, and leaves this list as it was.
/// </summary>
internal static class PermanentRecordRules
{
    private static string InStep(string step) =>
        $"""EXISTS (SELECT 1 FROM "AccountClosures" WHERE "CustomerId" = OLD."CustomerId" AND "Retention" = '{step}')""";

    private static readonly string Anonymising = InStep("Anonymising");

    private static readonly string RemovingRecords = InStep("RemovingRecords");

    private const string Number = """(SELECT "CustomerNumber" FROM "Customers" WHERE "Id" = OLD."CustomerId")""";

    private const string OwnNameBecomesNumber =
        $"""(NEW."ActorName" IS NOT DISTINCT FROM OLD."ActorName" OR (OLD."ActorUserId" IS NOT DISTINCT FROM OLD."CustomerId" AND NEW."ActorName" IS NOT DISTINCT FROM {Number}))""";

    private static string ValueEmptiedOrNumber(string column) =>
        $"""(NEW."{column}" IS NOT DISTINCT FROM OLD."{column}" OR NEW."{column}" IS NULL OR NEW."{column}" IS NOT DISTINCT FROM {Number})""";

    private static readonly PostgreSqlTrigger[] Triggers =
    [
        new("AccountClosures_ClosingIsPermanent", "AccountClosures", "UPDATE OF CustomerId, ClosedAt, ClosedByUserId, Source",
            null,
            "An account closure cannot be changed"),
        new("AccountClosures_NoDelete", "AccountClosures", "DELETE",
            null,
            "Account closures are permanent and cannot be deleted"),
        new("AccountClosures_RetentionMovesForward", "AccountClosures", "UPDATE OF Retention",
            """NOT ((OLD."Retention" = 'Kept' AND NEW."Retention" = 'Anonymising') OR (OLD."Retention" = 'Anonymising' AND NEW."Retention" = 'Anonymised') OR (OLD."Retention" = 'Anonymised' AND NEW."Retention" = 'RemovingRecords') OR (OLD."Retention" = 'RemovingRecords' AND NEW."Retention" = 'RecordsRemoved'))""",
            "The retention of a closed account only moves forward"),

        new("CardPageLinks_NoDelete", "CardPageLinks", "DELETE",
            null,
            "Card page links are permanent and cannot be deleted"),
        new("CardPageLinks_SentIsPermanent", "CardPageLinks", "UPDATE OF Id, CustomerId, TokenHash, SentAt, ExpiresAt, SentByUserId, SentByName",
            null,
            "A card page link cannot be changed after it was sent"),
        new("CardPageLinks_UsedOnce", "CardPageLinks", "UPDATE OF UsedAt",
            """OLD."UsedAt" IS NOT NULL OR NEW."UsedAt" IS NULL""",
            "A card page link is used once"),

        new("ConsentRecords_NameOnlyInRetention", "ConsentRecords", "UPDATE OF ActorName",
            $"""NOT ({Anonymising} AND {OwnNameBecomesNumber})""",
            "ConsentRecords are permanent and cannot be changed"),
        new("ConsentRecords_NoDelete", "ConsentRecords", "DELETE",
            $"""NOT {RemovingRecords}""",
            "ConsentRecords are kept six years after an account closes and cannot be deleted before"),
        new("ConsentRecords_NoUpdate", "ConsentRecords", "UPDATE OF Id, CustomerId, Purpose, Channel, OldGranted, NewGranted, RecordedAt, Source, ActorUserId, PolicyVersion, SupportSessionId",
            null,
            "ConsentRecords are permanent and cannot be changed"),

        new("DisclosureEntries_NoDelete", "DisclosureEntries", "DELETE",
            $"""NOT {RemovingRecords}""",
            "DisclosureEntries are kept six years after an account closes and cannot be deleted before"),
        new("DisclosureEntries_NoUpdate", "DisclosureEntries", "UPDATE",
            null,
            "DisclosureEntries are permanent and cannot be changed"),

        new("DisclosureNotices_NoDelete", "DisclosureNotices", "DELETE",
            $"""NOT {RemovingRecords}""",
            "DisclosureNotices are kept six years after an account closes and cannot be deleted before"),
        new("DisclosureNotices_NoUpdate", "DisclosureNotices", "UPDATE",
            null,
            "DisclosureNotices are permanent and cannot be changed"),

        new("Disclosures_NoDelete", "Disclosures", "DELETE",
            null,
            "Disclosures are permanent and cannot be deleted"),
        new("Disclosures_NoUpdate", "Disclosures", "UPDATE OF RecipientName, RecipientCategory, Ground, Categories, Description, Reference, OccurredAt, RecordedAt, RecordedByUserId, RecordedByName, NoticeRule, NoticeDelayedUntil, CorrectsId, Id",
            null,
            "Disclosures are permanent and cannot be changed"),

        new("DomainChanges_NameOnlyInRetention", "DomainChanges", "UPDATE OF ActorName",
            $"""NOT ({Anonymising} AND {OwnNameBecomesNumber})""",
            "Domain history is permanent and cannot be changed"),
        new("DomainChanges_NoDelete", "DomainChanges", "DELETE",
            null,
            "Domain history is permanent and cannot be deleted"),
        new("DomainChanges_NoUpdate", "DomainChanges", "UPDATE OF Id, DomainId, CustomerId, Kind, OldValue, NewValue, ChangedAt, ActorUserId, Source, SupportSessionId",
            null,
            "Domain history is permanent and cannot be changed"),

        new("HelpRequestSteps_NameOnlyInRetention", "HelpRequestSteps", "UPDATE OF ActorName",
            $"""NOT ({Anonymising} AND {OwnNameBecomesNumber})""",
            "The steps of a help request are permanent and cannot be changed"),
        new("HelpRequestSteps_NoDelete", "HelpRequestSteps", "DELETE",
            null,
            "The steps of a help request are permanent and cannot be deleted"),
        new("HelpRequestSteps_NoUpdate", "HelpRequestSteps", "UPDATE OF Id, HelpRequestId, CustomerId, Kind, At, ActorUserId, Source, SupportSessionId",
            null,
            "The steps of a help request are permanent and cannot be changed"),

        new("HelpRequests_ClosedStaysClosed", "HelpRequests", "UPDATE OF Status, LastActivityAt, ClosedAt, Version",
            """OLD."Status" = 'Closed'""",
            "A closed help request stays closed"),
        new("HelpRequests_NoDelete", "HelpRequests", "DELETE",
            null,
            "Help requests are permanent and cannot be deleted"),
        new("HelpRequests_RequestIsPermanent", "HelpRequests", "UPDATE OF Id, CustomerId, AccessMinutes, CreatedAt",
            null,
            "A help request cannot be changed after it was asked"),
        new("HelpRequests_WordsRemovedOnlyInRetention", "HelpRequests", "UPDATE OF Subject, Description",
            $"""NOT ({Anonymising} AND NEW."Subject" IS NOT DISTINCT FROM '{Features.Support.Help.HelpRequestRetention.RemovedSubject}' AND NEW."Description" IS NOT DISTINCT FROM '')""",
            "A help request cannot be changed after it was asked"),

        new("PolicyAcknowledgements_NoDelete", "PolicyAcknowledgements", "DELETE",
            null,
            "Records of policies shown are permanent and cannot be deleted"),
        new("PolicyAcknowledgements_NoUpdate", "PolicyAcknowledgements", "UPDATE",
            null,
            "Records of policies shown are permanent and cannot be changed"),

        new("PolicyNotices_NoDelete", "PolicyNotices", "DELETE",
            null,
            "Policy notices are permanent and cannot be deleted"),
        new("PolicyNotices_NoUpdate", "PolicyNotices", "UPDATE",
            null,
            "Policy notices are permanent and cannot be changed"),

        new("PolicyVersions_NoDelete", "PolicyVersions", "DELETE",
            null,
            "A published policy version cannot be deleted"),
        new("PolicyVersions_NoUpdate", "PolicyVersions", "UPDATE",
            null,
            "A published policy version cannot be changed"),

        new("ProfileChanges_AnonymisedOnlyInRetention", "ProfileChanges", "UPDATE OF OldValue, NewValue, ActorName",
            $"""NOT ({Anonymising} AND {ValueEmptiedOrNumber("OldValue")} AND {ValueEmptiedOrNumber("NewValue")} AND {OwnNameBecomesNumber})""",
            "ProfileChanges are permanent and cannot be changed"),
        new("ProfileChanges_NoDelete", "ProfileChanges", "DELETE",
            null,
            "ProfileChanges are permanent and cannot be deleted"),
        new("ProfileChanges_NoUpdate", "ProfileChanges", "UPDATE OF Id, CustomerId, Field, ChangedAt, ActorUserId, Source, SupportSessionId, Reason, Reference",
            null,
            "ProfileChanges are permanent and cannot be changed"),

        new("RetentionRuns_NoDelete", "RetentionRuns", "DELETE",
            null,
            "Retention runs are permanent and cannot be deleted"),
        new("RetentionRuns_NoUpdate", "RetentionRuns", "UPDATE",
            null,
            "Retention runs are permanent and cannot be changed"),

        new("SignInRecords_NoDelete", "SignInRecords", "DELETE",
            null,
            "Sign-in records are permanent and cannot be deleted"),
        new("SignInRecords_NoUpdate", "SignInRecords", "UPDATE OF Id, UserId, At, Succeeded, Method, Outcome",
            null,
            "Sign-in records are permanent and cannot be changed"),
        new("SignInRecords_ShortenedOnlyInRetention", "SignInRecords", "UPDATE OF Network, Browser",
            """NOT (EXISTS (SELECT 1 FROM "AccountClosures" WHERE "CustomerId" = OLD."UserId" AND "Retention" = 'Anonymising') AND NEW."Network" IS NOT DISTINCT FROM '' AND NEW."Browser" IS NOT DISTINCT FROM '')""",
            "Sign-in records are permanent and cannot be changed"),

        new("StaffSearchRecords_NoDelete", "StaffSearchRecords", "DELETE",
            null,
            "StaffSearchRecords are permanent and cannot be deleted"),
        new("StaffSearchRecords_NoUpdate", "StaffSearchRecords", "UPDATE",
            null,
            "StaffSearchRecords are permanent and cannot be changed"),

        new("SupportAccessRequests_AnsweredOnce", "SupportAccessRequests", "UPDATE OF Status, AnsweredAt, ApprovedMinutes, WindowEndsAt, WithdrawnByUserId",
            """OLD."Status" <> 'Pending' OR NEW."Status" NOT IN ('Approved', 'Denied', 'Withdrawn') OR NEW."AnsweredAt" IS NULL OR (NEW."Status" = 'Approved') <> (NEW."ApprovedMinutes" IS NOT NULL AND NEW."WindowEndsAt" IS NOT NULL) OR (NEW."Status" = 'Withdrawn') <> (NEW."WithdrawnByUserId" IS NOT NULL) OR (NEW."Status" = 'Withdrawn' AND NEW."WithdrawnByUserId" IS DISTINCT FROM OLD."AgentUserId")""",
            "A support access request is answered or withdrawn once"),
        new("SupportAccessRequests_NoDelete", "SupportAccessRequests", "DELETE",
            null,
            "Support access requests are permanent and cannot be deleted"),
        new("SupportAccessRequests_RequestIsPermanent", "SupportAccessRequests", "UPDATE OF Id, AgentUserId, AgentName, CustomerId, Reason, Ticket, Note, RequestedMinutes, RequestedAt, AnswerBy",
            null,
            "A support access request cannot be changed after it was asked"),

        new("SupportAttempts_NoDelete", "SupportAttempts", "DELETE",
            null,
            "Support attempts are permanent and cannot be deleted"),
        new("SupportAttempts_NoUpdate", "SupportAttempts", "UPDATE",
            null,
            "Support attempts are permanent and cannot be changed"),

        new("SupportSessions_EndsOnce", "SupportSessions", "UPDATE OF EndedAt, Ending, EndedByUserId",
            """OLD."EndedAt" IS NOT NULL OR NEW."EndedAt" IS NULL OR NEW."Ending" IS NULL""",
            "A support session ends once, and its end cannot be changed"),
        new("SupportSessions_HandedBackOnce", "SupportSessions", "UPDATE OF HandedBackAt",
            """OLD."HandedBackAt" IS NOT NULL OR NEW."HandedBackAt" IS NULL""",
            "A support session is handed back once"),
        new("SupportSessions_HelpRequestIsPermanent", "SupportSessions", "UPDATE OF HelpRequestId",
            null,
            "A support session cannot be changed after it started"),
        new("SupportSessions_NoDelete", "SupportSessions", "DELETE",
            null,
            "Support sessions are permanent and cannot be deleted"),
        new("SupportSessions_StartIsPermanent", "SupportSessions", "UPDATE OF Id, AgentUserId, AgentName, CustomerId, Reason, Ticket, Note, StartedAt, ExpiresAt, AccessRequestId, HandBackId, AgentStampHash, AgentUsedSecondFactor, AgentSignedInAt",
            null,
            "A support session cannot be changed after it started"),

        new("TechnicalContactMoveSteps_NameOnlyInRetention", "TechnicalContactMoveSteps", "UPDATE OF ActorName",
            $"""NOT ({Anonymising} AND {OwnNameBecomesNumber})""",
            "The steps of a Technical Contact move are permanent and cannot be changed"),
        new("TechnicalContactMoveSteps_NoDelete", "TechnicalContactMoveSteps", "DELETE",
            null,
            "The steps of a Technical Contact move are permanent and cannot be deleted"),
        new("TechnicalContactMoveSteps_NoUpdate", "TechnicalContactMoveSteps", "UPDATE OF Id, MoveId, CustomerId, Kind, At, ActorUserId, Source, SupportSessionId, Reason",
            null,
            "The steps of a Technical Contact move are permanent and cannot be changed"),

        new("TechnicalContactMoves_ClosedOnce", "TechnicalContactMoves", "UPDATE OF ClosedAt",
            """OLD."ClosedAt" IS NOT NULL OR NEW."ClosedAt" IS NULL""",
            "A Technical Contact move is closed once"),
        new("TechnicalContactMoves_NoDelete", "TechnicalContactMoves", "DELETE",
            null,
            "Technical Contact moves are permanent and cannot be deleted"),
        new("TechnicalContactMoves_OnlyForward", "TechnicalContactMoves", "UPDATE OF Status",
            """NOT ((OLD."Status" = 'Open' AND NEW."Status" IN ('Taken', 'Cancelled')) OR (OLD."Status" = 'Taken' AND NEW."Status" IN ('Completed', 'Rejected')))""",
            "A Technical Contact move only moves forward"),
        new("TechnicalContactMoves_RequestIsPermanent", "TechnicalContactMoves", "UPDATE OF Id, DomainId, CustomerId, Company, ContactPerson, Email, Phone, CountryCode, Note, SubmittedAt",
            null,
            "A Technical Contact move cannot be changed after it was asked"),
        new("TechnicalContactMoves_TakenOnce", "TechnicalContactMoves", "UPDATE OF TakenByUserId, TakenByName, TakenAt",
            """OLD."TakenAt" IS NOT NULL OR NEW."TakenAt" IS NULL OR NEW."TakenByUserId" IS NULL""",
            "A Technical Contact move is taken once"),    ];

    public static IEnumerable<string> Create => Triggers.SelectMany(t => t.Create);

    public static IEnumerable<string> Drop => Triggers.Select(t => t.Drop);
}
