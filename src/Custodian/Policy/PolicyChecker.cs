using System.Collections.Immutable;
using Custodian.Taxonomy;

namespace Custodian.Policy;

/// <summary>
/// Finds what a privacy officer wants caught before a policy is published: uses of undeclared data, unlawful
/// transfers, special categories without a condition, data kept with no retention rule, and more. Every rule
/// has its own code (CUS2xx) and is explained in docs/policy-reference.md.
/// </summary>
public static class PolicyChecker
{
    /// <summary>Checks a document the loader read; returns errors and warnings in file order.</summary>
    public static ImmutableArray<PolicyDiagnostic> Check(PolicyDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var findings = new List<PolicyDiagnostic>();
        void Error(string code, SourceLocation at, string message, string? fix) => findings.Add(new(code, DiagnosticSeverity.Error, at, message, fix));
        void Warn(string code, SourceLocation at, string message, string? fix) => findings.Add(new(code, DiagnosticSeverity.Warning, at, message, fix));

        var compiled = PolicyCompiler.Compile(document, "");
        var categoryKeys = compiled.CategoryKeys.ToHashSet(StringComparer.Ordinal);
        var purposeKeys = document.Purposes.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        var purposesByKey = document.Purposes.DistinctBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, StringComparer.Ordinal);

        void CheckCategory(string key, SourceLocation at, string where)
        {
            if (categoryKeys.Contains(key)) return;
            Error(PolicyCodes.UndeclaredCategory, at, $"{where} uses category '{key}', which is neither built in nor declared",
                Suggestions.DidYouMean(key, categoryKeys, $"declare '{key}' under 'categories:' below a built-in key such as user.contact"));
        }

        void CheckPurposeRef(string key, SourceLocation at, string where)
        {
            if (purposeKeys.Contains(key)) return;
            Error(PolicyCodes.UndeclaredReference, at, $"{where} names purpose '{key}', which the policy does not declare", Suggestions.DidYouMean(key, purposeKeys, "declare it under 'purposes:'"));
        }

        foreach (var category in document.Categories)
        {
            var parent = BuiltInTaxonomy.ParentOf(category.Key);
            if (!BuiltInTaxonomy.Categories.ContainsKey(category.Key) && (parent is null || !categoryKeys.Contains(parent)))
                Error(PolicyCodes.UndeclaredCategory, category.Location, $"category '{category.Key}' is not below a built-in or declared category", $"put it below a fideslang key, e.g. {(Suggestions.Nearest(parent ?? category.Key, BuiltInTaxonomy.Categories.Keys) is [var first, ..] ? first : "user")}.<your_key>");
        }

