using System.IO.Compression;
using System.Text.Json;
using Custodian.Requests;

namespace Custodian.Acceptance.Tests.Requests;

public sealed class PortabilityPackageTests
{
    private static async Task<ZipArchive> PackageAsync(TempVault vault, string subject)
    {
        var buffer = new MemoryStream();
        await PortabilityPackageWriter.WriteAsync(vault.Vault, subject, buffer, "test", CancellationToken.None);
        buffer.Position = 0;
        return new ZipArchive(buffer, ZipArchiveMode.Read);
    }

    private static string Text(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task The_zip_holds_provided_values_and_device_readings_as_json_and_csv_with_a_manifest()
    {
        await using var vault = await TempVault.CreateAsync(SmartHomePerson.Policy(), SmartHomePerson.Start);
        var subject = await SmartHomePerson.CreateAsync(vault.Vault, 5);

        using var zip = await PackageAsync(vault, subject);

        Assert.Equal(["manifest.json", "provided.csv", "provided.json", "readings.csv", "readings.json"], zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal));
        using var manifest = JsonDocument.Parse(Text(zip, "manifest.json"));
        Assert.Equal(PortabilityPackageWriter.Format, manifest.RootElement.GetProperty("format").GetString());
        Assert.Equal(5, manifest.RootElement.GetProperty("readings").GetInt32());
    }

    [Fact]
    public async Task Only_what_the_person_provided_is_in_the_provided_files_and_never_the_password()
    {
        await using var vault = await TempVault.CreateAsync(SmartHomePerson.Policy(), SmartHomePerson.Start);
        var subject = await SmartHomePerson.CreateAsync(vault.Vault, 1);

        using var zip = await PackageAsync(vault, subject);
        var csv = Text(zip, "provided.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var json = JsonDocument.Parse(Text(zip, "provided.json"));

        Assert.Equal(PortabilityPackageWriter.ProvidedCsvHeader, csv[0]);
        Assert.Equal(["user.contact.email", "user.name"], json.RootElement.EnumerateArray().Select(e => e.GetProperty("category").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal(3, csv.Length);
        Assert.DoesNotContain(csv, line => line.Contains("203.0.113.7", StringComparison.Ordinal));
        Assert.DoesNotContain(zip.Entries, e => Text(zip, e.FullName).Contains(SmartHomePerson.Password, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Readings_without_a_device_are_left_out_and_csv_cells_with_commas_are_quoted()
    {
        await using var vault = await TempVault.CreateAsync(SmartHomePerson.Policy(), SmartHomePerson.Start);
        var subject = await SmartHomePerson.CreateAsync(vault.Vault, 2);

        using var zip = await PackageAsync(vault, subject);
        var csv = Text(zip, "readings.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var json = JsonDocument.Parse(Text(zip, "readings.json"));

        Assert.Equal(PortabilityPackageWriter.ReadingsCsvHeader, csv[0]);
        Assert.Equal(3, csv.Length);
        Assert.Equal($"2024-04-01T08:00:00.000Z,user.telemetry,{SmartHomePerson.Scale},\"{{\"\"t\"\":0,\"\"note\"\":\"\"a,b\"\"}}\"", csv[1]);
        Assert.All(json.RootElement.EnumerateArray(), e => Assert.Equal(SmartHomePerson.Scale, e.GetProperty("device").GetString()));
        Assert.DoesNotContain("app-opened", Text(zip, "readings.json"), StringComparison.Ordinal);
    }
}
