using Custodian.Server.Auth;
using Custodian.Server.Problems;
using Custodian.Vault;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Custodian.Server.Endpoints;

/// <summary>Connected devices (CR5), NDJSON device ingest, and the anonymous "try now" mode (CR14).</summary>
internal static class DeviceEndpoints
{
    /// <summary>The largest NDJSON ingest body.</summary>
    public const long IngestLimit = 32L << 20;

    public static void Map(RouteGroupBuilder v1)
    {
        var devices = v1.MapGroup("/subjects/{id}/devices").WithTags("Devices").WithSubjectProblems();
        devices.MapPut("/{deviceId}", BindAsync).AcceptsJson<DeviceRequest>().WithSummary("Bind a device to a person (or update it)").WithDescription("The name is sealed; MAC and Wi-Fi identifiers are stored only as blind indexes.");
        devices.MapDelete("/{deviceId}", UnbindAsync).WithSummary("Unbind a device: nothing more from it is collected for this person");
        devices.MapGet("", ListAsync).WithSummary("A person's devices, for a purpose").WithDescription("Device names are shown only when the purpose may read device data.");
        v1.MapPost("/subjects/{id}/events/ndjson", NdjsonAsync).Accepts<string>("application/x-ndjson").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status415UnsupportedMediaType).WithTags("Devices").WithSummary("Append readings as NDJSON (one JSON reading per line)")
            .WithDescription("Content-Type application/x-ndjson; the purpose is a query parameter. Each reading is decided before it is stored.");
        v1.MapPost("/try-now/events", TryNowAsync).AcceptsJson<TryNowRequest>().WithTags("Devices").WithSummary("Readings from an anonymous 'try now' session: never stored, never linked to anyone");
    }

    private static async Task<NoContent> BindAsync(string id, string deviceId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        var body = await RequestBody.ReadAsync<DeviceRequest>(context);
        await runtime.Vault.BindDeviceAsync(id, new DeviceBinding(deviceId, body.Type, body.Name, body.Firmware, body.MacAddress, body.WifiNetworks), context.Actor(), context.RequestAborted);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UnbindAsync(string id, string deviceId, HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        return await runtime.Vault.UnbindDeviceAsync(id, deviceId, context.Actor(), context.RequestAborted)
            ? TypedResults.NoContent()
            : ProblemResponses.Problem(context, StatusCodes.Status404NotFound, ApiErrorCodes.NotFound, $"No bound device '{deviceId}' for this person.");
    }

    private static async Task<Ok<IReadOnlyList<DeviceView>>> ListAsync(string id, string? purpose, HttpContext context, CustodianRuntime runtime)
    {
        var named = EndpointContext.Required(purpose, "/purpose");
        await context.RequirePurposeAsync(runtime, named, id);
        return TypedResults.Ok(await runtime.Vault.GetDevicesAsync(id, named, context.Actor(), context.RequestAborted));
    }

    private static async Task<Ok<EventBatchResult>> NdjsonAsync(string id, string? purpose, HttpContext context, CustodianRuntime runtime)
    {
        var named = EndpointContext.Required(purpose, "/purpose");
        await context.RequirePurposeAsync(runtime, named, id);
        var readings = await ReadNdjsonAsync(context);
        return TypedResults.Ok(await runtime.Vault.AppendEventsAsync(id, named, readings, context.Actor(), context.RequestAborted));
    }

    private static async Task<Ok<TryNowResult>> TryNowAsync(HttpContext context, CustodianRuntime runtime)
    {
        context.RequirePersonalDataScope();
        var readings = context.Request.ContentType?.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) == true
            ? await ReadNdjsonAsync(context)
            : (await RequestBody.ReadAsync<TryNowRequest>(context, IngestLimit)).Readings.Select(r => new EventInput(r.Category, r.At, r.Value, r.Device)).ToList();
        var processed = await runtime.Vault.TryNowAsync(readings, context.Actor(), context.RequestAborted);
        return TypedResults.Ok(new TryNowResult(processed, 0));
    }

    private static async Task<List<EventInput>> ReadNdjsonAsync(HttpContext context)
    {
        if (context.Request.ContentType?.StartsWith("application/x-ndjson", StringComparison.OrdinalIgnoreCase) != true)
            throw new ApiProblemException(StatusCodes.Status415UnsupportedMediaType, ApiErrorCodes.UnsupportedMediaType, UnsupportedMedia.Ndjson);
        if (context.Request.ContentLength > IngestLimit)
            throw new ApiProblemException(StatusCodes.Status413PayloadTooLarge, ApiErrorCodes.BodyTooLarge, $"The body is larger than {IngestLimit >> 20} MiB; send smaller batches.");
        var readings = new List<EventInput>();
        using var reader = new StreamReader(context.Request.Body);
        var line = 0;
        while (await reader.ReadLineAsync(context.RequestAborted) is { } text)
        {
            line++;
            if (string.IsNullOrWhiteSpace(text)) continue;
            Contracts.EventItem item;
            try
            {
                item = RequestBody.Parse<Contracts.EventItem>(text, $"/{line - 1}");
            }
            catch (ApiProblemException e)
            {
                throw new ApiProblemException(e.Status, e.Code, $"Line {line}: {e.Message}", e.JsonPointer, e.Suggestions);
            }

            readings.Add(new EventInput(item.Category, item.At, item.Value, item.Device));
        }

        return readings;
    }
}

/// <summary>A device to bind.</summary>
public sealed record DeviceRequest
{
    /// <summary>Its type (smart_scale, socket…).</summary>
    public required string Type { get; init; }

    /// <summary>The name the person gave it (sealed).</summary>
    public string? Name { get; init; }

    /// <summary>Firmware version.</summary>
    public string? Firmware { get; init; }

    /// <summary>MAC address (blind index only).</summary>
    public string? MacAddress { get; init; }

    /// <summary>Wi-Fi identifiers (blind indexes only).</summary>
    public IReadOnlyList<string>? WifiNetworks { get; init; }
}

/// <summary>Readings from a "try now" session.</summary>
public sealed record TryNowRequest
{
    /// <summary>The readings.</summary>
    public required IReadOnlyList<Contracts.EventItem> Readings { get; init; }
}

/// <summary>What a "try now" batch did: processed, and stored nothing.</summary>
/// <param name="Processed">Readings processed.</param>
/// <param name="Stored">Always zero.</param>
public sealed record TryNowResult(int Processed, int Stored);