        var compiledPurposes = compiled.Purposes.ToDictionary(p => p.Key, StringComparer.Ordinal);
        foreach (var purpose in document.Purposes)
        {
            var builtInAncestor = false;
            for (var key = purpose.Key; key is not null; key = BuiltInTaxonomy.ParentOf(key)) builtInAncestor |= BuiltInTaxonomy.Uses.ContainsKey(key);
            if (!builtInAncestor)
                Error(PolicyCodes.UndeclaredReference, purpose.Location, $"purpose '{purpose.Key}' is not a fideslang data use nor below one", Suggestions.DidYouMean(purpose.Key, BuiltInTaxonomy.Uses.Keys, "put it below a data use such as essential.service or marketing.communications"));

            for (var i = 0; i < purpose.Categories.Length; i++)
                CheckCategory(purpose.Categories[i], i < purpose.CategoryLocations.Length ? purpose.CategoryLocations[i] : purpose.Location, $"purpose '{purpose.Key}'");
            foreach (var required in purpose.Required.Where(r => !purpose.Categories.Any(c => BuiltInTaxonomy.IsAtOrBelow(r, c))))
                Error(PolicyCodes.RequiredNotListed, purpose.Location, $"purpose '{purpose.Key}' requires '{required}' but does not list it under 'categories'", $"add '{required}' to its categories");

            if (purpose.Basis == LegalBasis.Contract && string.IsNullOrEmpty(purpose.ContractKind))
                Error(PolicyCodes.ContractWithoutKind, purpose.Location, $"purpose '{purpose.Key}' rests on a contract but names no contract kind", "add 'contract: <kind>' (e.g. subscription, order, account): the relationship whose life the purpose follows");
            if (purpose.Basis == LegalBasis.Consent && !purpose.OptOut)
                Error(PolicyCodes.ConsentWithoutOptOut, purpose.Location, $"purpose '{purpose.Key}' rests on consent but says it cannot be opted out of", "consent can always be withdrawn (Art. 7(3)): remove 'opt_out: false' or choose another basis");
            if (purpose.Basis == LegalBasis.LegitimateInterest && !document.Rights.Offered.Contains(DataSubjectRight.Objection))
                Error(PolicyCodes.NoObjectionRoute, purpose.Location, $"purpose '{purpose.Key}' rests on legitimate interest but the policy offers no right to object", "add 'objection' to rights.offered (Art. 21)");

            if (compiledPurposes.TryGetValue(purpose.Key, out var compiledPurpose))
            {
                var special = compiledPurpose.Categories.Members().Select(id => compiled.Categories[id]).FirstOrDefault(c => c.Sensitivity.HasFlag(CategorySensitivity.Special));
                var explicitConsent = purpose.Basis == LegalBasis.Consent && purpose.ExplicitConsent;
                var condition = purpose.SpecialCondition != SpecialCategoryCondition.None
                    && (purpose.SpecialCondition != SpecialCategoryCondition.ExplicitConsent || explicitConsent);
                if (special is not null && !explicitConsent && !condition)
                    Error(PolicyCodes.SpecialCategoryWithoutCondition, purpose.Location, $"purpose '{purpose.Key}' may use special category '{special.Key}' without explicit consent or an Art. 9(2) condition",
                        "rest it on consent with 'explicit: true', or add 'special_condition:' (e.g. health_or_social_care, legal_claims)");

                if (document.SaleNever && compiledPurpose.Sale)
                    Error(PolicyCodes.SaleForbidden, purpose.Location, $"purpose '{purpose.Key}' sells or shares personal data, but the policy promises 'sale: never'", "remove the purpose or the promise");

                var secret = compiledPurpose.Categories.Members().Select(id => compiled.Categories[id]).FirstOrDefault(c => c.Sensitivity.HasFlag(CategorySensitivity.Secret));
                if (secret is not null && !purpose.Key.StartsWith("essential.service.authentication", StringComparison.Ordinal) && !purpose.Key.StartsWith("essential.service.security", StringComparison.Ordinal))
                    Error(PolicyCodes.SecretDisclosed, purpose.Location, $"purpose '{purpose.Key}' may use secret category '{secret.Key}'; secrets are only hashed and verified", "use secrets only under essential.service.authentication, and list narrower categories here");
            }

            if (IsMarketingEmail(purpose.Key) && purpose.Basis == LegalBasis.LegitimateInterest && !purpose.ExistingCustomersOnly
                && PolicyVocabulary.EmailMarketingConsentJurisdictions.Overlaps(document.Markets.Append(document.Jurisdiction)))
                Warn(PolicyCodes.MarketingEmailNeedsConsent, purpose.Location, $"purpose '{purpose.Key}' sends marketing email on legitimate interest, where the policy's markets need prior consent",
                    "rest it on consent, or set 'existing_customers_only: true' for the soft opt-in to existing customers");

            CheckTranslations(document, purpose.Name, purpose.Location, $"the name of purpose '{purpose.Key}'", Warn);
        }

        foreach (var recipient in document.Recipients)
        {
            foreach (var key in recipient.Purposes) CheckPurposeRef(key, recipient.Location, $"recipient '{recipient.Key}'");
            foreach (var key in recipient.Categories) CheckCategory(key, recipient.Location, $"recipient '{recipient.Key}'");
            var allowedByPurposes = recipient.Purposes.Distinct(StringComparer.Ordinal)
                .SelectMany(key => purposesByKey.TryGetValue(key, out var p) ? p.Categories : []).ToList();
            foreach (var key in recipient.Categories.Where(k => categoryKeys.Contains(k) && !allowedByPurposes.Any(a => BuiltInTaxonomy.IsAtOrBelow(k, a))))
                Error(PolicyCodes.RecipientCategoryOutsidePurposes, recipient.Location, $"recipient '{recipient.Key}' may receive '{key}', which none of its purposes uses", "list a narrower category or add the category to one of its purposes");
            if (document.SaleNever && recipient.Purposes.Any(PolicyCompiler.IsSale))
                Error(PolicyCodes.SaleForbidden, recipient.Location, $"recipient '{recipient.Key}' receives data for a sale purpose, but the policy promises 'sale: never'", "remove that purpose from the recipient");
            if (compiled.TryGetRecipient(recipient.Key, out var rid) && compiled.Recipient(rid).Categories.Members().Any(id => compiled.Categories[id].Sensitivity.HasFlag(CategorySensitivity.Secret)))
                Error(PolicyCodes.SecretDisclosed, recipient.Location, $"recipient '{recipient.Key}' may receive a secret category; secrets are never disclosed", "list narrower categories without passwords or credentials");

            CheckTransfer(document, recipient, Error);
        }

