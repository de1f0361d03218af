using System.Net;
using Custodian.Client;
using Custodian.Scenarios;
using Custodian.Server.Auth;
using Custodian.Vault;

namespace Custodian.Server.Tests;

public sealed class SecretApiTests : IAsyncLifetime
{
    private const string Password = "user.authorization.password";
    private const string SignIn = "essential.service.authentication";
    private readonly VirtualClock _clock = new(DateTimeOffset.UtcNow);

    public SecretApiTests() => Factory = new(RepoPaths.Ceetron) { Clock = _clock };

    private CustodianFactory Factory { get; }

    [Fact]
    public async Task A_password_verifies_without_being_read_and_a_reset_replaces_it()
    {
        var client = Factory.Client(Factory.CreateKey(ApiScope.Admin));
        var id = await client.CreateSubjectAsync(new(UserName: "ceetron-user-1"));
        await client.RecordRelationshipAsync(id, "service_agreement", "opened");
        var stored = await client.CollectAsync(id, new(SignIn, [new(Password, "correct horse battery")]));

        var right = await client.VerifySecretAsync(id, Password, "correct horse battery", SignIn);
        var wrong = await client.VerifySecretAsync(id, Password, "wrong horse", SignIn);
        await client.ResetSecretAsync(id, Password, "new staple 2024", SignIn);
        var oldAfterReset = await client.VerifySecretAsync(id, Password, "correct horse battery", SignIn);
        var newAfterReset = await client.VerifySecretAsync(id, Password, "new staple 2024", SignIn);
        var read = await client.ReadAsync(id, SignIn);

        Assert.Single(stored.Stored);
        Assert.True(right);
        Assert.False(wrong);
        Assert.False(oldAfterReset);
        Assert.True(newAfterReset);
        Assert.DoesNotContain(read.Values, v => v.Value.Contains("staple", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_service_key_bound_to_other_purposes_can_neither_check_nor_reset_a_password()
    {
        var admin = Factory.Client(Factory.CreateKey(ApiScope.Admin));
        var id = await PersonWithPasswordAsync(admin, "ceetron-user-2", "correct horse battery");
        var other = Factory.Client(Factory.CreateKey(ApiScope.Service, "analytics.reporting"));

        var reset = await Assert.ThrowsAsync<CustodianApiException>(() => other.ResetSecretAsync(id, Password, "attacker chosen", SignIn));
        var check = await Assert.ThrowsAsync<CustodianApiException>(() => other.VerifySecretAsync(id, Password, "correct horse battery", SignIn));
        var underItsOwnPurpose = await Assert.ThrowsAsync<CustodianApiException>(() => other.VerifySecretAsync(id, Password, "correct horse battery", "analytics.reporting"));

        Assert.Equal("purpose_not_allowed", reset.Code);
        Assert.Equal("purpose_not_allowed", check.Code);
        Assert.Equal(VaultErrorCodes.UseDenied, underItsOwnPurpose.Code);
        Assert.Contains("category_not_in_purpose", underItsOwnPurpose.Message, StringComparison.Ordinal);
        Assert.True(await admin.VerifySecretAsync(id, Password, "correct horse battery", SignIn));
        Assert.False(await admin.VerifySecretAsync(id, Password, "attacker chosen", SignIn));
    }

    [Fact]
    [CoversCode(VaultErrorCodes.UseDenied)]
    public async Task A_restricted_person_s_password_is_neither_checked_nor_reset_and_nothing_changes()
    {
        var admin = Factory.Client(Factory.CreateKey(ApiScope.Admin));
        var id = await PersonWithPasswordAsync(admin, "ceetron-user-3", "correct horse battery");
        await admin.SetRestrictionAsync(id, true);

        var reset = await Assert.ThrowsAsync<CustodianApiException>(() => admin.ResetSecretAsync(id, Password, "new staple 2024", SignIn));
        var check = await Assert.ThrowsAsync<CustodianApiException>(() => admin.VerifySecretAsync(id, Password, "correct horse battery", SignIn));
        await admin.SetRestrictionAsync(id, false);

        Assert.Equal((HttpStatusCode.Forbidden, VaultErrorCodes.UseDenied), (reset.Status, reset.Code));
        Assert.Contains("restricted", reset.Message, StringComparison.Ordinal);
        Assert.Equal(VaultErrorCodes.UseDenied, check.Code);
        Assert.True(await admin.VerifySecretAsync(id, Password, "correct horse battery", SignIn));
        Assert.False(await admin.VerifySecretAsync(id, Password, "new staple 2024", SignIn));
    }

    [Fact]
    public async Task Setting_a_first_password_the_policy_refuses_stores_nothing_and_says_why()
    {
        var admin = Factory.Client(Factory.CreateKey(ApiScope.Admin));
        var id = await admin.CreateSubjectAsync(new(UserName: "ceetron-user-4"));

        var refused = await Assert.ThrowsAsync<CustodianApiException>(() => admin.ResetSecretAsync(id, Password, "correct horse battery", SignIn));

        Assert.Equal(VaultErrorCodes.UseDenied, refused.Code);
        Assert.Contains("no_contract", refused.Message, StringComparison.Ordinal);
        await admin.RecordRelationshipAsync(id, "service_agreement", "opened");
        Assert.False(await admin.VerifySecretAsync(id, Password, "correct horse battery", SignIn));
    }

    [Fact]
    [CoversCode(VaultErrorCodes.TooManyAttempts)]
    public async Task Five_wrong_passwords_stop_checks_for_fifteen_minutes_then_the_right_one_works_again()
    {
        var admin = Factory.Client(Factory.CreateKey(ApiScope.Admin));
        var id = await PersonWithPasswordAsync(admin, "ceetron-user-5", "correct horse battery");

        for (var i = 0; i < 5; i++) Assert.False(await admin.VerifySecretAsync(id, Password, $"guess {i}", SignIn));
        var blocked = await Assert.ThrowsAsync<CustodianApiException>(() => admin.VerifySecretAsync(id, Password, "correct horse battery", SignIn));
        _clock.MoveTo(_clock.GetUtcNow().AddMinutes(14));
        var stillBlocked = await Assert.ThrowsAsync<CustodianApiException>(() => admin.VerifySecretAsync(id, Password, "correct horse battery", SignIn));
        _clock.MoveTo(_clock.GetUtcNow().AddMinutes(2));
        var resumed = await admin.VerifySecretAsync(id, Password, "correct horse battery", SignIn);

        Assert.Equal((HttpStatusCode.TooManyRequests, VaultErrorCodes.TooManyAttempts), (blocked.Status, blocked.Code));
        Assert.Equal(VaultErrorCodes.TooManyAttempts, stillBlocked.Code);
        Assert.True(resumed);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    private static async Task<string> PersonWithPasswordAsync(CustodianClient admin, string userName, string password)
    {
        var id = await admin.CreateSubjectAsync(new(UserName: userName));
        await admin.RecordRelationshipAsync(id, "service_agreement", "opened");
        var stored = await admin.CollectAsync(id, new(SignIn, [new(Password, password)]));
        Assert.Single(stored.Stored);
        return id;
    }
}
