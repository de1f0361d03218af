using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Custodian.Server.Problems;
using Custodian.Vault;

namespace Custodian.Server.Tests;

/// <summary>docs/api.md is run, not just read: every curl example against the real demo, every error code listed.</summary>
public sealed partial class ApiDocTests(DemoServer demo) : IClassFixture<DemoServer>
{
    [Fact]
    public async Task Every_curl_example_in_the_api_doc_answers_with_its_documented_status_against_the_demo()
    {
        var examples = Examples(await File.ReadAllTextAsync(RepoPaths.ApiDoc));
        var subject = (await BashAsync("""curl -s -X POST -H "Authorization: Bearer $SERVICE" -H "Content-Type: application/json" -d '{"email":"karen.holm@example.dk"}' $URL/v1/subjects/lookup | sed 's/.*"id":"\([^"]*\)".*/\1/'""", "")).Trim();
        Assert.StartsWith("sub_", subject, StringComparison.Ordinal);
        var failures = new List<string>();

        foreach (var (expected, script) in examples)
        {
            var status = (await BashAsync(StatusOfLastCurl(script), subject)).Trim();
            if (status != expected) failures.Add($"expected {expected}, got {status}:\n{script}");
        }

        Assert.True(examples.Count >= 30, $"Only {examples.Count} examples found.");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    [Fact]
    public async Task Every_error_code_is_explained_in_the_api_doc()
    {
        var doc = await File.ReadAllTextAsync(RepoPaths.ApiDoc);
        static IEnumerable<string> Codes(Type type) => type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

        var missing = Codes(typeof(ApiErrorCodes)).Concat(Codes(typeof(VaultErrorCodes))).Where(c => !doc.Contains($"| `{c}` |", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
    }

    /// <summary>The sh blocks that name a status (<c># → 200</c>), with the status and the script.</summary>
    private static List<(string Status, string Script)> Examples(string markdown) =>
        ShBlock().Matches(markdown).Select(m => m.Groups[1].Value)
            .Select(block => (Status: StatusComment().Match(block), Script: block))
            .Where(b => b.Status.Success)
            .Select(b => (b.Status.Groups[1].Value, b.Script))
            .ToList();

    /// <summary>Makes the block's last curl print only its status code.</summary>
    private static string StatusOfLastCurl(string script)
    {
        var at = script.LastIndexOf("\ncurl ", StringComparison.Ordinal);
        return script[..(at + 1)] + "curl -o /dev/null -w '%{http_code}' " + script[(at + 6)..];
    }

    private async Task<string> BashAsync(string script, string subject)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        info.Environment["URL"] = demo.Url;
        info.Environment["ADMIN"] = demo.AdminKey;
        info.Environment["SERVICE"] = demo.ServiceKey;
        info.Environment["SUBJECT"] = subject;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return await stdout + await stderr;
    }

    [GeneratedRegex(@"```sh\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex ShBlock();

    [GeneratedRegex(@"^# → (\d{3})$", RegexOptions.Multiline)]
    private static partial Regex StatusComment();
}
