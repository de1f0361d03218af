namespace Custodian.Retention;

/// <summary>The retention rules that cover one category collected for one purpose, split by whether a legal duty keeps the data.</summary>
/// <param name="Ordinary">Indexes of covering rules without a legal duty.</param>
/// <param name="LegalDuty">Indexes of covering rules with <c>legal_duty: true</c>.</param>
public sealed record RetentionCoverage(int[] Ordinary, int[] LegalDuty)
{
    /// <summary>True when no rule covers the pair.</summary>
    public bool IsEmpty => Ordinary.Length == 0 && LegalDuty.Length == 0;

    /// <summary>The rules that govern the live copy: the ordinary ones, or the legal-duty ones when there are no others.</summary>
    public int[] Live => Ordinary.Length > 0 ? Ordinary : LegalDuty;
}
