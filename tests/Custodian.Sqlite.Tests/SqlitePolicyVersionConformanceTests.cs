using Custodian.Storage.Conformance;

namespace Custodian.Sqlite.Tests;

public sealed class SqlitePolicyVersionConformanceTests : PolicyVersionConformance<SqliteStoreFactory>;
