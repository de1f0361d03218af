using Custodian.Audit;
using Custodian.Notifications;

namespace Custodian.Requests;

public sealed partial class RequestDesk
{
    /// <summary>
    /// Verifies a request whose code the person never entered, after staff checked the person's identity another way (a
    /// letter, a call back): <paramref name="reasonCode"/> says how (<c>id_document</c>, <c>call_back</c>); the person gets the receipt.
    /// </summary>
    /// <exception cref="RequestException">The request is unknown, closed, or the reason is not a code.</exception>
    public async Task<StoredRequest> ConfirmIdentityAsync(string requestId, string reasonCode, string actor, CancellationToken cancellationToken)
    {
        if (!AuditToken.IsValid(reasonCode)) throw new RequestException(RequestErrorCodes.InvalidRequest, "Say how identity was checked with a short code such as 'id_document' ('reason_code').");
        var request = await RequireOpenAsync(requestId, cancellationToken);
        if (request.Status != RequestStatus.Received) return request;
        var now = _clock.GetUtcNow();
        var verified = request with { Status = RequestStatus.Verified, CodeHash = null, CodeExpiresAt = null };
        await using var tx = await Store.BeginAsync(cancellationToken);
        if (!await tx.UpdateRequestAsync(verified, request.Status, request.CodeAttempts, cancellationToken)) throw Busy(requestId);
        await tx.AppendRequestHistoryAsync(new RequestStatusChange(requestId, RequestStatus.Verified, now, actor, reasonCode), cancellationToken);
        await tx.AppendAuditAsync(Audit(now, actor, "request.verify", request, "staff") with { ReasonCodes = [reasonCode] }, cancellationToken);
        await QueueAsync(tx, verified, "request_received", MessageText.For(request.Language).Received(Controller, request.Kind, requestId, DateOnly.FromDateTime(request.DueAt.UtcDateTime)), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return verified;
    }
}
