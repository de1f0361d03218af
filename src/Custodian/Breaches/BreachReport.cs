using System.Globalization;
using System.Text;
using Custodian.Policy;
using Custodian.Storage;

namespace Custodian.Breaches;

/// <summary>Drafts the Art. 33(3) notification to the supervisory authority, and the follow-up report of actions taken, from the register.</summary>
public static class BreachReport
{
    /// <summary>The Art. 33 notification as Markdown, ready for the privacy officer to review and send.</summary>
    public static string Notification(CompiledPolicy policy, BreachStatus status)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(status);
        var breach = status.Breach;
        var document = policy.Document;
        var text = new StringBuilder();
        var line = (string s) => text.AppendLine(s);
        line($"# Notification of a personal data breach (GDPR Art. 33)");
        line("");
        line($"- **To:** {document.Authority.Name}");
        line($"- **From:** {document.Controller.Name}{(document.Controller.Registration is { } r ? $" ({r})" : "")}");
        line($"- **Reference:** {breach.BreachId}");
        line($"- **Discovered:** {Time(breach.DiscoveredAt)}; notification due by {Time(status.Deadline)}" + (status.Overdue || status.ReportedLate ? " — **late: the reasons for the delay are given below (Art. 33(1))**" : ""));
        line($"- **Period of the breach:** {Time(breach.OccurredFrom)} to {Time(breach.OccurredUntil)}");
        line("");
        line("## (a) Nature of the breach");
        line("");
        line(breach.Description);
        line("");
        line($"- **Categories of personal data concerned:** {string.Join(", ", breach.Categories.Select(c => Name(policy, c)))}");
        if (breach.Systems.Count > 0) line($"- **Systems concerned:** {string.Join(", ", breach.Systems)}");
        if (breach.Recipients.Count > 0) line($"- **Recipients concerned:** {string.Join(", ", breach.Recipients.Select(r => policy.TryGetRecipient(r, out var id) ? policy.Recipient(id).Definition.Name : r))}");
        var special = breach.Categories.Any(c => policy.TryGetCategory(c, out var id) && policy.Category(id).Sensitivity.HasFlag(CategorySensitivity.Special));
        line($"- **Special categories (Art. 9) involved:** {(special ? "yes" : "no")}");
        line($"- **Approximate number of people concerned:** {breach.AffectedPeople.ToString(CultureInfo.InvariantCulture)} (found from the store and the audit trail: everyone who held these categories in the period, or whose data went to the recipients concerned)");
        line("");
        line("## (b) Contact point");
        line("");
        var contact = document.Dpo ?? document.Controller;
        line($"{(document.Dpo is null ? "Controller" : "Data protection officer")}: {contact.Name}" + (contact.Email is { } e ? $", {e}" : "") + (contact.Phone is { } p ? $", {p}" : ""));
        line("");
        line("## (c) Likely consequences");
        line("");
        line(string.IsNullOrWhiteSpace(breach.Consequences) ? "Being assessed." : breach.Consequences);
        line("");
        line("## (d) Measures taken or proposed");
        line("");
        AppendActions(text, breach);
        line("");
        line($"People concerned notified (Art. 34): {(breach.PeopleNotifiedAt is { } n ? Time(n) : "not yet")}.");
        return text.ToString();
    }

    /// <summary>The follow-up report: what was done since the notification (IS6).</summary>
    public static string FollowUp(CompiledPolicy policy, BreachStatus status)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(status);
        var breach = status.Breach;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Follow-up on breach {breach.BreachId}").AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Reported to {policy.Document.Authority.Name}: {(breach.ReportedAt is { } r ? Time(r) : "not yet")}. People notified: {(breach.PeopleNotifiedAt is { } n ? Time(n) : "not yet")} ({breach.AffectedPeople.ToString(CultureInfo.InvariantCulture)} people).").AppendLine();
        text.AppendLine("## Actions taken").AppendLine();
        AppendActions(text, breach);
        return text.ToString();
    }

    private static void AppendActions(StringBuilder text, BreachRecord breach)
    {
        if (breach.Actions.Count == 0) text.AppendLine("No actions recorded yet.");
        foreach (var action in breach.Actions) text.AppendLine(CultureInfo.InvariantCulture, $"- {Time(action.At)}: {action.Text}");
    }

    private static string Name(CompiledPolicy policy, string key) =>
        policy.TryGetCategory(key, out var id) ? $"{policy.Category(id).Name.Get("en")} (`{key}`)" : key;

    private static string Time(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
