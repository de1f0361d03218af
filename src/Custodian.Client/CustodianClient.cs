using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Custodian.Client.Contracts;

namespace Custodian.Client;

/// <summary>
/// A typed client for the Custodian API (<c>/v1</c>): one method per endpoint, the API key sent on every request,
/// and every problem answer thrown as a <see cref="CustodianApiException"/> carrying its stable code.
/// </summary>
public sealed partial class CustodianClient
{
    private readonly HttpClient _http;
    private readonly AuthenticationHeaderValue _authorization;

    /// <summary>Creates a client over <paramref name="http"/> (whose <c>BaseAddress</c> is the server) that authenticates with <paramref name="apiKey"/>.</summary>
    public CustodianClient(HttpClient http, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrWhiteSpace(apiKey);
        _http = http;
        _authorization = new AuthenticationHeaderValue("Bearer", apiKey);
    }

    /// <summary>Registers a person and returns the pseudonymous id (<c>sub_…</c>).</summary>
    public async Task<string> CreateSubjectAsync(CreateSubjectRequest request, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync<JsonElement>(HttpMethod.Post, "v1/subjects", request, cancellationToken);
        return body.GetProperty("id").GetString()!;
    }

    /// <summary>Signs a person up (register, consents, values) in one transaction; nothing is stored if any part fails.</summary>
    public Task<SignUpResult> SignUpAsync(SignUpRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<SignUpResult>(HttpMethod.Post, "v1/subjects/sign-ups", request, cancellationToken);

    /// <summary>Finds a person by one lookup key; null when no one is registered with it.</summary>
    public async Task<string?> LookupSubjectAsync(LookupSubjectRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            var body = await SendAsync<JsonElement>(HttpMethod.Post, "v1/subjects/lookup", request, cancellationToken);
            return body.GetProperty("id").GetString();
        }
        catch (CustodianApiException e) when (e.Status == HttpStatusCode.NotFound && e.Code == "unknown_subject")
        {
            return null;
        }
    }

    /// <summary>Merges the duplicate <paramref name="mergedId"/> into <paramref name="subjectId"/> (admin).</summary>
    public Task MergeSubjectsAsync(string subjectId, string mergedId, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"v1/subjects/{Escape(subjectId)}/merge", new { mergedId }, cancellationToken);

    /// <summary>Collects values for a purpose; refused values come back with reason codes instead of being stored.</summary>
    public Task<CollectResult> CollectAsync(string subjectId, CollectRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<CollectResult>(HttpMethod.Post, $"v1/subjects/{Escape(subjectId)}/records", request, cancellationToken);

    /// <summary>Reads a person's data for a purpose (and recipient): allowed values, reason codes for the rest.</summary>
    public Task<ReadResult> ReadAsync(string subjectId, string purpose, string? recipient = null, IEnumerable<string>? categories = null, CancellationToken cancellationToken = default)
    {
        var query = $"?purpose={Uri.EscapeDataString(purpose)}";
        if (recipient is not null) query += $"&recipient={Uri.EscapeDataString(recipient)}";
        foreach (var category in categories ?? []) query += $"&category={Uri.EscapeDataString(category)}";
        return SendAsync<ReadResult>(HttpMethod.Get, $"v1/subjects/{Escape(subjectId)}/data{query}", null, cancellationToken);
    }

    /// <summary>Appends a batch of readings; dropped readings are counted by reason.</summary>
    public Task<EventBatchResult> AppendEventsAsync(string subjectId, EventBatchRequest request, CancellationToken cancellationToken = default) =>
        SendAsync<EventBatchResult>(HttpMethod.Post, $"v1/subjects/{Escape(subjectId)}/events", request, cancellationToken);

    /// <summary>Decides uses without reading any data, optionally as of an instant.</summary>
    public Task<IReadOnlyList<DecisionAnswer>> DecideAsync(string subjectId, IReadOnlyList<DecisionItem> questions, DateTimeOffset? at = null, CancellationToken cancellationToken = default) =>
        SendAsync<IReadOnlyList<DecisionAnswer>>(HttpMethod.Post, $"v1/subjects/{Escape(subjectId)}/decisions", new { questions, at }, cancellationToken);

    /// <summary>Checks a secret (password) against the stored hash for a purpose (signing in, say) without ever reading it.</summary>
    public async Task<bool> VerifySecretAsync(string subjectId, string category, string value, string purpose, CancellationToken cancellationToken = default)
    {
        var body = await SendAsync<JsonElement>(HttpMethod.Post, $"v1/subjects/{Escape(subjectId)}/secrets/{Escape(category)}/verify", new { value, purpose }, cancellationToken);
        return body.GetProperty("verified").GetBoolean();
    }

    /// <summary>Sets a new secret (password) for a purpose.</summary>
    public Task ResetSecretAsync(string subjectId, string category, string value, string purpose, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Put, $"v1/subjects/{Escape(subjectId)}/secrets/{Escape(category)}", new { value, purpose }, cancellationToken);

    /// <summary>The policy in force.</summary>
    public Task<PolicySummary> GetPolicyAsync(CancellationToken cancellationToken = default) =>
        SendAsync<PolicySummary>(HttpMethod.Get, "v1/policy", null, cancellationToken);

    /// <summary>Verifies the audit chain (admin or auditor).</summary>
    public Task<AuditVerification> VerifyAuditAsync(CancellationToken cancellationToken = default) =>
        SendAsync<AuditVerification>(HttpMethod.Get, "v1/audit/verify", null, cancellationToken);

    /// <summary>Whether the server has opened its vault and answers requests (<c>/readyz</c>, no key needed).</summary>
    public async Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        using var response = await _http.GetAsync(new Uri("readyz", UriKind.Relative), cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    private static string Escape(string segment) => Uri.EscapeDataString(segment);

    private async Task SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, body, cancellationToken);
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(method, path, body, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(ClientJson.Options, cancellationToken)
            ?? throw new InvalidOperationException($"The server answered {method} /{path} with an empty body.");
    }

    private async Task<HttpResponseMessage> SendCoreAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.Authorization = _authorization;
        if (body is not null) request.Content = JsonContent.Create(body, body.GetType(), options: ClientJson.Options);
        var response = await _http.SendAsync(request, cancellationToken);
        if (response.IsSuccessStatusCode) return response;
        using (response) throw await ToExceptionAsync(response, cancellationToken);
    }

    private static async Task<CustodianApiException> ToExceptionAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var retryAfter = response.Headers.RetryAfter?.Delta is { } delta ? ((int)delta.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        ProblemBody? problem = null;
        if (response.Content.Headers.ContentType?.MediaType is "application/problem+json" or "application/json")
        {
            try
            {
                problem = await response.Content.ReadFromJsonAsync<ProblemBody>(ClientJson.Options, cancellationToken);
            }
            catch (JsonException)
            {
                problem = null;
            }
        }

        return new CustodianApiException(response.StatusCode, problem?.Code ?? "http_" + (int)response.StatusCode, problem?.Detail ?? response.ReasonPhrase ?? "", problem?.Pointer, problem?.Suggestions, retryAfter);
    }
}
