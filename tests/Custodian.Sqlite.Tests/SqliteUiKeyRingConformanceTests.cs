using Custodian.Storage.Conformance;

namespace Custodian.Sqlite.Tests;

public sealed class SqliteUiKeyRingConformanceTests : UiKeyRingConformance<SqliteStoreFactory>;
