using Custodian.Storage.Conformance;

namespace Custodian.Postgres.Tests;

public sealed class PostgresLedgerConformanceTests : LedgerConformance<PostgresStoreFactory>;
