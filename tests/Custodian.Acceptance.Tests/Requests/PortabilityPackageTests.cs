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

    [Fact]
    public async Task Readings_over_several_export_pages_and_those_of_a_merged_person_are_all_opened_once_in_time_order()
    {
        await using var vault = await TempVault.CreateAsync(SmartHomePerson.Policy(), SmartHomePerson.Start);
        var survivor = await SmartHomePerson.CreateAsync(vault.Vault, Custodian.Vault.DataVault.ExportPageSize + 10);
        var merged = await vault.Vault.CreateSubjectAsync(new Custodian.Vault.NewSubject(null, null, "dara-old", null), "test", CancellationToken.None);
        await vault.Vault.RecordRelationshipAsync(merged, "account", "opened", "test", CancellationToken.None);
        var old = Enumerable.Range(0, 3).Select(i => new Custodian.Vault.EventInput("user.telemetry", SmartHomePerson.Start.AddSeconds(30 + (i * 60)), "old-" + i, SmartHomePerson.Scale)).ToList();
        await vault.Vault.AppendEventsAsync(merged, "essential.service", old, "test", CancellationToken.None);
        await vault.Vault.MergeSubjectsAsync(survivor, merged, "test", CancellationToken.None);

        using var zip = await PackageAsync(vault, survivor);
        using var json = JsonDocument.Parse(Text(zip, "readings.json"));
        var readings = json.RootElement.EnumerateArray().Select(e => (At: e.GetProperty("at").GetDateTimeOffset(), Value: e.GetProperty("value").GetString()!)).ToList();

        Assert.Equal(Custodian.Vault.DataVault.ExportPageSize + 10 + 3, readings.Count);
        Assert.Equal(readings.OrderBy(r => r.At).Select(r => r.Value), readings.Select(r => r.Value));
        Assert.Equal(["old-0", "old-1", "old-2"], readings.Where(r => r.Value.StartsWith("old-", StringComparison.Ordinal)).Select(r => r.Value));
        Assert.Equal(readings.Count, readings.Select(r => r.Value).Distinct().Count());
    }

    [Fact]
    public async Task A_reading_altered_in_the_store_stops_the_export_with_a_sealed_value_error()
    {
        await using var vault = await TempVault.CreateAsync(SmartHomePerson.Policy(), SmartHomePerson.Start);
        var subject = await SmartHomePerson.CreateAsync(vault.Vault, 1000);
        await using (var other = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(vault.Directory, Custodian.Sqlite.SqliteVaultStoreOptions.DatabaseFileName)}"))
        {
            await other.OpenAsync();
            await using var command = other.CreateCommand();

            // The 900th reading sits in the half of the page the second thread opens; change its last byte (the tag).
            command.CommandText = "UPDATE events SET sealed = substr(sealed, 1, length(sealed) - 1) || CASE WHEN substr(sealed, -1) = x'00' THEN x'01' ELSE x'00' END WHERE id = (SELECT id FROM events WHERE subject_id = $id ORDER BY at, id LIMIT 1 OFFSET 900)";
            command.Parameters.AddWithValue("$id", subject);
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }

        var failure = await Assert.ThrowsAsync<Custodian.Crypto.SealedValueException>(() => PortabilityPackageWriter.WriteAsync(vault.Vault, subject, new MemoryStream(), "test", CancellationToken.None));

        Assert.Equal(Custodian.Crypto.SealedValueException.AuthenticationFailedCode, failure.Code);
    }
}
