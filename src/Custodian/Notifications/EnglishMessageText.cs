using Custodian.Requests;
using Custodian.Statement;
using Custodian.Storage;

namespace Custodian.Notifications;

/// <summary>English messages and report wording.</summary>
internal sealed class EnglishMessageText : MessageText
{
    public override StatementText Statement => StatementText.En;

    public override string Kind(RequestKind kind) => kind switch
    {
        RequestKind.Access => "a copy of your personal data",
        RequestKind.Portability => "your data in a machine-readable format",
        RequestKind.Rectification => "correction of your data",
        RequestKind.Erasure => "erasure of your data",
        RequestKind.Restriction => "restriction of processing",
        RequestKind.Objection => "your objection to processing",
        _ => "withdrawal of your consent",
    };

    public override (string Subject, string Body) VerificationCode(string controller, string code, int minutes) =>
        ($"Your verification code: {code}", $"Hello,\n\nTo confirm your request to {controller}, enter this code:\n\n    {code}\n\nThe code works for {minutes} minutes. If you did not make a request, ignore this message.\n\n{controller}");

    public override (string Subject, string Body) Received(string controller, RequestKind kind, string requestId, DateOnly due) =>
        ($"We have received your request ({requestId})", $"Hello,\n\nWe have received your request for {Kind(kind)}. We will answer by {Statement.FormatDate(due)} at the latest.\n\nRequest reference: {requestId}\n\n{controller}");

    public override (string Subject, string Body) Completed(string controller, RequestKind kind, string requestId, IReadOnlyList<string> details) =>
        ($"Your request has been answered ({requestId})", $"Hello,\n\nWe have completed your request for {Kind(kind)}.\n{(details.Count == 0 ? "" : "\n" + string.Join("\n", details.Select(d => "- " + d)) + "\n")}\nRequest reference: {requestId}\n\n{controller}");

    public override (string Subject, string Body) Extended(string controller, RequestKind kind, string requestId, DateOnly due, string reason) =>
        ($"We need more time for your request ({requestId})", $"Hello,\n\nWe need more time to answer your request for {Kind(kind)}. We will answer by {Statement.FormatDate(due)} at the latest.\n\nWhy: {reason}\n\nRequest reference: {requestId}\n\n{controller}");

    public override (string Subject, string Body) Denied(string controller, RequestKind kind, string requestId, string reason, string authority) =>
        ($"We cannot carry out your request ({requestId})", $"Hello,\n\nWe cannot carry out your request for {Kind(kind)}.\n\nWhy: {reason}\n\nYou can complain to {authority}.\n\nRequest reference: {requestId}\n\n{controller}");

    public override string Kept(string category, string reason, DateOnly? until) =>
        $"We have kept {category} because the law requires it ({reason})" + (until is { } u ? $"; it will be deleted on {Statement.FormatDate(u)}" : "") + ". It is used for nothing else.";

    public override string RecipientsInformed(string recipients) => $"We are informing those we shared the data with of the correction: {recipients}.";

    public override string LegalHoldReason(DateOnly? until) =>
        "Your data is subject to a legal hold during a dispute and cannot be deleted while it lasts" + (until is { } u ? $" (until {Statement.FormatDate(u)})" : "") + ". We will delete it when the hold ends, unless the law requires us to keep it.";

    public override string ReportTitle => "The personal data we hold about you";

    public override string ReportIntro(string controller, DateOnly generated) => $"This is a copy of the personal data {controller} holds about you, made on {Statement.FormatDate(generated)}, with what we use it for, who receives it and when we delete it.";

    public override string DataHeading => "Your data";

    public override IReadOnlyList<string> DataHeaders { get; } = ["Data", "Value", "Where it came from", "Collected", "Used for (legal basis)", "Shared with", "Deleted"];

    public override string SecretNotShown => "Not shown: stored only as a one-way hash that no one can read.";

    public override string HeldNote => "Kept only because the law requires it; used for nothing else.";

    public override string Source(RecordSource source) => source switch
    {
        RecordSource.Provided => "You gave it to us",
        RecordSource.Observed => "From your use of our services",
        RecordSource.Device => "From your device",
        RecordSource.Derived => "Worked out from other data",
        _ => "From a third party",
    };

    public override string EventsHeading => "Readings and activity";

    public override string EventsSummary(string category, long count, DateOnly first, DateOnly last) =>
        $"{category}: {count:N0} readings from {Statement.FormatDate(first)} to {Statement.FormatDate(last)}. Every reading is in the machine-readable file.";

    public override string ConsentHeading => "Your consents";

    public override string ConsentLine(string purpose, bool given, DateOnly at, string policyVersion, string method) =>
        $"{Statement.FormatDate(at)}: {(given ? "given" : "withdrawn")} for {purpose} (policy version {policyVersion}, {method})";

    public override string None => "None.";

    public override string CategoriesHeading => "What we use each kind of data for";

    public override IReadOnlyList<string> CategoryHeaders { get; } = ["Data", "Used for (legal basis)", "Shared with", "Where it came from", "When it is deleted"];

    public override IReadOnlyList<string> EventHeaders { get; } = ["When (UTC)", "Data", "Device", "Value"];

    public override string EventsPage(long first, long last) => string.Create(System.Globalization.CultureInfo.GetCultureInfo("en-GB"), $"Readings {first:N0} to {last:N0}");

    public override IReadOnlyList<string> ConsentHeaders { get; } = ["Date", "For", "Given or withdrawn", "Policy version", "How"];

    public override string ConsentState(bool given) => given ? "Given" : "Withdrawn";

    public override string InformationHeading => "What the law says we must tell you";

    public override IReadOnlyList<string> PurposeHeaders { get; } = ["Purpose", "Legal basis"];

    public override IReadOnlyList<string> RecipientHeaders { get; } = ["Recipient", "Role", "Country", "Safeguard"];

    public override IReadOnlyList<string> RetentionHeaders { get; } = ["Rule", "How long we keep it"];

    public override string ContactsHeading => "Who to contact";

    public override string MachineReadableNote => "The same data is available as a machine-readable JSON file.";
}
