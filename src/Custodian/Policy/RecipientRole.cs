namespace Custodian.Policy;

/// <summary>How a recipient stands to the controller.</summary>
public enum RecipientRole
{
    /// <summary>Processes on the controller's instructions (Art. 28).</summary>
    Processor,
    /// <summary>An independent controller.</summary>
    Controller,
    /// <summary>A partner the person links to (voice assistant, health platform).</summary>
    Partner,
    /// <summary>A public authority receiving data under a legal duty.</summary>
    Authority,
    /// <summary>A professional adviser (auditor, lawyer).</summary>
    Adviser,
}
