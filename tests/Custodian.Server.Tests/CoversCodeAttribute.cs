namespace Custodian.Server.Tests;

/// <summary>Marks the test that provokes an error code over HTTP, so a test can check that every code has one.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class CoversCodeAttribute(string code) : Attribute
{
    public string Code { get; } = code;
}
