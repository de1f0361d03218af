namespace Custodian.Statement;

/// <summary>The groups "what we collect" is shown in, so a reader sees kinds of data rather than a flat list of keys.</summary>
public enum CategoryGroup
{
    /// <summary>Name, contact details, birth date, identifiers, workplace.</summary>
    Identity,

    /// <summary>Account, sign-in, orders and payments.</summary>
    Account,

    /// <summary>Use of products and services: behaviour, device, location, sensors.</summary>
    Usage,

    /// <summary>Content the person creates and communication with the controller.</summary>
    Content,

    /// <summary>Special categories (GDPR Art. 9).</summary>
    Special,

    /// <summary>Anything else.</summary>
    Other,
}
