namespace Custodian.Storage.Conformance;

/// <summary>Pending privacy-center sign-ins: stored as given, one live per person, attempts counted by the store, expiry, removal and erasure.</summary>
public abstract class SignInChallengeConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    private const int MaxAttempts = 5;
    private static readonly DateTimeOffset Expiry = TestData.T0.AddMinutes(10);

    [Fact]
    public async Task A_challenge_is_read_back_as_stored()
    {
        var subject = await NewSubjectAsync();
        var challenge = Challenge(subject.SubjectId);
        await InTransactionAsync(t => t.AddSignInChallengeAsync(challenge, Ct));

        var stored = await Store.GetSignInChallengeAsync(challenge.ChallengeId, Ct);

        Assert.NotNull(stored);
        Assert.Equal((challenge.ChallengeId, challenge.SubjectId, Expiry, 0), (stored.ChallengeId, stored.SubjectId, stored.ExpiresAt, stored.Attempts));
        Assert.Equal(challenge.CodeHash, stored.CodeHash);
        Assert.Equal(challenge.SealedAddress, stored.SealedAddress);
        Assert.Null(await Store.GetSignInChallengeAsync("chl_unknown", Ct));
    }

    [Fact]
    public async Task A_challenge_for_an_address_that_belongs_to_no_one_has_no_subject_and_no_address()
    {
        var challenge = Challenge(null);
        await InTransactionAsync(t => t.AddSignInChallengeAsync(challenge, Ct));

        var stored = await Store.GetSignInChallengeAsync(challenge.ChallengeId, Ct);

        Assert.NotNull(stored);
        Assert.Null(stored.SubjectId);
        Assert.Null(stored.SealedAddress);
    }

    [Fact]
    public async Task A_challenge_id_is_stored_once()
    {
        var challenge = Challenge(null);
        await InTransactionAsync(t => t.AddSignInChallengeAsync(challenge, Ct));

        var error = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.AddSignInChallengeAsync(challenge with { CodeHash = [7] }, Ct)));

        Assert.Equal(VaultStoreException.Duplicate, error.Code);
    }

    [Fact]
    public async Task A_new_challenge_for_a_person_removes_their_earlier_ones_and_leaves_other_peoples_and_those_without_a_person()
    {
        var subject = await NewSubjectAsync();
        var other = await NewSubjectAsync();
        var (first, second, others, nobody, nobodyElse) = (Challenge(subject.SubjectId), Challenge(subject.SubjectId), Challenge(other.SubjectId), Challenge(null), Challenge(null));
        await InTransactionAsync(async t =>
        {
            foreach (var challenge in (StoredSignInChallenge[])[first, others, nobody, nobodyElse]) await t.AddSignInChallengeAsync(challenge, Ct);
        });

        await InTransactionAsync(t => t.AddSignInChallengeAsync(second, Ct));

        StoredSignInChallenge? countedFirst = null;
        StoredSignInChallenge? countedSecond = null;
        await InTransactionAsync(async t => countedFirst = await t.CountSignInAttemptAsync(first.ChallengeId, TestData.T0, MaxAttempts, Ct));
        await InTransactionAsync(async t => countedSecond = await t.CountSignInAttemptAsync(second.ChallengeId, TestData.T0, MaxAttempts, Ct));
        Assert.Null(await Store.GetSignInChallengeAsync(first.ChallengeId, Ct));
        Assert.Null(countedFirst);
        Assert.NotNull(countedSecond);
        Assert.Equal(subject.SubjectId, countedSecond.SubjectId);
        Assert.NotNull(await Store.GetSignInChallengeAsync(others.ChallengeId, Ct));
        Assert.NotNull(await Store.GetSignInChallengeAsync(nobody.ChallengeId, Ct));
        Assert.NotNull(await Store.GetSignInChallengeAsync(nobodyElse.ChallengeId, Ct));
        Assert.Equal(4, await Store.CountSignInChallengesAsync(TestData.T0, Ct));
    }

    [Fact]
    public async Task Challenges_for_one_person_added_in_one_transaction_leave_only_the_last()
    {
        var subject = await NewSubjectAsync();
        var (first, second, third) = (Challenge(subject.SubjectId), Challenge(subject.SubjectId), Challenge(subject.SubjectId));

        await InTransactionAsync(async t =>
        {
            foreach (var challenge in (StoredSignInChallenge[])[first, second, third]) await t.AddSignInChallengeAsync(challenge, Ct);
        });

        Assert.Null(await Store.GetSignInChallengeAsync(first.ChallengeId, Ct));
        Assert.Null(await Store.GetSignInChallengeAsync(second.ChallengeId, Ct));
        Assert.NotNull(await Store.GetSignInChallengeAsync(third.ChallengeId, Ct));
    }

    [Fact]
    public async Task A_new_challenge_rolled_back_with_its_transaction_leaves_the_earlier_one_live()
    {
        var subject = await NewSubjectAsync();
        var (first, second) = (Challenge(subject.SubjectId), Challenge(subject.SubjectId));
        await InTransactionAsync(t => t.AddSignInChallengeAsync(first, Ct));

        await using (var transaction = await Store.BeginAsync(Ct))
        {
            await transaction.AddSignInChallengeAsync(second, Ct);
            await transaction.RollbackAsync(Ct);
        }

        StoredSignInChallenge? counted = null;
        await InTransactionAsync(async t => counted = await t.CountSignInAttemptAsync(first.ChallengeId, TestData.T0, MaxAttempts, Ct));
        Assert.NotNull(counted);
        Assert.Null(await Store.GetSignInChallengeAsync(second.ChallengeId, Ct));
    }

    [Fact]
    public async Task A_persons_challenge_id_is_stored_once_and_the_stored_challenge_survives_the_attempt()
    {
        var subject = await NewSubjectAsync();
        var challenge = Challenge(subject.SubjectId);
        await InTransactionAsync(t => t.AddSignInChallengeAsync(challenge, Ct));

        var error = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.AddSignInChallengeAsync(challenge with { CodeHash = [7] }, Ct)));

        Assert.Equal(VaultStoreException.Duplicate, error.Code);
        Assert.Equal(challenge.CodeHash, (await Store.GetSignInChallengeAsync(challenge.ChallengeId, Ct))!.CodeHash);
    }

    [Fact]
    public async Task Attempts_are_counted_one_at_a_time_up_to_the_limit_and_no_further()
    {
        var challenge = Challenge(null);
        await InTransactionAsync(t => t.AddSignInChallengeAsync(challenge, Ct));

        var counted = new List<int?>();
        for (var i = 0; i < MaxAttempts + 2; i++)
        {
            await InTransactionAsync(async t => counted.Add((await t.CountSignInAttemptAsync(challenge.ChallengeId, TestData.T0, MaxAttempts, Ct))?.Attempts));
        }

        Assert.Equal([1, 2, 3, 4, 5, null, null], counted);
        Assert.Equal(MaxAttempts, (await Store.GetSignInChallengeAsync(challenge.ChallengeId, Ct))!.Attempts);
    }

    [Fact]
    public async Task A_counted_attempt_returns_the_challenge_with_its_hash_and_sealed_address()
    {
        var subject = await NewSubjectAsync();
        var challenge = Challenge(subject.SubjectId);
        await InTransactionAsync(t => t.AddSignInChallengeAsync(challenge, Ct));

        StoredSignInChallenge? counted = null;
        await InTransactionAsync(async t => counted = await t.CountSignInAttemptAsync(challenge.ChallengeId, TestData.T0, MaxAttempts, Ct));

        Assert.NotNull(counted);
        Assert.Equal((subject.SubjectId, Expiry, 1), (counted.SubjectId, counted.ExpiresAt, counted.Attempts));
        Assert.Equal(challenge.CodeHash, counted.CodeHash);
        Assert.Equal(challenge.SealedAddress, counted.SealedAddress);
    }

    [Fact]
    public async Task An_attempt_rolled_back_with_its_transaction_is_not_counted()
    {
        var challenge = Challenge(null);
        await InTransactionAsync(t => t.AddSignInChallengeAsync(challenge, Ct));

        await using (var transaction = await Store.BeginAsync(Ct))
        {
            Assert.NotNull(await transaction.CountSignInAttemptAsync(challenge.ChallengeId, TestData.T0, MaxAttempts, Ct));
            await transaction.RollbackAsync(Ct);
        }

        Assert.Equal(0, (await Store.GetSignInChallengeAsync(challenge.ChallengeId, Ct))!.Attempts);
    }

    [Fact]
    public async Task Attempts_made_at_once_through_two_stores_on_one_database_together_stop_at_the_limit()
    {
        var challenge = Challenge(null);
        await InTransactionAsync(t => t.AddSignInChallengeAsync(challenge, Ct));
        await using var second = await OpenSecondStoreAsync();

        var attempts = await Task.WhenAll(Enumerable.Range(0, 4 * MaxAttempts).Select(i => Task.Run(async () =>
        {
            await using var transaction = await (i % 2 == 0 ? Store : second).BeginAsync(Ct);
            var counted = await transaction.CountSignInAttemptAsync(challenge.ChallengeId, TestData.T0, MaxAttempts, Ct);
            await transaction.CommitAsync(Ct);
            return counted?.Attempts;
        })));

        Assert.Equal([1, 2, 3, 4, 5], attempts.OfType<int>().Order());
        Assert.Equal(MaxAttempts, (await second.GetSignInChallengeAsync(challenge.ChallengeId, Ct))!.Attempts);
    }

    [Fact]
    public async Task An_expired_challenge_counts_no_attempt_is_not_counted_as_waiting_and_is_removed_with_the_expired()
    {
        var expired = Challenge(null, expiresAt: TestData.T0);
        var open = Challenge(null);
        await InTransactionAsync(async t =>
        {
            await t.AddSignInChallengeAsync(expired, Ct);
            await t.AddSignInChallengeAsync(open, Ct);
        });

        StoredSignInChallenge? counted = null;
        var removed = 0;
        var waiting = await Store.CountSignInChallengesAsync(TestData.T0, Ct);
        await InTransactionAsync(async t => counted = await t.CountSignInAttemptAsync(expired.ChallengeId, TestData.T0, MaxAttempts, Ct));
        await InTransactionAsync(async t => removed = await t.RemoveExpiredSignInChallengesAsync(TestData.T0, Ct));

        Assert.Null(counted);
        Assert.Equal(1, waiting);
        Assert.Equal(1, removed);
        Assert.Null(await Store.GetSignInChallengeAsync(expired.ChallengeId, Ct));
        Assert.NotNull(await Store.GetSignInChallengeAsync(open.ChallengeId, Ct));
    }

    [Fact]
    public async Task A_challenge_is_removed_once()
    {
        var challenge = Challenge(null);
        await InTransactionAsync(t => t.AddSignInChallengeAsync(challenge, Ct));

        var first = false;
        var second = true;
        StoredSignInChallenge? counted = null;
        await InTransactionAsync(async t => first = await t.RemoveSignInChallengeAsync(challenge.ChallengeId, Ct));
        await InTransactionAsync(async t => second = await t.RemoveSignInChallengeAsync(challenge.ChallengeId, Ct));
        await InTransactionAsync(async t => counted = await t.CountSignInAttemptAsync(challenge.ChallengeId, TestData.T0, MaxAttempts, Ct));

        Assert.True(first);
        Assert.False(second);
        Assert.Null(counted);
        Assert.Null(await Store.GetSignInChallengeAsync(challenge.ChallengeId, Ct));
    }

    [Fact]
    public async Task Erasing_a_person_removes_their_pending_sign_ins_and_those_of_people_merged_into_them()
    {
        var survivor = await NewSubjectAsync();
        var duplicate = await NewSubjectAsync();
        var other = await NewSubjectAsync();
        var (own, merged, others, nobody) = (Challenge(survivor.SubjectId), Challenge(duplicate.SubjectId), Challenge(other.SubjectId), Challenge(null));
        await InTransactionAsync(async t =>
        {
            foreach (var challenge in (StoredSignInChallenge[])[own, merged, others, nobody]) await t.AddSignInChallengeAsync(challenge, Ct);
        });
        await InTransactionAsync(t => t.MergeSubjectsAsync(survivor.SubjectId, duplicate.SubjectId, TestData.T0.AddMinutes(1), Ct));

        await InTransactionAsync(t => t.ShredSubjectAsync(survivor.SubjectId, TestData.T0.AddMinutes(2), Ct));

        Assert.Null(await Store.GetSignInChallengeAsync(own.ChallengeId, Ct));
        Assert.Null(await Store.GetSignInChallengeAsync(merged.ChallengeId, Ct));
        Assert.NotNull(await Store.GetSignInChallengeAsync(others.ChallengeId, Ct));
        Assert.NotNull(await Store.GetSignInChallengeAsync(nobody.ChallengeId, Ct));
    }

    private static StoredSignInChallenge Challenge(string? subjectId, DateTimeOffset? expiresAt = null) =>
        new(TestData.NewId("chl"), subjectId, [.. Enumerable.Range(0, 32).Select(i => (byte)(i + 1))], subjectId is null ? null : [4, 5, 6], expiresAt ?? Expiry, 0);
}
