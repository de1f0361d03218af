namespace Custodian.Notifications;

/// <summary>
/// The wording of notices the controller owes people by law: a breach (Art. 34, IS6) and a material change of the
/// privacy statement (CK14, CR13, CU9). One instance per language, so a translator reviews one file.
/// </summary>
public abstract class NoticeText
{
    /// <summary>English.</summary>
    public static NoticeText En { get; } = new English();

    /// <summary>Danish.</summary>
    public static NoticeText Da { get; } = new Danish();

    /// <summary>The wording for a language; English when there is none.</summary>
    public static NoticeText For(string? language) => language == "da" ? Da : En;

    /// <summary>A breach notice: what happened, the likely consequences, what was done, whom to contact.</summary>
    public abstract (string Subject, string Body) Breach(string controller, string description, string consequences, IReadOnlyList<string> measures, string contact);

    /// <summary>A notice of material changes before they take effect.</summary>
    public abstract (string Subject, string Body) PolicyChange(string controller, DateOnly effective, IReadOnlyList<string> changes, IReadOnlyList<string> reconsent, string? url);

    private sealed class English : NoticeText
    {
        public override (string Subject, string Body) Breach(string controller, string description, string consequences, IReadOnlyList<string> measures, string contact) =>
            ($"Important: a security incident involving your personal data at {controller}",
             $"""
             We are writing to tell you about a security incident that involved your personal data.

             What happened: {description}

             What this may mean for you: {(string.IsNullOrWhiteSpace(consequences) ? "We are still assessing this." : consequences)}

             What we have done: {(measures.Count == 0 ? "We are investigating and will tell you more." : string.Join(" ", measures))}

             If you have questions, contact {contact}. You can also complain to the data protection authority.

             {controller}
             """);

        public override (string Subject, string Body) PolicyChange(string controller, DateOnly effective, IReadOnlyList<string> changes, IReadOnlyList<string> reconsent, string? url) =>
            ($"Changes to how {controller} uses your personal data from {effective:d MMMM yyyy}",
             $"""
             We are changing our privacy statement. The changes take effect on {effective:d MMMM yyyy}.

             What changes:
             {string.Join(Environment.NewLine, changes.Select(c => "- " + c))}
             {(reconsent.Count == 0 ? "" : Environment.NewLine + "We will ask for your consent again for: " + string.Join(", ", reconsent) + ". Until you give it, we will not use your data for these purposes." + Environment.NewLine)}
             {(url is null ? "" : "Read the new statement: " + url)}

             {controller}
             """);
    }

    private sealed class Danish : NoticeText
    {
        private static readonly System.Globalization.CultureInfo Culture = System.Globalization.CultureInfo.GetCultureInfo("da-DK");

        public override (string Subject, string Body) Breach(string controller, string description, string consequences, IReadOnlyList<string> measures, string contact) =>
            ($"Vigtigt: et sikkerhedsbrud hos {controller} har omfattet dine personoplysninger",
             $"""
             Vi skriver for at fortælle dig om et sikkerhedsbrud, der har omfattet dine personoplysninger.

             Hvad er der sket: {description}

             Hvad det kan betyde for dig: {(string.IsNullOrWhiteSpace(consequences) ? "Vi er ved at vurdere det." : consequences)}

             Hvad vi har gjort: {(measures.Count == 0 ? "Vi undersøger sagen og vender tilbage." : string.Join(" ", measures))}

             Har du spørgsmål, er du velkommen til at kontakte {contact}. Du kan også klage til Datatilsynet.

             {controller}
             """);

        public override (string Subject, string Body) PolicyChange(string controller, DateOnly effective, IReadOnlyList<string> changes, IReadOnlyList<string> reconsent, string? url) =>
            ($"Ændringer i, hvordan {controller} bruger dine personoplysninger, fra {effective.ToString("d. MMMM yyyy", Culture)}",
             $"""
             Vi ændrer vores privatlivspolitik. Ændringerne træder i kraft den {effective.ToString("d. MMMM yyyy", Culture)}.

             Det ændrer sig:
             {string.Join(Environment.NewLine, changes.Select(c => "- " + c))}
             {(reconsent.Count == 0 ? "" : Environment.NewLine + "Vi beder dig om dit samtykke igen til: " + string.Join(", ", reconsent) + ". Indtil du giver det, bruger vi ikke dine oplysninger til disse formål." + Environment.NewLine)}
             {(url is null ? "" : "Læs den nye privatlivspolitik: " + url)}

             {controller}
             """);
    }
}
