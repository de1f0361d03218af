using Custodian.Storage.Conformance;

namespace Custodian.Postgres.Tests;

public sealed class PostgresRecordConformanceTests : RecordConformance<PostgresStoreFactory>;
