using Custodian.Storage.Conformance;

namespace Custodian.Postgres.Tests;

public sealed class PostgresSignInChallengeConformanceTests : SignInChallengeConformance<PostgresStoreFactory>;
