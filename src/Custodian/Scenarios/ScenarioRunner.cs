using Custodian.Crypto;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Scenarios;

/// <summary>
/// Runs a scenario against a fresh vault on a virtual clock, through the same <see cref="DataVault"/> the server
/// uses, and reports one outcome per expectation.
/// </summary>
/// <param name="createVault">Makes a fresh vault for the scenario, on the given clock.</param>
public sealed partial class ScenarioRunner(Func<VirtualClock, CancellationToken, Task<DataVault>> createVault)
{
    private const string Actor = "scenario";

    /// <summary>Runs every step and returns the outcomes in order.</summary>
    public async Task<IReadOnlyList<ExpectationOutcome>> RunAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var clock = new VirtualClock(scenario.Steps.IsEmpty ? DateTimeOffset.UnixEpoch : scenario.Steps[0].At);
        var vault = await createVault(clock, cancellationToken);
        var run = new Run(vault, clock);
        var outcomes = new List<ExpectationOutcome>();
        foreach (var step in scenario.Steps)
        {
            try
            {
                clock.MoveTo(step.At);
                await vault.ActivateDuePolicyAsync(cancellationToken);
                var outcome = step.Kind switch
                {
                    "expect" => await ExpectAsync(run, step, cancellationToken),
                    "publish" => await PublishAsync(run, step, cancellationToken),
                    _ => null,
                };
                if (step.Kind is not ("expect" or "publish")) await ActAsync(run, step, cancellationToken);
                if (outcome is not null) outcomes.Add(outcome);
            }
            catch (Exception e) when (e is VaultException or Requests.RequestException or InvalidOperationException or ArgumentException or FormatException)
            {
                var code = e is VaultException v ? v.Code + ": " : "";
                outcomes.Add(new ExpectationOutcome(step.Location, $"step '{step.Kind}' at {step.At:yyyy-MM-dd}", false, "the step to run", $"{code}{e.Message}"));
            }
        }