        foreach (var permission in document.Permissions)
        {
            foreach (var key in permission.Gates) CheckCategory(key, permission.Location, $"permission '{permission.Key}'");
            if (permission.ApproximateCategory is { } approximate) CheckCategory(approximate, permission.Location, $"permission '{permission.Key}'");
            CheckTranslations(document, permission.Name, permission.Location, $"the name of permission '{permission.Key}'", Warn);
        }

        var permissionCount = document.Permissions.Length + document.Permissions.Count(p => p.ApproximateCategory is not null);
        if (permissionCount > PolicyCompiler.MaxPermissions)
            Error(PolicyCodes.InvalidValue, document.Permissions[^1].Location, $"a policy may declare at most {PolicyCompiler.MaxPermissions} permissions (each approximate variant counts as one); this one has {permissionCount}", "merge permissions that always go together");

        CheckRetention(document, categoryKeys, CheckCategory, CheckPurposeRef, Error);

        foreach (var cookie in document.Cookies)
        {
            if (cookie.Purpose is { } purpose) CheckPurposeRef(purpose, cookie.Location, $"cookie category '{cookie.Key}'");
            CheckTranslations(document, cookie.Name, cookie.Location, $"the name of cookie category '{cookie.Key}'", Warn);
        }

        foreach (var category in document.Categories) CheckTranslations(document, category.Name, category.Location, $"the name of category '{category.Key}'", Warn);

        var children = document.Children;
        if (children.MinimumAge is not null && !children.GuardianConsentStated)
            Warn(PolicyCodes.ChildrenIncomplete, children.Location, $"a minimum age of {children.MinimumAge} is set, but the policy does not say whether a guardian may consent for someone younger", "add 'guardian_consent: true' if a parent may consent for a child (CR12), or 'guardian_consent: false' to refuse them");
        if (children.MinimumAge is null && children.GuardianConsent)
            Warn(PolicyCodes.ChildrenIncomplete, children.Location, "guardian consent is enabled but no minimum age is set", "add 'minimum_age:' (e.g. 13 or 16)");

