namespace Custodian.Server.Ui.Center;

/// <summary>A consent or a permission the person can switch, or a purpose they can object to, with its current state.</summary>
/// <param name="Key">The purpose or permission key.</param>
/// <param name="Name">Its name.</param>
/// <param name="Description">What it is for.</param>
/// <param name="IsPermission">True for an app or device permission.</param>
/// <param name="On">For a consent: given now; for an objection: the person objects now.</param>
/// <param name="Since">When the current state began, in words, if ever set.</param>
public sealed record ChoiceItem(string Key, string Name, string Description, bool IsPermission, bool On, string? Since);
