using Custodian.Server.Auth;

namespace Custodian.Server.Tests;

public sealed class SecretApiTests : IAsyncLifetime
{
    private CustodianFactory Factory { get; } = new(RepoPaths.Ceetron);

    [Fact]
    public async Task A_password_verifies_without_being_read_and_a_reset_replaces_it()
    {
        var client = Factory.Client(Factory.CreateKey(ApiScope.Admin));
        var id = await client.CreateSubjectAsync(new(UserName: "ceetron-user-1"));
        await client.RecordRelationshipAsync(id, "service_agreement", "opened");
        var stored = await client.CollectAsync(id, new("essential.service.authentication", [new("user.authorization.password", "correct horse battery")]));

        var right = await client.VerifySecretAsync(id, "user.authorization.password", "correct horse battery");
        var wrong = await client.VerifySecretAsync(id, "user.authorization.password", "wrong horse");
        await client.ResetSecretAsync(id, "user.authorization.password", "new staple 2024");
        var oldAfterReset = await client.VerifySecretAsync(id, "user.authorization.password", "correct horse battery");
        var newAfterReset = await client.VerifySecretAsync(id, "user.authorization.password", "new staple 2024");
        var read = await client.ReadAsync(id, "essential.service.authentication");

        Assert.Single(stored.Stored);
        Assert.True(right);
        Assert.False(wrong);
        Assert.False(oldAfterReset);
        Assert.True(newAfterReset);
        Assert.DoesNotContain(read.Values, v => v.Value.Contains("staple", StringComparison.Ordinal));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
