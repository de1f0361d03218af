using Custodian.Policy;
using Custodian.Sqlite;

namespace Custodian.Cli.Tests;

/// <summary>Settings given in the environment: what commands make of them, and the words they use when refusing them.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class EnvironmentSettingTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("custodian-cli-env-").FullName;
    private readonly List<string> _variables = [];

    private string Data => Path.Combine(_root, "data");

    private static string Cekura => Path.Combine(Repository.Examples, "cekura", "policy.yaml");

    public void Dispose()
    {
        foreach (var name in _variables) Environment.SetEnvironmentVariable(name, null);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    private void Set(string name, string value)
    {
        _variables.Add(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    [Fact]
    public async Task Outbox_send_refuses_a_login_without_tls_in_words_without_a_parameter_name()
    {
        await using (await SqliteVaultFactory.OpenAsync(Data, PolicyCompiler.CompileFile(Cekura), TimeProvider.System, CancellationToken.None))
        {
        }

        Set("Custodian__Smtp__User", "custodian");

        var (exit, output, error) = await CliRun.RunAsync("outbox", "send", "--data", Data, "--smtp-host", "127.0.0.1", "--no-tls");

        Assert.Equal(ExitCodes.Failed, exit);
        Assert.Equal("error: SMTP credentials are sent only over TLS: turn STARTTLS on (Custodian:Smtp:Tls=true) or remove the user.", error.Trim());
        Assert.Empty(output);
    }
}
