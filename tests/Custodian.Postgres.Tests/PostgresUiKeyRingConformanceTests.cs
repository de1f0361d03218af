using Custodian.Storage.Conformance;

namespace Custodian.Postgres.Tests;

public sealed class PostgresUiKeyRingConformanceTests : UiKeyRingConformance<PostgresStoreFactory>;
