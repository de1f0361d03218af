using Custodian.Requests;
using Custodian.Statement;
using Custodian.Storage;

namespace Custodian.Notifications;

/// <summary>
/// The words of transactional messages and of the access report in one language; one subclass per language keeps every
/// template of that language in one place. The statement's own wording (<see cref="StatementText"/>) is reused for dates,
/// legal bases, rights and retention.
/// </summary>
public abstract class MessageText
{
    /// <summary>English.</summary>
    public static MessageText En { get; } = new EnglishMessageText();

    /// <summary>Danish.</summary>
    public static MessageText Da { get; } = new DanishMessageText();

    /// <summary>The text for a language, English when there is none.</summary>
    public static MessageText For(string? language) => language == "da" ? Da : En;

    /// <summary>The statement wording of the same language.</summary>
    public abstract StatementText Statement { get; }

    /// <summary>The request kind in words ("a copy of your data").</summary>
    public abstract string Kind(RequestKind kind);

    /// <summary>The one-time code message.</summary>
    public abstract (string Subject, string Body) VerificationCode(string controller, string code, int minutes);

    /// <summary>The receipt of a request, with its deadline.</summary>
    public abstract (string Subject, string Body) Received(string controller, RequestKind kind, string requestId, DateOnly due);

    /// <summary>The answer: the request is done (the package itself is fetched, never mailed).</summary>
    public abstract (string Subject, string Body) Completed(string controller, RequestKind kind, string requestId, IReadOnlyList<string> details);

    /// <summary>The notice that the deadline was extended, with the reason (IS10).</summary>
    public abstract (string Subject, string Body) Extended(string controller, RequestKind kind, string requestId, DateOnly due, string reason);

    /// <summary>The refusal, with the reason and the right to complain.</summary>
    public abstract (string Subject, string Body) Denied(string controller, RequestKind kind, string requestId, string reason, string authority);

    /// <summary>A line of an erasure answer for a kept category.</summary>
    public abstract string Kept(string category, string reason, DateOnly? until);

    /// <summary>A line of a rectification answer naming recipients told of the correction.</summary>
    public abstract string RecipientsInformed(string recipients);

    /// <summary>The reason given when a legal hold blocks an erasure.</summary>
    public abstract string LegalHoldReason(DateOnly? until);

    /// <summary>Report: the title.</summary>
    public abstract string ReportTitle { get; }

    /// <summary>Report: the introduction.</summary>
    public abstract string ReportIntro(string controller, DateOnly generated);

    /// <summary>Report: the heading of the data table.</summary>
    public abstract string DataHeading { get; }

    /// <summary>Report: column headers (category, value, source, collected, purposes and legal bases, recipients, deleted).</summary>
    public abstract IReadOnlyList<string> DataHeaders { get; }

    /// <summary>Report: the placeholder for a secret's value (CK1).</summary>
    public abstract string SecretNotShown { get; }

    /// <summary>Report: the note on a value kept only under a legal duty.</summary>
    public abstract string HeldNote { get; }

    /// <summary>Report: how a value was obtained.</summary>
    public abstract string Source(RecordSource source);

    /// <summary>Report: the heading of the readings summary.</summary>
    public abstract string EventsHeading { get; }

    /// <summary>Report: one category's readings summarised (the full list is in the machine-readable file).</summary>
    public abstract string EventsSummary(string category, long count, DateOnly first, DateOnly last);

    /// <summary>Report: the heading of the consent history.</summary>
    public abstract string ConsentHeading { get; }

    /// <summary>Report: a consent receipt line.</summary>
    public abstract string ConsentLine(string purpose, bool given, DateOnly at, string policyVersion, string method);

    /// <summary>Report: none of something.</summary>
    public abstract string None { get; }

    /// <summary>Report: the heading of the per-category facts (purposes, legal bases, recipients, source, deletion).</summary>
    public abstract string CategoriesHeading { get; }

    /// <summary>Report: column headers of the per-category table (data, used for, shared with, source, deleted).</summary>
    public abstract IReadOnlyList<string> CategoryHeaders { get; }

    /// <summary>Report: column headers of the readings table (when, data, device, value).</summary>
    public abstract IReadOnlyList<string> EventHeaders { get; }

    /// <summary>Report: the caption of one page of the readings table.</summary>
    public abstract string EventsPage(long first, long last);

    /// <summary>Report: column headers of the consent history (date, for, state, policy version, how).</summary>
    public abstract IReadOnlyList<string> ConsentHeaders { get; }

    /// <summary>Report: a consent state in words.</summary>
    public abstract string ConsentState(bool given);

    /// <summary>Report: the heading of the Art. 15 information.</summary>
    public abstract string InformationHeading { get; }

    /// <summary>Report: column headers of the purposes table (purpose, legal basis).</summary>
    public abstract IReadOnlyList<string> PurposeHeaders { get; }

    /// <summary>Report: column headers of the recipients table (recipient, role, country, safeguard).</summary>
    public abstract IReadOnlyList<string> RecipientHeaders { get; }

    /// <summary>Report: column headers of the retention table (rule, how long).</summary>
    public abstract IReadOnlyList<string> RetentionHeaders { get; }

    /// <summary>Report: the heading of the contacts (controller, DPO, authority).</summary>
    public abstract string ContactsHeading { get; }

    /// <summary>Report: the note that the package has a machine-readable twin.</summary>
    public abstract string MachineReadableNote { get; }
}