        return outcomes;
    }

    private static async Task ActAsync(Run run, ScenarioStep step, CancellationToken ct)
    {
        var vault = run.Vault;
        var arg = step.Text(step.Kind) ?? "";
        switch (step.Kind)
        {
            case "create":
                var born = step.Text("birth_date") is { } b ? DateOnly.Parse(b, System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
                if (step.Text("email") is { } createdEmail) run.Emails[arg] = createdEmail;
                run.Subjects[arg] = await vault.CreateSubjectAsync(new NewSubject(step.Text("email"), step.Text("phone"), step.Text("user_name"), born), Actor, ct);
                return;
            case "relationship":
                await vault.RecordRelationshipAsync(run.Subject(step), arg, step.Text("event") ?? "opened", Actor, ct);
                return;
            case "collect":
                var source = Enum.TryParse<RecordSource>(step.Text("source")?.Replace("_", "", StringComparison.Ordinal), true, out var s) ? s : RecordSource.Provided;
                run.LastCollect = await vault.CollectAsync(run.Subject(step), arg, [.. step.Map("values").Select(v => new CollectValue(v.Key, v.Value, source))], Actor, ct);
                return;
            case "consent":
                await vault.RecordConsentAsync(run.Subject(step), arg, step.Flag("permission"), true, step.Flag("explicit"), "scenario", null, Actor, ct);
                return;
            case "withdraw":
                await vault.RecordConsentAsync(run.Subject(step), arg, step.Flag("permission"), false, false, "scenario", null, Actor, ct);
                return;
            case "permission_on" or "permission_off":
                await vault.RecordConsentAsync(run.Subject(step), arg, true, step.Kind == "permission_on", false, "app-toggle", null, Actor, ct);
                return;
            case "object":
                await vault.ObjectAsync(run.Subject(step), arg, Actor, ct);
                return;
            case "lift_objection":
                await vault.LiftObjectionAsync(run.Subject(step), arg, Actor, ct);
                return;
            case "restrict" or "lift_restriction":
                await vault.RestrictAsync(run.Subject(step), step.Kind == "restrict", Actor, ct);
                return;
            case "authorise" or "revoke":
                await vault.AuthoriseRecipientAsync(run.Subject(step), arg, step.Kind == "authorise", Actor, ct);
                return;
            case "guardian_consent":
                await vault.RecordGuardianConsentAsync(run.Subject(step), arg != "withdrawn", step.Text("guardian") ?? "guardian", Actor, ct);
                return;
            case "hold":
                await vault.PlaceLegalHoldAsync(run.Subject(step), arg, null, Actor, ct);
                return;
            case "release_holds":
                await vault.LiftLegalHoldsAsync(run.Subject(step), Actor, ct);
                return;
            case "events":
                run.LastEvents = await vault.AppendEventsAsync(run.Subject(step), arg, Readings(step), Actor, ct);
                return;
            case "bind_device":
                await vault.BindDeviceAsync(run.Subject(step), new DeviceBinding(arg, step.Text("type") ?? "device", step.Text("name"), step.Text("firmware"), step.Text("mac"), step.List("wifi")), Actor, ct);
                return;
            case "unbind_device":
                await vault.UnbindDeviceAsync(run.Subject(step), arg, Actor, ct);
                return;
            case "try_now":
                await vault.TryNowAsync(Readings(step), Actor, ct);
                run.LastEvents = new EventBatchResult(0, new Dictionary<string, int>());
                return;
            case "breach":
                var status = await vault.RecordBreachAsync(new NewBreach(
                    null,
                    DateTimeOffset.Parse(step.Text("from") ?? throw new InvalidOperationException("a breach needs 'from:'"), System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal),
                    step.Text("until") is { } until ? DateTimeOffset.Parse(until, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal) : null,
                    step.Text("description") ?? "A breach.",
                    step.Text("consequences") ?? "",
                    step.List("categories"),
                    [],
                    step.List("recipients")), Actor, ct);
                run.Breaches[arg] = status.Breach.BreachId;
                return;
            case "notify_breach":
                await vault.NotifyBreachAsync(run.Breach(arg), Actor, ct);
                return;
            case "merge":
                await vault.MergeSubjectsAsync(run.Subject(step), run.Alias(arg), Actor, ct);
                return;
            case "reset_password":
                await vault.ResetSecretAsync(run.Subject(step), arg, step.Text("value") ?? "", SecretPurpose(vault, step, arg), Actor, ct);
                return;
            case "retention":
                await RunRetentionStepAsync(run, step, ct);
                return;
            default:
                if (await ActOnRequestAsync(run, step, ct)) return;
                throw new InvalidOperationException($"The step kind '{step.Kind}' is not supported by this runner.");
        }
    }

    /// <summary>Publishes a policy version; with <c>refused:</c> the step expects the publication to be refused with that code.</summary>
    private static async Task<ExpectationOutcome?> PublishAsync(Run run, ScenarioStep step, CancellationToken ct)
    {
        var path = PublishedPath(step);
        var effective = step.Text("effective") is { } e ? DateOnly.ParseExact(e, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : (DateOnly?)null;
        var refused = step.Text("refused");
        string? actual = null;
        try
        {
            run.LastPublish = await run.Vault.PublishPolicyAsync(await File.ReadAllTextAsync(path, ct), path, effective, Actor, ct);
        }
        catch (VaultException error) when (refused is not null)
        {
            actual = error.Code;
        }

        if (refused is null) return null;
        return new ExpectationOutcome(step.Location, $"{step.At:yyyy-MM-dd} publishing {Path.GetFileName(path)} is refused ({refused})", actual == refused, refused, actual ?? "published");
    }

    /// <summary>The policy file a <c>publish</c> step names: relative to the scenario file's folder.</summary>
    internal static string PublishedPath(ScenarioStep step) =>
        Path.Combine(Path.GetDirectoryName(step.Location.File) ?? ".", step.Text("publish") ?? "");

    /// <summary>
    /// The purpose a password step checks or sets the secret for: the step's <c>purpose:</c>, or else the first purpose
    /// of the policy that lists the category (a sign-in purpose in the examples).
    /// </summary>
    private static string SecretPurpose(DataVault vault, ScenarioStep step, string categoryKey)
    {
        if (step.Text("purpose") is { } named) return named;
        var category = vault.ResolveCategory(categoryKey);
        return vault.Policy.Purposes.FirstOrDefault(p => p.Categories.Contains(category.Value))?.Key
            ?? throw new VaultException(VaultErrorCodes.UnknownPurpose, $"No purpose of the policy uses '{categoryKey}'; name one with 'purpose:'.");
    }

    private static List<EventInput> Readings(ScenarioStep step) => step.Rows("readings").Select(r => new EventInput(
        r["category"],
        r.TryGetValue("at", out var at) ? DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture) : step.At,
        r.GetValueOrDefault("value", ""),
        r.GetValueOrDefault("device"))).ToList();

    private sealed class Run(DataVault vault, VirtualClock clock)
    {
        public DataVault Vault { get; } = vault;

        public VirtualClock Clock { get; } = clock;

        public Dictionary<string, string> Subjects { get; } = new(StringComparer.Ordinal);

        public CollectResult? LastCollect { get; set; }

        public EventBatchResult? LastEvents { get; set; }

        public PublishResult? LastPublish { get; set; }

        public Dictionary<string, string> Breaches { get; } = new(StringComparer.Ordinal);

        public string Breach(string alias) =>
            Breaches.TryGetValue(alias, out var id) ? id : throw new InvalidOperationException($"no breach '{alias}' was recorded before this step");

        public Requests.RequestDesk Desk => field ??= Vault.CreateRequestDesk();

        public Dictionary<string, string> Requests { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Emails { get; } = new(StringComparer.Ordinal);

        public Retention.ArchivePrivateKey? ArchiveKey { get; set; }

        public string Subject(ScenarioStep step) =>
            step.Subject is { } alias ? Alias(alias) : throw new InvalidOperationException($"step '{step.Kind}' needs 'subject:'");

        public string Alias(string alias) =>
            Subjects.TryGetValue(alias, out var id) ? id : throw new InvalidOperationException($"no person '{alias}' was created before this step");
    }
}
