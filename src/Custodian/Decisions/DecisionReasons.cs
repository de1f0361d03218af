using System.Collections.Frozen;
using System.Numerics;

namespace Custodian.Decisions;

/// <summary>The stable codes and plain explanations of <see cref="DecisionReason"/> values.</summary>
public static class DecisionReasons
{
    private static readonly FrozenDictionary<DecisionReason, (string Code, string Text)> Descriptions = new Dictionary<DecisionReason, (string, string)>
    {
        [DecisionReason.CategoryNotInPurpose] = ("category_not_in_purpose", "the purpose does not list this category"),
        [DecisionReason.ConsentMissing] = ("consent_missing", "the person has not given consent for this purpose"),
        [DecisionReason.ConsentWithdrawn] = ("consent_withdrawn", "the person withdrew consent for this purpose"),
        [DecisionReason.ExplicitConsentMissing] = ("explicit_consent_missing", "this purpose needs explicit consent"),
        [DecisionReason.ConsentOutdated] = ("consent_outdated", "the purpose changed materially since consent was given"),
        [DecisionReason.NoContract] = ("no_contract", "there is no relationship of the kind this purpose needs"),
        [DecisionReason.ContractEnded] = ("contract_ended", "the relationship ended and its after-contract window has passed"),
        [DecisionReason.Objected] = ("objected", "the person objected to this purpose"),
        [DecisionReason.NotExistingCustomer] = ("not_existing_customer", "the purpose is for existing customers only"),
        [DecisionReason.Restricted] = ("restricted", "processing is restricted for this person"),
        [DecisionReason.RecordMissing] = ("record_missing", "no such record"),
        [DecisionReason.RecordExpired] = ("record_expired", "the retention period has ended"),
        [DecisionReason.SubjectErased] = ("subject_erased", "the person's data was erased"),
        [DecisionReason.KeptForLegalDutyOnly] = ("kept_for_legal_duty_only", "the data is kept only under a legal duty"),
        [DecisionReason.PermissionOff] = ("permission_off", "a permission that gates this category is off"),
        [DecisionReason.GuardianConsentMissing] = ("guardian_consent_missing", "the person is under the minimum age and no guardian has consented"),
        [DecisionReason.RecipientNotForPurpose] = ("recipient_not_for_purpose", "the recipient is not declared for this purpose"),
        [DecisionReason.RecipientNotForCategory] = ("recipient_not_for_category", "the recipient may not receive this category"),
        [DecisionReason.TransferForbidden] = ("transfer_forbidden", "the transfer to the recipient's country is not allowed"),
        [DecisionReason.AuthorisationMissing] = ("authorisation_missing", "the recipient needs the person's own prior authorisation"),
        [DecisionReason.SecretNeverDisclosed] = ("secret_never_disclosed", "a secret is never returned; it can only be verified"),
        [DecisionReason.DeviceUnbound] = ("device_unbound", "the device is no longer bound to the person"),
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, DecisionReason> ByCode = Descriptions.ToFrozenDictionary(p => p.Value.Code, p => p.Key);

    /// <summary>Every single reason, in rule order.</summary>
    public static IEnumerable<DecisionReason> All => Descriptions.Keys.Order();

    /// <summary>The stable code of one reason (<c>consent_withdrawn</c>).</summary>
    public static string Code(DecisionReason reason) => Descriptions[reason].Code;

    /// <summary>A plain explanation of one reason.</summary>
    public static string Explain(DecisionReason reason) => Descriptions[reason].Text;

    /// <summary>Parses a code back to its reason.</summary>
    public static bool TryParse(string code, out DecisionReason reason) => ByCode.TryGetValue(code, out reason);

    /// <summary>The single reasons in a set, in rule order.</summary>
    public static IEnumerable<DecisionReason> Split(DecisionReason reasons)
    {
        var bits = (uint)reasons;
        while (bits != 0)
        {
            var bit = BitOperations.TrailingZeroCount(bits);
            yield return (DecisionReason)(1u << bit);
            bits &= bits - 1;
        }
    }

    /// <summary>The codes of every reason in a set.</summary>
    public static IEnumerable<string> Codes(DecisionReason reasons) => Split(reasons).Select(Code);
}
