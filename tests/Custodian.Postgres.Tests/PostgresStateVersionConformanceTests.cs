using Custodian.Storage.Conformance;

namespace Custodian.Postgres.Tests;

public sealed class PostgresStateVersionConformanceTests : StateVersionConformance<PostgresStoreFactory>;
