using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Custodian.Notifications;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Requests;

public sealed partial class RequestDesk
{
    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Carries out a verified request and answers the person: access and portability make the package available (it is
    /// fetched, never mailed); rectification corrects the value and names the recipients to inform; erasure shreds and
    /// purges, keeping what a legal duty requires and saying so (a legal hold denies it with that reason); restriction,
    /// objection and consent withdrawal apply the vault's own methods.
    /// </summary>
    /// <param name="requestId">The request.</param>
    /// <param name="categoryKey">For a rectification: the category to correct.</param>
    /// <param name="value">For a rectification: the corrected value (never audited or stored in the request).</param>
    /// <param name="actor">Who completes it.</param>
    /// <param name="cancellationToken">Cancels.</param>
    public async Task<StoredRequest> CompleteAsync(string requestId, string? categoryKey, string? value, string actor, CancellationToken cancellationToken)
    {
        var request = await RequireOpenAsync(requestId, cancellationToken);
        if (request.Status == RequestStatus.Received)
            throw new RequestException(RequestErrorCodes.NotVerified, $"Request {requestId} is not verified yet: the person must enter the code sent to them, or an administrator must confirm their identity.");
        if (request.Kind == RequestKind.Rectification && (string.IsNullOrWhiteSpace(categoryKey) || string.IsNullOrWhiteSpace(value)))
            throw new RequestException(RequestErrorCodes.InvalidRequest, "A rectification needs the category to correct and the corrected value, not empty ('category', 'value').");
        var now = _clock.GetUtcNow();
        var claimed = request.Status != RequestStatus.InProgress;
        if (claimed)
        {
            // Claiming it is a conditional write: of two calls completing one request at once only one goes on, so a
            // person is never erased twice or answered twice.
            var before = request;
            request = request with { Status = RequestStatus.InProgress };
            await using var tx = await Store.BeginAsync(cancellationToken);
            if (!await tx.UpdateRequestAsync(request, before.Status, before.CodeAttempts, cancellationToken)) throw Busy(requestId);
            await tx.AppendRequestHistoryAsync(new RequestStatusChange(requestId, RequestStatus.InProgress, now, actor), cancellationToken);
            await tx.CommitAsync(cancellationToken);
            try
            {
                return await CarryOutAsync(request, categoryKey, value, actor, cancellationToken);
            }
            catch (Exception e) when (e is RequestException or VaultException or VaultStoreException or OperationCanceledException)
            {
                // Nothing was answered: the request goes back to where it was, so it can be completed again or refused.
                await ReleaseAsync(request, before.Status, actor);
                throw;
            }
        }

        // In progress already: another call is completing it now, or a completion stopped midway (the server stopped).
        await RequireNotBeingCompletedAsync(request, now, cancellationToken);
        return await CarryOutAsync(request, categoryKey, value, actor, cancellationToken);
    }

    private async Task ReleaseAsync(StoredRequest request, RequestStatus back, string actor)
    {
        await using var tx = await Store.BeginAsync(CancellationToken.None);
        if (!await tx.UpdateRequestAsync(request with { Status = back }, RequestStatus.InProgress, request.CodeAttempts, CancellationToken.None)) return;
        await tx.AppendRequestHistoryAsync(new RequestStatusChange(request.RequestId, back, _clock.GetUtcNow(), actor, "completion_failed"), CancellationToken.None);
        await tx.CommitAsync(CancellationToken.None);
    }

    private async Task<StoredRequest> CarryOutAsync(StoredRequest request, string? categoryKey, string? value, string actor, CancellationToken cancellationToken)
    {
        var text = MessageText.For(request.Language);
        var subject = request.SubjectId;
        RequestAnswer answer;
        var details = new List<string>();
        if (subject is null)
        {
            answer = new RequestAnswer(request.Kind, "no_data");
        }
        else
        {
            switch (request.Kind)
            {
                case RequestKind.Access or RequestKind.Portability:
                    answer = new RequestAnswer(request.Kind, "package_ready");
                    break;
                case RequestKind.Rectification:
                    var rectified = await _vault.RectifyAsync(subject, categoryKey!, value!, actor, cancellationToken);
                    answer = new RequestAnswer(request.Kind, "rectified") { Rectification = rectified };
                    if (rectified.RecipientsToInform.Count > 0) details.Add(text.RecipientsInformed(text.Statement.JoinAnd(rectified.RecipientsToInform.Select(RecipientName))));
                    break;
                case RequestKind.Erasure:
                    var erasure = await _vault.EraseSubjectAsync(subject, request.Language, "erasure_request", actor, cancellationToken);
                    if (erasure.Outcome == ErasureOutcome.BlockedByLegalHold)
                    {
                        var until = erasure.HoldUntil is { } u ? DateOnly.FromDateTime(u.UtcDateTime) : (DateOnly?)null;
                        return await CloseAsync(request, RequestStatus.Denied, "legal_hold", text.LegalHoldReason(until), JsonSerializer.Serialize(new RequestAnswer(request.Kind, "legal_hold") { Erasure = erasure }, AnswerJson), actor, cancellationToken);
                    }

                    answer = new RequestAnswer(request.Kind, erasure.Outcome == ErasureOutcome.AlreadyErased ? "already_erased" : "erased") { Erasure = erasure };
                    details.AddRange(erasure.Kept.Select(k => text.Kept(CategoryName(k.CategoryKey, request.Language), k.Reason, k.Until is { } until ? DateOnly.FromDateTime(until.UtcDateTime) : null)));
                    break;
                case RequestKind.Restriction:
                    await _vault.RestrictAsync(subject, true, actor, cancellationToken);
                    answer = new RequestAnswer(request.Kind, "restricted");
                    break;
                case RequestKind.Objection:
                    await _vault.ObjectAsync(subject, request.Purpose!, actor, cancellationToken);
                    answer = new RequestAnswer(request.Kind, "objected") { Purposes = [request.Purpose!] };
                    break;
                default:
                    answer = new RequestAnswer(request.Kind, "consent_withdrawn") { Purposes = await WithdrawAsync(subject, request.Purpose, actor, cancellationToken) };
                    break;
            }
        }

        var closed = await CloseAsync(request, RequestStatus.Completed, answer.Outcome, null, JsonSerializer.Serialize(answer, AnswerJson), actor, cancellationToken, details);
        return closed;
    }

    /// <summary>The stored answer of a completed request, or null.</summary>
    public static RequestAnswer? AnswerOf(StoredRequest request) =>
        request?.ResultJson is { } json ? JsonSerializer.Deserialize<RequestAnswer>(json, AnswerJson) : null;

    private async Task<IReadOnlyList<string>> WithdrawAsync(string subjectId, string? purpose, string actor, CancellationToken cancellationToken)
    {
        var (state, _) = await _vault.LoadFactsAsync(subjectId, cancellationToken);
        var now = _clock.GetUtcNow();
        var given = purpose is not null
            ? [purpose]
            : state.Consents.Where(c => c.Kind == ConsentKind.Purpose).GroupBy(c => c.Key).Where(g => g.Last().Given).Select(g => g.Key).ToList();
        foreach (var key in given) await _vault.RecordConsentAsync(subjectId, key, false, false, false, "rights-request", null, actor, cancellationToken);
        return given;
    }

    private async Task<StoredRequest> CloseAsync(StoredRequest request, RequestStatus status, string reasonCode, string? reason, string? resultJson, string actor, CancellationToken cancellationToken, IReadOnlyList<string>? details = null)
    {
        var now = _clock.GetUtcNow();
        var closed = request with { Status = status, ReasonCode = reasonCode, Reason = reason ?? request.Reason, ResultJson = resultJson ?? request.ResultJson, ClosedAt = now };
        var text = MessageText.For(request.Language);
        await using var tx = await Store.BeginAsync(cancellationToken);
        if (!await tx.UpdateRequestAsync(closed, request.Status, request.CodeAttempts, cancellationToken)) throw Busy(request.RequestId);
        await tx.AppendRequestHistoryAsync(new RequestStatusChange(request.RequestId, status, now, actor, reasonCode), cancellationToken);
        await tx.AppendAuditAsync(Audit(now, actor, status == RequestStatus.Completed ? "request.complete" : "request.deny", closed, null) with
        {
            ReasonCodes = [reasonCode],
            Details = new Dictionary<string, string>
            {
                ["request"] = request.RequestId,
                ["kind"] = request.Kind.ToString().ToLowerInvariant(),
                ["on_time"] = now <= request.DueAt ? "true" : "false",
            },
        }, cancellationToken);
        var message = status == RequestStatus.Completed
            ? text.Completed(Controller, request.Kind, request.RequestId, details ?? [])
            : text.Denied(Controller, request.Kind, request.RequestId, reason ?? reasonCode, Document.Authority.Name);
        await QueueAsync(tx, closed, status == RequestStatus.Completed ? "request_completed" : "request_denied", message, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return closed;
    }

    private string RecipientName(string key) =>
        _vault.Policy.TryGetRecipient(key, out var id) ? _vault.Policy.Recipient(id).Definition.Name : key;

    private string CategoryName(string key, string language) =>
        _vault.Policy.TryGetCategory(key, out var id) ? _vault.Policy.Category(id).Name.Get(language) ?? key : key;

    /// <summary>Formats a deadline the way scenarios and the CLI show it.</summary>
    public static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
