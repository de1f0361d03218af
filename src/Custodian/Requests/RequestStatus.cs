namespace Custodian.Requests;

/// <summary>Where a request stands; the history keeps every change.</summary>
public enum RequestStatus
{
    /// <summary>Received; the person's identity is not yet verified.</summary>
    Received = 1,

    /// <summary>Identity verified (a one-time code, a vouching service, or an administrator).</summary>
    Verified = 2,

    /// <summary>Being answered.</summary>
    InProgress = 3,

    /// <summary>The deadline was extended once, with a reason and a notice to the person.</summary>
    Extended = 4,

    /// <summary>Answered.</summary>
    Completed = 5,

    /// <summary>Refused, with a reason (a legal hold, identity not proven…).</summary>
    Denied = 6,
}
