using System.Collections.Immutable;
using System.Globalization;
using Custodian.Statistics;
using YamlDotNet.RepresentationModel;

namespace Custodian.Policy;

/// <summary>
/// Reads a policy YAML file into a <see cref="PolicyDocument"/>, naming file, line, column, a stable code
/// and a fix for everything it cannot read. It checks shape only; <see cref="PolicyChecker"/> checks promises.
/// </summary>
public static class PolicyLoader
{
    /// <summary>The format version this build reads (<c>custodian: 1</c>).</summary>
    public const int FormatVersion = 1;

    private static readonly string[] TopKeys =
    [
        "custodian", "policy", "controller", "dpo", "authority", "categories", "purposes", "recipients", "transfers",
        "sale", "permissions", "retention", "rights", "children", "cookies", "automated_decisions", "changes", "statistics",
    ];

    /// <summary>The largest policy file read, in bytes (or characters, for text): policies are tens of kilobytes.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The deepest nesting of mappings and lists read: a policy needs about five levels.</summary>
    public const int MaxDepth = 32;

    /// <summary>The most values that aliases (<c>*name</c>) in one file may stand for together.</summary>
    public const int MaxAliasValues = 10_000;

    /// <summary>The longest duration a policy may give (a retention period, a deadline), in years.</summary>
    public const int MaxDurationYears = 200;

    /// <summary>How a policy file is read: its limits, and what to do about each.</summary>
    internal static readonly YamlFileRules Rules = new(
        "policy", MaxFileBytes, MaxDepth, MaxAliasValues,
        TooLargeFix: "check that this is the policy file: a complete policy is tens of kilobytes; move long texts out of it or remove pasted data",
        TooDeepFix: "a policy needs at most a few levels: check for unclosed '[' or '{', or indentation that keeps growing",
        EmptyFix: "start from an example in examples/ or docs/policy-reference.md");

    /// <summary>Reads a policy file from disk.</summary>
    public static PolicyLoadResult LoadFile(string path)
    {
        string? text;
        PolicyDiagnostic? problem;
        try
        {
            (text, problem) = GuardedYaml.ReadFile(path, Rules);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            var diagnostic = Directory.Exists(path)
                ? new PolicyDiagnostic(PolicyCodes.Unreadable, DiagnosticSeverity.Error, new SourceLocation(path, 0, 0), "cannot read the file: it is a directory", $"name the policy file in it, e.g. {Path.Combine(path, "policy.yaml")}")
                : new PolicyDiagnostic(PolicyCodes.Unreadable, DiagnosticSeverity.Error, new SourceLocation(path, 0, 0), $"cannot read the file: {e.Message.TrimEnd('.')}", "check the path and the file's permissions");
            return new PolicyLoadResult(null, [diagnostic], Unreadable: true);
        }

        return text is null ? new PolicyLoadResult(null, [problem!], Unreadable: false) : Load(text, path);
    }

    /// <summary>Reads a policy from text; <paramref name="path"/> is used in diagnostics.</summary>
    public static PolicyLoadResult Load(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var context = new PolicyReadContext(path);
        var (node, problems) = GuardedYaml.Parse(text, path, Rules);
        foreach (var problem in problems) context.Add(problem);
        if (node is null) return new PolicyLoadResult(null, [.. context.Diagnostics], Unreadable: false);

        var root = context.Map(node, PolicyReadContext.RootName);
        if (root is null) return new PolicyLoadResult(null, [.. context.Diagnostics], Unreadable: false);
        var document = Read(context, root);
        var diagnostics = context.Diagnostics.ToImmutableArray();
        var failed = diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        return new PolicyLoadResult(failed ? null : document, diagnostics, Unreadable: false);
    }

