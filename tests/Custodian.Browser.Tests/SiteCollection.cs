namespace Custodian.Browser.Tests;

/// <summary>The browser tests share one server and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<CustodianSite>
{
    public const string Name = "custodian site";
}
