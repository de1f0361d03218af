using Custodian.Requests;
using Custodian.Statement;
using Custodian.Storage;

namespace Custodian.Notifications;

/// <summary>Danish messages and report wording.</summary>
internal sealed class DanishMessageText : MessageText
{
    public override StatementText Statement => StatementText.Da;

    public override string Kind(RequestKind kind) => kind switch
    {
        RequestKind.Access => "en kopi af dine personoplysninger",
        RequestKind.Portability => "dine oplysninger i et maskinlæsbart format",
        RequestKind.Rectification => "berigtigelse af dine oplysninger",
        RequestKind.Erasure => "sletning af dine oplysninger",
        RequestKind.Restriction => "begrænsning af behandlingen",
        RequestKind.Objection => "din indsigelse mod behandlingen",
        _ => "tilbagetrækning af dit samtykke",
    };

    public override (string Subject, string Body) VerificationCode(string controller, string code, int minutes) =>
        ($"Din bekræftelseskode: {code}", $"Hej,\n\nFor at bekræfte din anmodning til {controller} skal du indtaste denne kode:\n\n    {code}\n\nKoden virker i {minutes} minutter. Hvis du ikke har sendt en anmodning, kan du se bort fra denne besked.\n\n{controller}");

    public override (string Subject, string Body) Received(string controller, RequestKind kind, string requestId, DateOnly due) =>
        ($"Vi har modtaget din anmodning ({requestId})", $"Hej,\n\nVi har modtaget din anmodning om {Kind(kind)}. Vi svarer senest {Statement.FormatDate(due)}.\n\nReference: {requestId}\n\n{controller}");

    public override (string Subject, string Body) Completed(string controller, RequestKind kind, string requestId, IReadOnlyList<string> details) =>
        ($"Din anmodning er besvaret ({requestId})", $"Hej,\n\nVi har gennemført din anmodning om {Kind(kind)}.\n{(details.Count == 0 ? "" : "\n" + string.Join("\n", details.Select(d => "- " + d)) + "\n")}\nReference: {requestId}\n\n{controller}");

    public override (string Subject, string Body) Extended(string controller, RequestKind kind, string requestId, DateOnly due, string reason) =>
        ($"Vi har brug for mere tid til din anmodning ({requestId})", $"Hej,\n\nVi har brug for mere tid til at besvare din anmodning om {Kind(kind)}. Vi svarer senest {Statement.FormatDate(due)}.\n\nBegrundelse: {reason}\n\nReference: {requestId}\n\n{controller}");

    public override (string Subject, string Body) Denied(string controller, RequestKind kind, string requestId, string reason, string authority) =>
        ($"Vi kan ikke imødekomme din anmodning ({requestId})", $"Hej,\n\nVi kan ikke imødekomme din anmodning om {Kind(kind)}.\n\nBegrundelse: {reason}\n\nDu kan klage til {authority}.\n\nReference: {requestId}\n\n{controller}");

    public override string Kept(string category, string reason, DateOnly? until) =>
        $"Vi har beholdt {category}, fordi loven kræver det ({reason})" + (until is { } u ? $"; det slettes {Statement.FormatDate(u)}" : "") + ". Det bruges ikke til andet.";

    public override string RecipientsInformed(string recipients) => $"Vi underretter dem, vi har videregivet oplysningerne til, om rettelsen: {recipients}.";

    public override string LegalHoldReason(DateOnly? until) =>
        "Dine oplysninger er omfattet af et retligt tilbagehold under en tvist og kan ikke slettes, så længe det varer" + (until is { } u ? $" (indtil {Statement.FormatDate(u)})" : "") + ". Vi sletter dem, når tilbageholdet ophører, medmindre loven kræver, at vi gemmer dem.";

    public override string ReportTitle => "De personoplysninger, vi har om dig";

    public override string ReportIntro(string controller, DateOnly generated) => $"Dette er en kopi af de personoplysninger, {controller} har om dig, lavet {Statement.FormatDate(generated)}, med hvad vi bruger dem til, hvem der modtager dem, og hvornår vi sletter dem.";

    public override string DataHeading => "Dine oplysninger";

    public override IReadOnlyList<string> DataHeaders { get; } = ["Oplysning", "Værdi", "Hvor den kommer fra", "Indsamlet", "Bruges til (retsgrundlag)", "Videregives til", "Slettes"];

    public override string SecretNotShown => "Vises ikke: gemmes kun som en envejs-hash, som ingen kan læse.";

    public override string HeldNote => "Gemmes kun, fordi loven kræver det; bruges ikke til andet.";

    public override string Source(RecordSource source) => source switch
    {
        RecordSource.Provided => "Du har givet os den",
        RecordSource.Observed => "Fra din brug af vores tjenester",
        RecordSource.Device => "Fra din enhed",
        RecordSource.Derived => "Udledt af andre oplysninger",
        _ => "Fra en tredjepart",
    };

    public override string EventsHeading => "Målinger og aktivitet";

    public override string EventsSummary(string category, long count, DateOnly first, DateOnly last) =>
        $"{category}: {count:N0} målinger fra {Statement.FormatDate(first)} til {Statement.FormatDate(last)}. Alle målinger står i den maskinlæsbare fil.";

    public override string ConsentHeading => "Dine samtykker";

    public override string ConsentLine(string purpose, bool given, DateOnly at, string policyVersion, string method) =>
        $"{Statement.FormatDate(at)}: {(given ? "givet" : "trukket tilbage")} til {purpose} (politikversion {policyVersion}, {method})";

    public override string None => "Ingen.";

    public override string CategoriesHeading => "Hvad vi bruger hver slags oplysning til";

    public override IReadOnlyList<string> CategoryHeaders { get; } = ["Oplysning", "Bruges til (retsgrundlag)", "Videregives til", "Hvor den kommer fra", "Hvornår den slettes"];

    public override IReadOnlyList<string> EventHeaders { get; } = ["Tidspunkt (UTC)", "Oplysning", "Enhed", "Værdi"];

    public override string EventsPage(long first, long last) => string.Create(System.Globalization.CultureInfo.GetCultureInfo("da-DK"), $"Målinger {first:N0} til {last:N0}");

    public override IReadOnlyList<string> ConsentHeaders { get; } = ["Dato", "Til", "Givet eller trukket tilbage", "Politikversion", "Hvordan"];

    public override string ConsentState(bool given) => given ? "Givet" : "Trukket tilbage";

    public override string InformationHeading => "Det, loven siger, vi skal fortælle dig";

    public override IReadOnlyList<string> PurposeHeaders { get; } = ["Formål", "Retsgrundlag"];

    public override IReadOnlyList<string> RecipientHeaders { get; } = ["Modtager", "Rolle", "Land", "Garanti"];

    public override IReadOnlyList<string> RetentionHeaders { get; } = ["Regel", "Hvor længe vi gemmer den"];

    public override string ContactsHeading => "Hvem du kan kontakte";

    public override string MachineReadableNote => "De samme oplysninger findes som en maskinlæsbar JSON-fil.";
}
