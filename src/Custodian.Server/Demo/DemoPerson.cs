namespace Custodian.Server.Demo;

/// <summary>A fictional person of the demo: what they are registered with.</summary>
/// <param name="Name">Full name.</param>
/// <param name="Email">Email address (an <c>example.dk</c> address, so no real mailbox is ever written to).</param>
/// <param name="Phone">Phone number.</param>
/// <param name="Address">Postal address.</param>
/// <param name="Born">Birth date.</param>
public sealed record DemoPerson(string Name, string Email, string Phone, string Address, DateOnly Born);
