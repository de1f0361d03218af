using Custodian.Storage.Conformance;

namespace Custodian.Sqlite.Tests;

public sealed class SqliteSubjectConformanceTests : SubjectConformance<SqliteStoreFactory>;
