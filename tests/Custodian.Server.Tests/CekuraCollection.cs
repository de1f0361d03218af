namespace Custodian.Server.Tests;

/// <summary>Tests that share one CEKURA server.</summary>
[CollectionDefinition(Name)]
public sealed class CekuraCollection : ICollectionFixture<CekuraServer>
{
    public const string Name = "cekura server";
}
