using Custodian.Policy;

namespace Custodian.Decisions;

/// <summary>
/// The answer to "may this category of this person be used for this purpose (and recipient) now?":
/// every failing reason, and the policy clause that decided. A value type, so deciding allocates nothing.
/// </summary>
/// <param name="Reasons">Every rule that failed; none means allowed.</param>
/// <param name="Clause">The clause that decided: the first failing rule's clause, or the purpose (and recipient) that allowed it.</param>
public readonly record struct Decision(DecisionReason Reasons, PolicyClause Clause)
{
    /// <summary>Whether the use is allowed.</summary>
    public bool Allowed => Reasons == DecisionReason.None;

    /// <summary>The first failing reason in rule order, or none.</summary>
    public DecisionReason FirstReason => (DecisionReason)((uint)Reasons & (uint)-(int)(uint)Reasons);
}

/// <summary>Which part of the policy a decision rests on.</summary>
public enum ClauseKind
{
    /// <summary>A purpose (its categories or legal basis).</summary>
    Purpose,

    /// <summary>A recipient.</summary>
    Recipient,

    /// <summary>A permission.</summary>
    Permission,

    /// <summary>The children section (minimum age, guardian consent).</summary>
    Children,

    /// <summary>The rights section (restriction, objection) or the person's own state.</summary>
    Subject,

    /// <summary>A retention rule or the record's own state.</summary>
    Record,
}

/// <summary>A reference to a clause of a compiled policy, turned into a readable path only when asked.</summary>
/// <param name="Kind">What kind of clause.</param>
/// <param name="Index">Its id among clauses of that kind (purpose id, recipient id, permission id), or -1.</param>
public readonly record struct PolicyClause(ClauseKind Kind, int Index)
{
    /// <summary>A readable path such as <c>purposes.marketing.communications.email</c>.</summary>
    public string Describe(CompiledPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        return Kind switch
        {
            ClauseKind.Purpose => $"purposes.{policy.Purposes[Index].Key}",
            ClauseKind.Recipient => $"recipients.{policy.Recipients[Index].Key}",
            ClauseKind.Permission => $"permissions.{policy.Permissions[Index].Key}",
            ClauseKind.Children => "children",
            ClauseKind.Subject => "rights",
            _ => "retention",
        };
    }
}
