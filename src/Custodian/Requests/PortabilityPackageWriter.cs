using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Requests;

/// <summary>
/// Writes the portability package (Art. 20) as a zip in a structured, commonly used, machine-readable format: what the
/// person provided (records with source <c>provided</c>) and their device readings (events from a device), each as JSON and
/// as CSV, plus a manifest. Observed, derived and third-party data are not included (the access package has them). It
/// streams: the zip is written to an in-memory page that is drained to the output with asynchronous writes after every page
/// of readings, so memory stays bounded and an HTTP response (which allows only asynchronous writes) can take it directly.
/// </summary>
public static class PortabilityPackageWriter
{
    /// <summary>The format id written in the manifest.</summary>
    public const string Format = "custodian.portability.v1";

    /// <summary>The CSV header of <c>provided.csv</c>.</summary>
    public const string ProvidedCsvHeader = "category,value,collected_at,collected_for";

    /// <summary>The CSV header of <c>readings.csv</c>.</summary>
    public const string ReadingsCsvHeader = "at,category,device,value";

    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the zip for <paramref name="subjectId"/> to <paramref name="output"/> (which may be unseekable); returns the readings written.</summary>
    public static async Task<long> WriteAsync(DataVault vault, string subjectId, Stream output, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(vault);
        var records = (await vault.ReadForRightsAsync(subjectId, "portability", actor, cancellationToken))
            .Where(r => r.Record.Source == RecordSource.Provided && !r.Secret && r.Value is not null)
            .OrderBy(r => r.Record.CategoryKey, StringComparer.Ordinal)
            .ThenBy(r => r.Record.CollectedAt)
            .ToList();
        await using var buffer = new DrainingBuffer(output);
        var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true);

        await WriteEntryAsync(zip, "provided.json", async stream =>
        {
            await using var json = new Utf8JsonWriter(stream, JsonOptions);
            json.WriteStartArray();
            foreach (var item in records)
            {
                json.WriteStartObject();
                json.WriteString("category", item.Record.CategoryKey);
                json.WriteString("value", item.Value);
                json.WriteString("collected_at", item.Record.CollectedAt);
                json.WriteString("collected_for", item.Record.PurposeKey);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            await json.FlushAsync(cancellationToken);
        }, cancellationToken);

        await WriteEntryAsync(zip, "provided.csv", async stream =>
        {
            var csv = new StringBuilder(ProvidedCsvHeader).Append("\r\n");
            foreach (var item in records)
            {
                csv.Append(Cell(item.Record.CategoryKey)).Append(',').Append(Cell(item.Value!)).Append(',')
                    .Append(Instant(item.Record.CollectedAt)).Append(',').Append(Cell(item.Record.PurposeKey)).Append("\r\n");
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(csv.ToString()), cancellationToken);
        }, cancellationToken);

        long readings = 0;
        await WriteEntryAsync(zip, "readings.json", async stream =>
        {
            await using var json = new Utf8JsonWriter(stream, JsonOptions);
            json.WriteStartArray();
            await vault.VisitEventsForRightsAsync(
                subjectId,
                "portability",
                (in DecryptedEvent e) =>
                {
                    if (e.DeviceId is null) return;
                    readings++;
                    json.WriteStartObject();
                    json.WriteString("at", e.At);
                    json.WriteString("category", e.CategoryKey);
                    json.WriteString("device", e.DeviceId);
                    json.WriteString("value", e.Utf8Value);
                    json.WriteEndObject();
                },
                async ct =>
                {
                    await json.FlushAsync(ct);
                    await stream.FlushAsync(ct);
                    await buffer.DrainAsync(ct);
                },
                actor,
                cancellationToken);
            json.WriteEndArray();
            await json.FlushAsync(cancellationToken);
        }, cancellationToken);

        await WriteEntryAsync(zip, "readings.csv", async stream =>
        {
            var csv = new StringBuilder(ReadingsCsvHeader).Append("\r\n");
            await vault.VisitEventsForRightsAsync(
                subjectId,
                "portability",
                (in DecryptedEvent e) =>
                {
                    if (e.DeviceId is null) return;
                    csv.Append(Instant(e.At)).Append(',').Append(Cell(e.CategoryKey)).Append(',').Append(Cell(e.DeviceId)).Append(',').Append(Cell(Encoding.UTF8.GetString(e.Utf8Value))).Append("\r\n");
                },
                async ct =>
                {
                    await stream.WriteAsync(Encoding.UTF8.GetBytes(csv.ToString()), ct);
                    csv.Clear();
                    await stream.FlushAsync(ct);
                    await buffer.DrainAsync(ct);
                },
                actor,
                cancellationToken);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(csv.ToString()), cancellationToken);
        }, cancellationToken);

        await WriteEntryAsync(zip, "manifest.json", async stream =>
        {
            await using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JsonOptions.Encoder });
            json.WriteStartObject();
            json.WriteString("format", Format);
            json.WriteString("subject", subjectId);
            json.WriteString("controller", vault.Policy.Document.Controller.Name);
            json.WriteString("policy_version", vault.Policy.Document.Version);
            json.WriteString("generated_at", vault.Clock.GetUtcNow());
            json.WriteNumber("provided", records.Count);
            json.WriteNumber("readings", readings);
            json.WriteStartObject("files");
            json.WriteString("provided.json", "What you gave us: one object per value (category, value, collected_at, collected_for).");
            json.WriteString("provided.csv", "The same as provided.json, as comma-separated values with a header row.");
            json.WriteString("readings.json", "Readings from your devices: one object per reading (at, category, device, value).");
            json.WriteString("readings.csv", "The same as readings.json, as comma-separated values with a header row.");
            json.WriteEndObject();
            json.WriteEndObject();
            await json.FlushAsync(cancellationToken);
        }, cancellationToken);

        zip.Dispose();
        await buffer.DrainAsync(cancellationToken);
        return readings;

        async Task WriteEntryAsync(ZipArchive archive, string name, Func<Stream, Task> write, CancellationToken ct)
        {
            var entry = archive.CreateEntry(name, CompressionLevel.Fastest);
            using (var stream = entry.Open())
            {
                await write(stream);
            }

            await buffer.DrainAsync(ct);
        }
    }

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A CSV cell (RFC 4180): quoted when it holds a comma, quote or line break; a leading formula character is neutralised.</summary>
    public static string Cell(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) value = "'" + value;
        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
