namespace Custodian.Storage.Conformance;

/// <summary>The per-subject ledgers the decision engine reads, loaded as one subject state.</summary>
public abstract class LedgerConformance<TFactory> : VaultStoreConformance<TFactory>
    where TFactory : IVaultStoreFactory, new()
{
    [Fact]
    public async Task Subject_state_holds_every_ledger_in_time_order()
    {
        var subject = await NewSubjectAsync();
        var id = subject.SubjectId;
        var t0 = TestData.T0;
        var withdrawn = TestData.Consent(id, "marketing.communications.email", false, t0.AddDays(2));
        var given = TestData.Consent(id, "marketing.communications.email", true, t0.AddDays(1));

        await InTransactionAsync(async t =>
        {
            await t.AppendConsentAsync(withdrawn, Ct);
            await t.AppendConsentAsync(given, Ct);
            await t.AppendConsentAsync(TestData.Consent(id, "location", true, t0, Storage.ConsentKind.Permission), Ct);
            await t.AddObjectionAsync(new Objection("obj-1", id, "analytics.reporting", t0.AddDays(3)), Ct);
            await t.AppendRestrictionAsync(new RestrictionChange(id, true, t0.AddDays(4)), Ct);
            await t.AppendRestrictionAsync(new RestrictionChange(id, false, t0.AddDays(5)), Ct);
            await t.PlaceLegalHoldAsync(new LegalHold("hold-1", id, "case-42", t0, t0.AddYears(1)), Ct);
            await t.AppendRelationshipEventAsync(new RelationshipEvent(id, "subscription", "opened", t0), Ct);
            await t.AppendRelationshipEventAsync(new RelationshipEvent(id, "subscription", "ended", t0.AddMonths(6)), Ct);
            await t.AppendRecipientAuthorisationAsync(new RecipientAuthorisation(id, "care.partner", true, t0), Ct);
            await t.AppendGuardianConsentAsync(new GuardianConsent(id, true, t0, "sub_guardian"), Ct);
        });
        var state = await Store.LoadSubjectStateAsync(id, Ct);

        Assert.NotNull(state);
        Assert.Equal(3, state.Consents.Count);
        Assert.Equal(given.ConsentId, state.Consents[1].ConsentId);
        Assert.Equal("acme", state.Consents[1].Controller);
        Assert.Equal("consent", state.Consents[1].LegalBasis);
        Assert.Equal("form-7", state.Consents[1].Evidence);
        Assert.True(state.Consents[1].Explicit);
        Assert.False(state.ConsentHead(Storage.ConsentKind.Purpose, "marketing.communications.email", t0.AddDays(3))!.Given);
        Assert.True(state.ConsentHead(Storage.ConsentKind.Purpose, "marketing.communications.email", t0.AddDays(1))!.Given);
        Assert.Null(state.ConsentHead(Storage.ConsentKind.Purpose, "location", t0.AddDays(1)));
        Assert.Equal("analytics.reporting", Assert.Single(state.Objections).PurposeKey);
        Assert.True(state.IsRestrictedAt(t0.AddDays(4.5)));
        Assert.False(state.IsRestrictedAt(t0.AddDays(6)));
        Assert.Equal(t0.AddYears(1), Assert.Single(state.LegalHolds).Until);
        Assert.Equal(["opened", "ended"], state.Relationships.Select(r => r.Event));
        Assert.Equal("care.partner", Assert.Single(state.RecipientAuthorisations).RecipientKey);
        Assert.Equal("sub_guardian", Assert.Single(state.GuardianConsents).GuardianReference);
        Assert.False(state.HasDataKey);
    }

    [Fact]
    public async Task Lifting_an_objection_and_a_hold_records_when_and_only_once()
    {
        var subject = await NewSubjectAsync();
        var id = subject.SubjectId;
        await InTransactionAsync(async t =>
        {
            await t.AddObjectionAsync(new Objection("obj-2", id, "analytics.reporting", TestData.T0), Ct);
            await t.PlaceLegalHoldAsync(new LegalHold("hold-2", id, "case-7", TestData.T0), Ct);
        });
        var lifted = new List<bool>();

        await InTransactionAsync(async t =>
        {
            lifted.Add(await t.LiftObjectionAsync("obj-2", TestData.T0.AddDays(1), Ct));
            lifted.Add(await t.LiftObjectionAsync("obj-2", TestData.T0.AddDays(2), Ct));
            lifted.Add(await t.LiftLegalHoldAsync("hold-2", TestData.T0.AddDays(1), Ct));
            lifted.Add(await t.LiftLegalHoldAsync("hold-unknown", TestData.T0.AddDays(1), Ct));
        });
        var state = await Store.LoadSubjectStateAsync(id, Ct);

        Assert.Equal([true, false, true, false], lifted);
        Assert.Equal(TestData.T0.AddDays(1), state!.Objections[0].LiftedAt);
        Assert.Equal(TestData.T0.AddDays(1), state.LegalHolds[0].LiftedAt);
    }

    [Fact]
    public async Task Lifting_open_objections_lifts_those_named_and_open_and_leaves_the_rest()
    {
        var subject = await NewSubjectAsync();
        var id = subject.SubjectId;
        await InTransactionAsync(async t =>
        {
            await t.AddObjectionAsync(new Objection("obj-a", id, "analytics.reporting", TestData.T0), Ct);
            await t.AddObjectionAsync(new Objection("obj-b", id, "analytics.reporting", TestData.T0.AddMinutes(1)), Ct);
            await t.AddObjectionAsync(new Objection("obj-c", id, "marketing.post", TestData.T0.AddMinutes(2)), Ct);
            await t.AddObjectionAsync(new Objection("obj-d", id, "analytics.reporting", TestData.T0.AddMinutes(3), TestData.T0.AddMinutes(4)), Ct);
        });

        await InTransactionAsync(t => t.LiftOpenObjectionsAsync(["obj-a", "obj-b", "obj-d", "obj-unknown"], TestData.T0.AddDays(1), Ct));
        await InTransactionAsync(t => t.LiftOpenObjectionsAsync([], TestData.T0.AddDays(2), Ct));
        var lifted = (await Store.LoadSubjectStateAsync(id, Ct))!.Objections.ToDictionary(o => o.ObjectionId, o => o.LiftedAt);

        Assert.Equal(TestData.T0.AddDays(1), lifted["obj-a"]);
        Assert.Equal(TestData.T0.AddDays(1), lifted["obj-b"]);
        Assert.Null(lifted["obj-c"]);
        Assert.Equal(TestData.T0.AddMinutes(4), lifted["obj-d"]);
    }

    [Fact]
    public async Task A_consent_id_cannot_be_appended_twice()
    {
        var subject = await NewSubjectAsync();
        var consent = TestData.Consent(subject.SubjectId, "analytics.reporting", true, TestData.T0);
        await InTransactionAsync(t => t.AppendConsentAsync(consent, Ct));

        var ex = await Assert.ThrowsAsync<VaultStoreException>(() => InTransactionAsync(t => t.AppendConsentAsync(consent, Ct)));

        Assert.Equal(VaultStoreException.Duplicate, ex.Code);
    }
}