        return findings.OrderBy(f => f.Location.Line).ThenBy(f => f.Location.Column).ToImmutableArray();
    }

    private static bool IsMarketingEmail(string key) =>
        BuiltInTaxonomy.IsAtOrBelow(key, "marketing.communications.email") || key == "marketing.communications" || key == "marketing";

    private static void CheckTransfer(PolicyDocument document, RecipientDefinition recipient, Action<string, SourceLocation, string, string?> error)
    {
        if (recipient.Mechanism == TransferMechanism.PrivacyShield)
        {
            error(PolicyCodes.PrivacyShield, recipient.MechanismLocation, $"recipient '{recipient.Key}' relies on the EU-US Privacy Shield, which the EU Court invalidated on 16 July 2020 (Schrems II)",
                "use 'scc' (standard contractual clauses) or, for a certified US organisation, 'dpf' (EU-US Data Privacy Framework)");
            return;
        }

        if (document.TransferRule == TransferRule.EuOnly && !PolicyVocabulary.EuCountries.Contains(recipient.Country))
        {
            error(PolicyCodes.TransferAgainstRule, recipient.Location, $"recipient '{recipient.Key}' is in {recipient.Country}, outside the EU, but the policy says 'transfers: eu_only'", "choose a recipient inside the EU or change the transfer rule (and the promise)");
            return;
        }

        if (document.TransferRule == TransferRule.EeaOnly && !Transfers.IsInsideEea(recipient.Country))
        {
            error(PolicyCodes.TransferAgainstRule, recipient.Location, $"recipient '{recipient.Key}' is in {recipient.Country}, outside the EEA, but the policy says 'transfers: eea_only'", "choose a recipient inside the EEA or change the transfer rule");
            return;
        }

        if (!Transfers.IsInsideEea(recipient.Country) && !Transfers.MechanismHolds(recipient.Mechanism, recipient.Country))
        {
            var what = recipient.Mechanism == TransferMechanism.None ? "names no transfer mechanism" : $"names '{PolicyVocabulary.NameOf(PolicyVocabulary.TransferMechanisms, recipient.Mechanism)}', which does not cover {recipient.Country}";
            error(PolicyCodes.TransferWithoutMechanism, recipient.MechanismLocation, $"recipient '{recipient.Key}' is in {recipient.Country}, outside the EU/EEA, and {what}", "add 'mechanism: scc' (or adequacy, bcr, dpf where they apply)");
        }
    }

    private static void CheckRetention(
        PolicyDocument document, HashSet<string> categoryKeys, Action<string, SourceLocation, string> checkCategory,
        Action<string, SourceLocation, string> checkPurpose, Action<string, SourceLocation, string, string?> error)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in document.Retention.Rules)
        {
            if (!ids.Add(rule.Id)) error(PolicyCodes.Duplicate, rule.Location, $"retention rule id '{rule.Id}' is used twice", "give each rule its own id");
            foreach (var key in rule.Categories) checkCategory(key, rule.Location, $"retention rule '{rule.Id}'");
            foreach (var key in rule.Purposes) checkPurpose(key, rule.Location, $"retention rule '{rule.Id}'");
            if (rule.From is RetentionAnchor.RelationshipEnded or RetentionAnchor.FiscalYearEnd && string.IsNullOrEmpty(rule.AnchorKind))
                error(PolicyCodes.AnchorWithoutKind, rule.Location, $"retention rule '{rule.Id}' counts from '{PolicyVocabulary.NameOf(PolicyVocabulary.RetentionAnchors, rule.From)}' but names no 'kind'",
                    rule.From == RetentionAnchor.RelationshipEnded ? "add 'kind: <relationship>' such as subscription or account" : "add 'kind: <event>' such as payment_settled or transaction");
        }

        // A rule covers (purpose, category) when it is open to the purpose and lists the category or a key above it,
        // or lists purposes and no categories. Indexed by listed category, so each check walks only the category's ancestors.
        var rulesByCategory = new Dictionary<string, List<RetentionRule>>(StringComparer.Ordinal);
        var rulePurposes = new Dictionary<RetentionRule, HashSet<string>>(ReferenceEqualityComparer.Instance);
        var purposesWithWholeRule = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in document.Retention.Rules)
        {
            rulePurposes[rule] = rule.Purposes.ToHashSet(StringComparer.Ordinal);
            if (rule.Categories.IsEmpty) purposesWithWholeRule.UnionWith(rule.Purposes);
            foreach (var key in rule.Categories)
            {
                if (!rulesByCategory.TryGetValue(key, out var rules)) rulesByCategory[key] = rules = [];
                rules.Add(rule);
            }
        }

        bool Covered(string purpose, string category)
        {
            if (purposesWithWholeRule.Contains(purpose)) return true;
            for (var key = category; key is not null; key = BuiltInTaxonomy.ParentOf(key))
            {
                if (rulesByCategory.TryGetValue(key, out var rules) && rules.Exists(rule => rule.Purposes.IsEmpty || rulePurposes[rule].Contains(purpose))) return true;
            }

            return false;
        }

        foreach (var purpose in document.Purposes)
        {
            foreach (var category in purpose.Categories.Where(categoryKeys.Contains))
            {
                if (!Covered(purpose.Key, category))
                    error(PolicyCodes.NoRetention, purpose.Location, $"purpose '{purpose.Key}' collects '{category}', but no retention rule says how long it is kept",
                        $"add a rule under retention.rules with 'categories: [{category}]' or 'purposes: [{purpose.Key}]'");
            }
        }
    }

    private static void CheckTranslations(PolicyDocument document, LocalizedText text, SourceLocation at, string what, Action<string, SourceLocation, string, string?> warn)
    {
        if (!text.Languages.Any()) return;
        foreach (var language in document.Languages.Where(l => !text.Has(l)))
            warn(PolicyCodes.MissingTranslation, at, $"{what} has no '{language}' text, though the policy is published in {language}", $"add '{language}: …' to it");
    }
}