    private static PolicyDocument? Read(PolicyReadContext context, YamlMap root)
    {
        root.AllowOnly(TopKeys);
        var format = root.Require("custodian");
        if (format is not null && context.Scalar(format, "'custodian'") != FormatVersion.ToString(CultureInfo.InvariantCulture))
            context.Error(PolicyCodes.UnsupportedFormat, format, "this build reads policy format 1", "write 'custodian: 1' at the top of the file");

        var header = root.Map("policy", "'policy'", required: true);
        header?.AllowOnly("id", "version", "effective", "languages", "jurisdiction", "markets");
        var languageItems = header?.List("languages") ?? [];
        foreach (var (code, node) in languageItems.Where(l => !IsoLanguages.Codes.Contains(l.Value)))
            context.Error(PolicyCodes.InvalidValue, node, $"'{Suggestions.Quote(code)}' is not an ISO 639-1 language code", IsoLanguages.Fix(code));
        var languages = languageItems.Select(l => l.Value).ToImmutableArray();
        if (header is not null && languages.IsEmpty)
            context.Error(PolicyCodes.MissingKey, header.Node, "'policy' needs 'languages'", "add 'languages: [en]' (the first is the default), e.g. [da, en]");
        if (!languages.IsEmpty) context.DefaultLanguage = languages[0];
        var id = header?.String("id", required: true);
        if (id is not null && header is not null) context.CheckKey(id, header.Get("id")!, "policy id");

        var categories = ReadCategories(context, root);
        var purposes = ReadPurposes(context, root);
        var recipients = ReadRecipients(context, root);
        var permissions = ReadPermissions(context, root);
        var retention = ReadRetention(context, root);
        var rights = ReadRights(context, root);
        var transfers = root.Get("transfers");
        TransferRule? transferRule = transfers is null ? TransferRule.MechanismRequired : context.Choice(transfers, PolicyVocabulary.TransferRules, "transfer rule");
        var sale = root.Get("sale");
        var saleText = sale is null ? null : context.Scalar(sale, "'sale'");
        if (sale is not null && saleText is not ("never" or "allowed"))
            context.Error(PolicyCodes.InvalidChoice, sale, $"'sale' must be 'never' or 'allowed', not '{saleText}'", "write 'sale: never' to promise personal data is never sold");

        var children = root.Map("children", "'children'");
        children?.AllowOnly("minimum_age", "guardian_consent");
        var automated = root.Map("automated_decisions", "'automated_decisions'", required: true);
        automated?.AllowOnly("used", "description");
        var changes = root.Map("changes", "'changes'", required: true);
        changes?.AllowOnly("notice_period", "channels");
        var statistics = root.Map("statistics", "'statistics'");
        statistics?.AllowOnly("minimum_group");

        var controller = ReadParty(context, root, "controller", required: true);
        var authority = ReadParty(context, root, "authority", required: true);
        var dpo = ReadParty(context, root, "dpo", required: false);
        var version = header?.String("version", required: true);
        var effective = header?.Date("effective", required: true);
        var jurisdiction = header?.Country("jurisdiction", required: true);
        var noticePeriod = changes?.Duration("notice_period", required: true);

        if (header is null || id is null || version is null || effective is null || jurisdiction is null || controller is null
            || authority is null || retention is null || rights is null || automated is null || changes is null || noticePeriod is null
            || transferRule is null)
        {
            return null;
        }

        return new PolicyDocument
        {
            SourcePath = context.File,
            Id = id,
            Version = version,
            Effective = effective.Value,
            Languages = languages,
            Jurisdiction = jurisdiction,
            Markets = header.List("markets").Select(m => m.Value).ToImmutableArray(),
            Controller = controller,
            Dpo = dpo,
            Authority = authority,
            Categories = categories,
            Purposes = purposes,
            Recipients = recipients,
            TransferRule = transferRule.Value,
            TransferRuleLocation = transfers is null ? SourceLocation.None : context.At(transfers),
            SaleNever = saleText == "never",
            Permissions = permissions,
            Retention = retention,
            Rights = rights,
            Children = new ChildrenDefinition(children?.Int("minimum_age", 1, 21), children?.Bool("guardian_consent", false) ?? false, children?.Location ?? SourceLocation.None)
            {
                GuardianConsentStated = children?.Get("guardian_consent") is not null,
            },
            Cookies = ReadCookies(context, root),
            AutomatedDecisions = new AutomatedDecisionDefinition(automated.Bool("used", false), automated.Text("description"), automated.Location),
            Changes = new ChangesDefinition(noticePeriod.Value, changes.List("channels").Select(c => c.Value).ToImmutableArray(), changes.Location),
            StatisticsMinimumGroup = statistics?.Int("minimum_group", StatisticsRequest.MinMinimumGroup, StatisticsRequest.MaxMinimumGroup) ?? 10,
            Location = header.Location,
        };
    }

    private static Party? ReadParty(PolicyReadContext context, YamlMap root, string name, bool required)
    {
        var map = root.Map(name, $"'{name}'", required);
        if (map is null) return null;
        map.AllowOnly("name", "address", "registration", "email", "phone", "url", "country");
        var partyName = map.String("name", required: true);
        return partyName is null
            ? null
            : new Party(partyName, map.String("address"), map.String("registration"), map.String("email"), map.String("phone"), map.String("url"), map.Country("country"), map.Location);
    }

