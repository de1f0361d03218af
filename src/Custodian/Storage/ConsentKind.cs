namespace Custodian.Storage;

/// <summary>Whether a consent entry is about a purpose, a device permission or a cookie category.</summary>
public enum ConsentKind
{
    /// <summary>A purpose (for example <c>marketing.communications.email</c>).</summary>
    Purpose = 1,

    /// <summary>A permission (location, camera, microphone…).</summary>
    Permission = 2,

    /// <summary>
    /// A cookie category of the banner that names no purpose (key <c>cookie:&lt;category&gt;</c>, such as <c>cookie:marketing</c>):
    /// evidence of the visitor's choice; it decides nothing by itself.
    /// </summary>
    Cookie = 3,
}
