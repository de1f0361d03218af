namespace Custodian.Requests;

/// <summary>What a data-subject request asks for (GDPR Art. 7(3), 15–18, 20, 21).</summary>
public enum RequestKind
{
    /// <summary>A copy of the data and the Art. 15 information.</summary>
    Access = 1,

    /// <summary>What the person provided, machine-readable (Art. 20).</summary>
    Portability = 2,

    /// <summary>Correction of a value (Art. 16).</summary>
    Rectification = 3,

    /// <summary>Erasure (Art. 17), limited by legal duties and holds.</summary>
    Erasure = 4,

    /// <summary>Restriction of processing (Art. 18).</summary>
    Restriction = 5,

    /// <summary>Objection to a purpose (Art. 21).</summary>
    Objection = 6,

    /// <summary>Withdrawal of consent (Art. 7(3)).</summary>
    ConsentWithdrawal = 7,
}