    private static ImmutableArray<CategoryDefinition> ReadCategories(PolicyReadContext context, YamlMap root)
    {
        var section = root.Map("categories", "'categories'");
        if (section is null) return [];
        var result = ImmutableArray.CreateBuilder<CategoryDefinition>();
        foreach (var (key, value) in section.Entries)
        {
            if (!context.CheckKey(key.Value!, key, "category")) continue;
            var map = context.Map(value, $"category '{key.Value}'");
            if (map is null) continue;
            map.AllowOnly("name", "description", "flags");
            var flags = CategorySensitivity.None;
            foreach (var (flag, node) in map.List("flags"))
            {
                var parsed = context.Choice(node, PolicyVocabulary.Flags, "category flag");
                if (parsed is not null) flags |= parsed.Value;
                _ = flag;
            }

            result.Add(new CategoryDefinition(key.Value!, map.Text("name", required: true), map.Text("description"), flags, context.At(key)));
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<PurposeDefinition> ReadPurposes(PolicyReadContext context, YamlMap root)
    {
        var section = root.Map("purposes", "'purposes'", required: true);
        if (section is null) return [];
        var result = ImmutableArray.CreateBuilder<PurposeDefinition>();
        foreach (var (key, value) in section.Entries)
        {
            if (!context.CheckKey(key.Value!, key, "purpose")) continue;
            var map = context.Map(value, $"purpose '{key.Value}'");
            if (map is null) continue;
            map.AllowOnly(
                "name", "description", "basis", "categories", "required", "contract", "after_contract", "explicit",
                "special_condition", "interest", "opt_out", "existing_customers_only", "allowed_under_restriction");
            var basis = map.Choice("basis", PolicyVocabulary.LegalBases, required: true);
            var categories = map.List("categories");
            if (basis is null) continue;
            result.Add(new PurposeDefinition
            {
                Key = key.Value!,
                Name = map.Text("name", required: true),
                Description = map.Text("description"),
                Basis = basis.Value,
                Categories = categories.Select(c => c.Value).ToImmutableArray(),
                CategoryLocations = categories.Select(c => context.At(c.Node)).ToImmutableArray(),
                Required = map.List("required").Select(c => c.Value).ToImmutableArray(),
                ContractKind = map.String("contract"),
                AfterContract = map.Duration("after_contract"),
                ExplicitConsent = map.Bool("explicit", false),
                SpecialCondition = map.Choice("special_condition", PolicyVocabulary.SpecialConditions) ?? SpecialCategoryCondition.None,
                Interest = map.Text("interest"),
                OptOut = map.Bool("opt_out", true),
                ExistingCustomersOnly = map.Bool("existing_customers_only", false),
                AllowedUnderRestriction = map.Bool("allowed_under_restriction", false),
                Location = context.At(key),
            });
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<RecipientDefinition> ReadRecipients(PolicyReadContext context, YamlMap root)
    {
        var section = root.Map("recipients", "'recipients'");
        if (section is null) return [];
        var result = ImmutableArray.CreateBuilder<RecipientDefinition>();
        foreach (var (key, value) in section.Entries)
        {
            if (!context.CheckKey(key.Value!, key, "recipient")) continue;
            var map = context.Map(value, $"recipient '{key.Value}'");
            if (map is null) continue;
            map.AllowOnly("name", "description", "role", "country", "mechanism", "purposes", "categories", "authorisation");
            var name = map.String("name", required: true);
            var role = map.Choice("role", PolicyVocabulary.RecipientRoles, required: true);
            var country = map.Country("country", required: true);
            var mechanism = map.Choice("mechanism", PolicyVocabulary.TransferMechanisms);
            var authorisation = map.Get("authorisation");
            var authorisationText = authorisation is null ? null : context.Scalar(authorisation, "'authorisation'");
            if (authorisation is not null && authorisationText is not ("required" or "none"))
                context.Error(PolicyCodes.InvalidChoice, authorisation, $"'authorisation' must be 'required' or 'none', not '{authorisationText}'", "write 'authorisation: required' when each disclosure needs the person's own prior authorisation");
            if (name is null || role is null || country is null) continue;
            result.Add(new RecipientDefinition
            {
                Key = key.Value!,
                Name = name,
                Description = map.Text("description"),
                Role = role.Value,
                Country = country,
                Mechanism = mechanism ?? TransferMechanism.None,
                MechanismLocation = map.Get("mechanism") is { } m ? context.At(m) : context.At(key),
                Purposes = map.List("purposes").Select(p => p.Value).ToImmutableArray(),
                Categories = map.List("categories").Select(c => c.Value).ToImmutableArray(),
                NeedsAuthorisation = authorisationText == "required",
                Location = context.At(key),
            });
        }

        return result.ToImmutable();
    }

    private static ImmutableArray<PermissionDefinition> ReadPermissions(PolicyReadContext context, YamlMap root)
    {
        var section = root.Map("permissions", "'permissions'");
        if (section is null) return [];
        var result = ImmutableArray.CreateBuilder<PermissionDefinition>();
        foreach (var (key, value) in section.Entries)
        {
            if (!context.CheckKey(key.Value!, key, "permission")) continue;
            var map = context.Map(value, $"permission '{key.Value}'");
            if (map is null) continue;
            map.AllowOnly("name", "description", "gates", "approximate");
            var approximate = map.Map("approximate", $"'approximate' of permission '{key.Value}'");
            approximate?.AllowOnly("category", "precision_km");
            result.Add(new PermissionDefinition(
                key.Value!,
                map.Text("name", required: true),
                map.Text("description"),
                map.List("gates").Select(g => g.Value).ToImmutableArray(),
                approximate?.String("category", required: true),
                approximate?.Number("precision_km", 0.001, 1000),
                context.At(key)));
        }

        return result.ToImmutable();
    }

    private static RetentionDefinition? ReadRetention(PolicyReadContext context, YamlMap root)
    {
        var section = root.Map("retention", "'retention'", required: true);
        if (section is null) return null;
        section.AllowOnly("fiscal_year_end", "rules");
        int month = 12, day = 31;
        var fiscal = section.Get("fiscal_year_end");
        if (fiscal is not null)
        {
            var text = context.Scalar(fiscal, "'fiscal_year_end'");
            if (text is null || !DateOnly.TryParseExact("2001-" + text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                context.Error(PolicyCodes.InvalidDate, fiscal, $"'{text}' is not a month and day", "write the last day of the financial year as MM-DD, e.g. \"12-31\" or \"06-30\" (quoted)");
            else (month, day) = (date.Month, date.Day);
        }

        var rulesNode = section.Require("rules");
        var rules = ImmutableArray.CreateBuilder<RetentionRule>();
        if (rulesNode is YamlSequenceNode sequence)
        {
            foreach (var item in sequence.Children)
            {
                var map = context.Map(item, "a retention rule");
                if (map is null) continue;
                map.AllowOnly("id", "categories", "purposes", "keep", "from", "kind", "action", "legal_duty", "description");
                var id = map.String("id", required: true);
                var keep = map.Duration("keep", required: true);
                var from = map.Choice("from", PolicyVocabulary.RetentionAnchors, required: true);
                var action = map.Choice("action", PolicyVocabulary.RetentionActions);
                if (id is null || keep is null || from is null) continue;
                rules.Add(new RetentionRule
                {
                    Id = id,
                    Categories = map.List("categories").Select(c => c.Value).ToImmutableArray(),
                    Purposes = map.List("purposes").Select(p => p.Value).ToImmutableArray(),
                    Keep = keep.Value,
                    From = from.Value,
                    AnchorKind = map.String("kind"),
                    Action = action ?? RetentionAction.Delete,
                    LegalDuty = map.Bool("legal_duty", false),
                    Description = map.Text("description"),
                    Location = map.Location,
                });
            }
        }
        else if (rulesNode is not null)
        {
            context.Error(PolicyCodes.WrongShape, rulesNode, "'rules' must be a list of rules, each starting with '- id:'", "write each rule as a list item: '- id: …' indented below 'rules:', its other keys lined up under 'id'");
        }

        return new RetentionDefinition(month, day, rules.ToImmutable());
    }

    private static RightsDefinition? ReadRights(PolicyReadContext context, YamlMap root)
    {
        var map = root.Map("rights", "'rights'", required: true);
        if (map is null) return null;
        map.AllowOnly("offered", "response_time", "extension", "verify_identity", "email", "url");
        var offered = ImmutableArray.CreateBuilder<DataSubjectRight>();
        foreach (var (_, node) in map.List("offered"))
        {
            var right = context.Choice(node, PolicyVocabulary.Rights, "right");
            if (right is not null) offered.Add(right.Value);
        }

        var response = map.Duration("response_time", required: true);
        return response is null
            ? null
            : new RightsDefinition(offered.ToImmutable(), response.Value, map.Duration("extension"), map.Bool("verify_identity", true), map.String("email"), map.String("url"), map.Location);
    }

    private static ImmutableArray<CookieCategory> ReadCookies(PolicyReadContext context, YamlMap root)
    {
        var section = root.Map("cookies", "'cookies'");
        if (section is null) return [];
        var result = ImmutableArray.CreateBuilder<CookieCategory>();
        foreach (var (key, value) in section.Entries)
        {
            if (!context.CheckKey(key.Value!, key, "cookie category")) continue;
            var map = context.Map(value, $"cookie category '{key.Value}'");
            if (map is null) continue;
            map.AllowOnly("name", "description", "required", "sale_or_sharing", "purpose");
            result.Add(new CookieCategory(
                key.Value!, map.Text("name", required: true), map.Text("description"), map.Bool("required", false),
                map.Bool("sale_or_sharing", false), map.String("purpose"), context.At(key)));
        }

        return result.ToImmutable();
    }
}
