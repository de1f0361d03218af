namespace Custodian.Storage;

/// <summary>Whether a consent entry is about a purpose or a device permission.</summary>
public enum ConsentKind
{
    /// <summary>A purpose (for example <c>marketing.communications.email</c>).</summary>
    Purpose = 1,

    /// <summary>A permission (location, camera, microphone…).</summary>
    Permission = 2,
}
