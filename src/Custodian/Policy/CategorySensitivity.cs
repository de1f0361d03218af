namespace Custodian.Policy;

/// <summary>What kind of care a category needs.</summary>
[Flags]
public enum CategorySensitivity
{
    /// <summary>Ordinary personal data.</summary>
    None = 0,

    /// <summary>A special category under GDPR Art. 9 (health, biometrics, beliefs…): explicit consent or an Art. 9(2) condition.</summary>
    Special = 1,

    /// <summary>A national identification number (CPR, SSN).</summary>
    NationalId = 2,

    /// <summary>A secret such as a password: stored only as a one-way hash, never returned (CK1, IS11).</summary>
    Secret = 4,

    /// <summary>Payment card data: the only categories that may hold a value that looks like a card number (IS3).</summary>
    PaymentCard = 8,
}
