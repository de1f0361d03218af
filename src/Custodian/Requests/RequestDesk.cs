using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Custodian.Audit;
using Custodian.Crypto;
using Custodian.Notifications;
using Custodian.Policy;
using Custodian.Statement;
using Custodian.Storage;
using Custodian.Vault;

namespace Custodian.Requests;

/// <summary>
/// Answers data-subject requests on time: identity verified first (a one-time code to the person's email, a vouching
/// service key, or an administrator), a deadline from the policy's <c>rights.response_time</c> (calendar months count as
/// months), one extension with a reason and a notice, a status history, and every step audited without values.
/// The server, the CLI and the scenario runner share it.
/// </summary>
public sealed partial class RequestDesk
{
    /// <summary>The longest email address accepted (RFC 5321: 254 characters in a path).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>How long a one-time code works.</summary>
    public static readonly TimeSpan CodeLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Wrong codes allowed before the request must be submitted again.</summary>
    public const int MaxCodeAttempts = 5;

    /// <summary>
    /// How long a request stays claimed by a completion: after it, one left in progress (the server stopped midway) can be
    /// completed or refused again.
    /// </summary>
    public static readonly TimeSpan CompletionLease = TimeSpan.FromMinutes(15);

    private static readonly byte[] CodeLabel = Encoding.ASCII.GetBytes("custodian.v1.request-code");
    private readonly DataVault _vault;
    private readonly Outbox _outbox;
    private readonly TimeProvider _clock;
    private readonly byte[] _codeKey;

    /// <summary>Creates the desk over a vault and its key ring.</summary>
    public RequestDesk(DataVault vault, KeyRing keys, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(vault);
        ArgumentNullException.ThrowIfNull(keys);
        _vault = vault;
        _outbox = new Outbox(keys);
        _clock = clock ?? TimeProvider.System;
        _codeKey = HKDF.DeriveKey(HashAlgorithmName.SHA256, keys.HoldKey.ToArray(), 32, [], CodeLabel);
    }

    /// <summary>The outbox the desk queues messages in.</summary>
    public Outbox Outbox => _outbox;

    private IVaultStore Store => _vault.Store;

    private PolicyDocument Document => _vault.Policy.Document;

    /// <summary>The deadline for a request received at <paramref name="receivedAt"/>: the policy's response time added in calendar terms.</summary>
    public DateTimeOffset DueDate(DateTimeOffset receivedAt) => Document.Rights.ResponseTime.AddTo(receivedAt);

    /// <summary>
    /// Receives a request. The person's own submission gets a one-time code by email and waits in <c>received</c>; a vouching
    /// service's or an administrator's is verified at once and the person gets a receipt with the deadline.
    /// </summary>
    public async Task<StoredRequest> SubmitAsync(RequestSubmission submission, string actor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(submission);
        RequireOffered(submission.Kind);
        var now = _clock.GetUtcNow();
        var requestId = Ids.New("req");
        var subjectId = submission.SubjectId;
        if (!string.IsNullOrWhiteSpace(submission.Email)) RequireEmail(submission.Email);
        if (submission.Channel == RequestChannel.Person)
        {
            if (string.IsNullOrWhiteSpace(submission.Email))
                throw new RequestException(RequestErrorCodes.InvalidRequest, "A person's own request needs the email address the verification code is sent to ('email').", "/email");
            subjectId = await _vault.FindSubjectAsync(LookupKind.Email, submission.Email, actor, cancellationToken);
        }
        else if (subjectId is null)
        {
            throw new RequestException(RequestErrorCodes.InvalidRequest, "A request submitted by a service or an administrator names the person ('subject').", "/subject");
        }
        else
        {
            var stored = await Store.GetSubjectAsync(subjectId, cancellationToken)
                ?? throw new RequestException(RequestErrorCodes.UnknownSubject, $"No person with id '{subjectId}'.", "/subject");
            if (stored.MergedInto is { } survivor)
                throw new RequestException(RequestErrorCodes.UnknownSubject, $"Person '{subjectId}' was merged into '{survivor}'; submit the request for that id.", "/subject");

            // After an erasure only what a legal duty keeps is left: it can be seen (access, portability) and the erasure
            // answered as done, but nothing is left to correct, restrict, object to or withdraw consent from.
            if (stored.ShreddedAt is not null && submission.Kind is not (RequestKind.Access or RequestKind.Portability or RequestKind.Erasure))
                throw new RequestException(RequestErrorCodes.SubjectErased, $"Person '{subjectId}' was erased; a {Name(submission.Kind)} request has nothing left to act on.", "/subject");
        }

        if (submission.Purpose is { } purpose) _vault.ResolvePurpose(purpose);
        if (submission.Kind == RequestKind.Objection && submission.Purpose is null)
            throw new RequestException(RequestErrorCodes.InvalidRequest, "An objection names the purpose objected to ('purpose').", "/purpose");

        var verified = submission.Channel != RequestChannel.Person;
        string? code = verified ? null : RandomNumberGenerator.GetInt32(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture);
        var request = new StoredRequest
        {
            RequestId = requestId,
            SubjectId = subjectId,
            Kind = submission.Kind,
            Status = verified ? RequestStatus.Verified : RequestStatus.Received,
            Channel = submission.Channel,
            ReceivedAt = now,
            DueAt = DueDate(now),
            Language = LanguageFor(submission.Language),
            ContactSealed = string.IsNullOrWhiteSpace(submission.Email) ? null : _outbox.SealAddress(submission.Email.Trim(), requestId),
            Purpose = submission.Purpose,
            CodeHash = code is null ? null : CodeHash(requestId, code),
            CodeExpiresAt = code is null ? null : now + CodeLifetime,
        };

        var text = MessageText.For(request.Language);
        await using var tx = await Store.BeginAsync(cancellationToken);
        await tx.SaveRequestAsync(request, cancellationToken);
        await tx.AppendRequestHistoryAsync(new RequestStatusChange(requestId, RequestStatus.Received, now, actor), cancellationToken);
        if (verified) await tx.AppendRequestHistoryAsync(new RequestStatusChange(requestId, RequestStatus.Verified, now, actor, submission.Channel == RequestChannel.Service ? "service_vouched" : "admin_checked"), cancellationToken);
        await tx.AppendAuditAsync(Audit(now, actor, "request.submit", request, submission.Channel.ToString().ToLowerInvariant()), cancellationToken);
        if (code is not null) await QueueAsync(tx, request, "verification_code", text.VerificationCode(Controller, code, (int)CodeLifetime.TotalMinutes), cancellationToken);
        else await QueueAsync(tx, request, "request_received", text.Received(Controller, request.Kind, requestId, DateOnly.FromDateTime(request.DueAt.UtcDateTime)), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return request;
    }

    /// <summary>
    /// Checks the one-time code (constant-time comparison of HMACs): right within ten minutes and five attempts verifies the
    /// request and sends the receipt; wrong, late or too many attempts throw with a code saying which.
    /// </summary>
    public async Task<StoredRequest> VerifyAsync(string requestId, string code, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(code);

        // Codes tried at once race for the attempt count; a try that lost reads the request again and is counted then, so
        // every wrong code counts and no more than five are ever compared against a live code. Each round lets at least
        // one try through, and once five are counted the rest are refused without a write race, so the bound is never hit
        // in practice; it only keeps a try from looping if the store keeps refusing the write.
        for (var round = 1; ; round++)
        {
            var outcome = await TryVerifyAsync(requestId, code, cancellationToken);
            if (outcome is not null) return outcome;
            if (round == MaxVerifyRounds) throw Busy(requestId);
        }
    }

    /// <summary>How many times a code check reads the request again after another check changed it first.</summary>
    private const int MaxVerifyRounds = 16;

    /// <summary>One code check against the request as read now; null when another check changed it first.</summary>
    private async Task<StoredRequest?> TryVerifyAsync(string requestId, string code, CancellationToken cancellationToken)
    {
        var request = await RequireOpenAsync(requestId, cancellationToken);
        if (request.Status != RequestStatus.Received) return request;
        var now = _clock.GetUtcNow();
        string? failure = request.CodeHash is null || request.CodeAttempts >= MaxCodeAttempts ? RequestErrorCodes.TooManyAttempts
            : now > request.CodeExpiresAt ? RequestErrorCodes.CodeExpired
            : !CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(request.CodeHash), Convert.FromBase64String(CodeHash(requestId, code.Trim()))) ? RequestErrorCodes.CodeWrong
            : null;
        await using var tx = await Store.BeginAsync(cancellationToken);
        if (failure is not null)
        {
            var attempts = request.CodeAttempts + (failure == RequestErrorCodes.CodeWrong ? 1 : 0);
            var updated = request with { CodeAttempts = attempts, CodeHash = attempts >= MaxCodeAttempts ? null : request.CodeHash };

            // Conditional on the count read: codes tried at once are each counted, never more than five in all.
            if (!await tx.UpdateRequestAsync(updated, request.Status, request.CodeAttempts, cancellationToken)) return null;
            await tx.AppendAuditAsync(Audit(now, "person", "request.verify", request, null) with { ReasonCodes = [failure], Count = attempts }, cancellationToken);
            await tx.CommitAsync(cancellationToken);
            throw new RequestException(failure, failure switch
            {
                RequestErrorCodes.CodeExpired => "The code has expired (it works for 10 minutes); submit the request again for a new code.",
                RequestErrorCodes.TooManyAttempts => "Too many wrong codes; submit the request again for a new code.",
                _ => $"The code is wrong; {MaxCodeAttempts - attempts} attempt(s) left.",
            }, "/code");
        }

        var verified = request with { Status = RequestStatus.Verified, CodeHash = null, CodeExpiresAt = null };
        if (!await tx.UpdateRequestAsync(verified, request.Status, request.CodeAttempts, cancellationToken)) return null;
        await tx.AppendRequestHistoryAsync(new RequestStatusChange(requestId, RequestStatus.Verified, now, "person", "code"), cancellationToken);
        await tx.AppendAuditAsync(Audit(now, "person", "request.verify", request, null), cancellationToken);
        await QueueAsync(tx, verified, "request_received", MessageText.For(request.Language).Received(Controller, request.Kind, requestId, DateOnly.FromDateTime(request.DueAt.UtcDateTime)), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return verified;
    }

    /// <summary>
    /// Extends the deadline once (GDPR Art. 12(3)), by at most the policy's <c>rights.extension</c> (the whole of it when
    /// <paramref name="by"/> is null), with a reason the person is told in a notice (IS10).
    /// </summary>
    public async Task<StoredRequest> ExtendAsync(string requestId, IsoPeriod? by, string reason, string actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new RequestException(RequestErrorCodes.InvalidRequest, "An extension needs a reason the person will be told ('reason').", "/reason");
        var request = await RequireOpenAsync(requestId, cancellationToken);
        var allowed = Document.Rights.Extension
            ?? throw new RequestException(RequestErrorCodes.ExtensionRefused, "The policy allows no extension (rights.extension is not set).");
        if (request.ExtendedAt is not null) throw new RequestException(RequestErrorCodes.ExtensionRefused, $"Request {requestId} was already extended on {request.ExtendedAt:yyyy-MM-dd}; a deadline can be extended only once.");
        var now = _clock.GetUtcNow();
        if (now > request.DueAt)
            throw new RequestException(RequestErrorCodes.ExtensionRefused, $"Request {requestId} was due on {Day(request.DueAt)}; the person must be told of an extension within the original period (GDPR Art. 12(3)), so answer it or refuse it now.");
        await RequireNotBeingCompletedAsync(request, now, cancellationToken);
        var period = by ?? allowed;
        if (period.AddTo(request.DueAt) <= request.DueAt)
            throw new RequestException(RequestErrorCodes.InvalidRequest, $"An extension must lengthen the deadline; give a positive period of at most {allowed} ('by'), or leave it out for the whole of it.", "/by");
        if (period.AddTo(request.DueAt) > allowed.AddTo(request.DueAt))
            throw new RequestException(RequestErrorCodes.ExtensionRefused, $"The policy allows an extension of at most {allowed}; {period} is longer.", "/by");
        var extended = request with { Status = RequestStatus.Extended, DueAt = period.AddTo(request.DueAt), ExtendedAt = now, Reason = reason, ReasonCode = "extended" };
        await using var tx = await Store.BeginAsync(cancellationToken);
        if (!await tx.UpdateRequestAsync(extended, request.Status, request.CodeAttempts, cancellationToken)) throw Busy(requestId);
        await tx.AppendRequestHistoryAsync(new RequestStatusChange(requestId, RequestStatus.Extended, now, actor, "extended"), cancellationToken);
        await tx.AppendAuditAsync(Audit(now, actor, "request.extend", extended, period.ToString()), cancellationToken);
        await QueueAsync(tx, extended, "request_extended", MessageText.For(request.Language).Extended(Controller, request.Kind, requestId, DateOnly.FromDateTime(extended.DueAt.UtcDateTime), reason), cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return extended;
    }

    /// <summary>Refuses a request with a stable reason code and the reason in words; the person is told and reminded of the right to complain.</summary>
    public async Task<StoredRequest> DenyAsync(string requestId, string reasonCode, string reason, string actor, CancellationToken cancellationToken)
    {
        if (!AuditToken.IsValid(reasonCode)) throw new RequestException(RequestErrorCodes.InvalidRequest, "The reason code is a short token of letters, digits and _ . : / - such as 'manifestly_unfounded' ('reasonCode'); say the rest in 'reason'.", "/reasonCode");
        if (string.IsNullOrWhiteSpace(reason)) throw new RequestException(RequestErrorCodes.InvalidRequest, "A refusal needs a reason the person will be told ('reason').", "/reason");
        var request = await RequireOpenAsync(requestId, cancellationToken);
        await RequireNotBeingCompletedAsync(request, _clock.GetUtcNow(), cancellationToken);
        return await CloseAsync(request, RequestStatus.Denied, reasonCode, reason, null, actor, cancellationToken);
    }

    /// <summary>A request and its history; null when unknown. Showing it is audited.</summary>
    public async Task<(StoredRequest Request, IReadOnlyList<RequestStatusChange> History)?> ShowAsync(string requestId, string actor, CancellationToken cancellationToken)
    {
        var request = await Store.GetRequestAsync(requestId, cancellationToken);
        if (request is null) return null;
        var history = await Store.GetRequestHistoryAsync(requestId, cancellationToken);
        await _vault.RecordCallAsync(actor, "request.show", request.SubjectId, Audit(_clock.GetUtcNow(), actor, "request.show", request, null).Details, 1, cancellationToken);
        return (request, history);
    }

    /// <summary>Requests matching the filters; <see cref="RequestQuery.OverdueAt"/> set to now lists the overdue ones.</summary>
    public async Task<IReadOnlyList<StoredRequest>> ListAsync(RequestQuery query, string actor, CancellationToken cancellationToken)
    {
        var list = await Store.ListRequestsAsync(query, cancellationToken);
        var filters = new Dictionary<string, string>(StringComparer.Ordinal) { ["limit"] = query.Limit.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (query.Status is { } status) filters["status"] = status.ToString().ToLowerInvariant();
        if (query.Kind is { } kind) filters["kind"] = kind.ToString().ToLowerInvariant();
        if (query.OverdueAt is not null) filters["overdue"] = "true";
        await _vault.RecordCallAsync(actor, "request.list", query.SubjectId is { } named && AuditToken.IsValid(named) ? named : null, filters, list.Count, cancellationToken);
        return list;
    }

    /// <summary>The current time on the desk's clock (overdue is computed against it).</summary>
    public DateTimeOffset Now => _clock.GetUtcNow();

    private string Controller => Document.Controller.Name;

    private static void RequireEmail(string email)
    {
        // Checked for every channel: the answer is mailed there. The address is never echoed.
        if (email.Trim().Length > MaxEmailLength)
            throw new RequestException(RequestErrorCodes.InvalidRequest, $"The email address is longer than {MaxEmailLength} characters ('email').", "/email");
        try
        {
            BlindIndex.NormaliseEmail(email);
        }
        catch (LookupKeyFormatException)
        {
            throw new RequestException(RequestErrorCodes.InvalidRequest, "The email address must have the form local@domain without spaces or line breaks ('email').", "/email");
        }
    }

    private static string Name(RequestKind kind) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(kind.ToString());

    private string LanguageFor(string? language) =>
        language is not null && StatementText.SupportedLanguages.Contains(language) ? language
        : Document.Languages.FirstOrDefault(StatementText.SupportedLanguages.Contains) ?? "en";

    private void RequireOffered(RequestKind kind)
    {
        var right = kind switch
        {
            RequestKind.Access => DataSubjectRight.Access,
            RequestKind.Portability => DataSubjectRight.Portability,
            RequestKind.Rectification => DataSubjectRight.Rectification,
            RequestKind.Erasure => DataSubjectRight.Erasure,
            RequestKind.Restriction => DataSubjectRight.Restriction,
            RequestKind.Objection => DataSubjectRight.Objection,
            _ => DataSubjectRight.WithdrawConsent,
        };
        if (!Document.Rights.Offered.Contains(right))
            throw new RequestException(RequestErrorCodes.RightNotOffered, $"The policy does not offer the right '{right}'; add it to rights.offered.");
    }

    private async Task<StoredRequest> RequireOpenAsync(string requestId, CancellationToken cancellationToken)
    {
        var request = await Store.GetRequestAsync(requestId, cancellationToken)
            ?? throw new RequestException(RequestErrorCodes.UnknownRequest, $"No request with id '{requestId}'; list them with 'custodian requests list'.");
        if (!request.IsOpen) throw new RequestException(RequestErrorCodes.RequestClosed, $"Request {requestId} is already {request.Status.ToString().ToLowerInvariant()}.");
        return request;
    }

    /// <summary>Refuses to touch a request a completion claimed less than <see cref="CompletionLease"/> ago.</summary>
    private async Task RequireNotBeingCompletedAsync(StoredRequest request, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (request.Status != RequestStatus.InProgress) return;
        var history = await Store.GetRequestHistoryAsync(request.RequestId, cancellationToken);
        var claimedAt = history.LastOrDefault(h => h.Status == RequestStatus.InProgress)?.At;
        if (claimedAt is null || now - claimedAt.Value >= CompletionLease) return;
        throw new RequestException(RequestErrorCodes.RequestBusy, $"Request {request.RequestId} is being completed by another call (since {claimedAt.Value.UtcDateTime:HH:mm:ss} UTC); read it again in a moment.");
    }

    private static RequestException Busy(string requestId) =>
        new(RequestErrorCodes.RequestBusy, $"Request {requestId} was changed by another call while this one worked on it; read it again before retrying.");

    private string CodeHash(string requestId, string code) =>
        Convert.ToBase64String(HMACSHA256.HashData(_codeKey, Encoding.UTF8.GetBytes(requestId + ":" + code)));

    /// <summary>
    /// Why the person is not told of a step on <paramref name="request"/> (an extension, a refusal, an answer), and what
    /// to do; null when the request has an address and the message is queued. A request submitted by a service or an
    /// administrator without an email has no address: the step is taken, but the person must be told another way.
    /// </summary>
    public static string? NotToldReason(StoredRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContactSealed is not null) return null;
        var by = request.Channel switch
        {
            RequestChannel.Service => "a service",
            RequestChannel.Admin => "an administrator",
            _ => "its sender",
        };
        return $"the person was not told: request {request.RequestId} has no email address to write to (it was submitted by {by} without one); tell them another way, such as by letter or phone, and keep a note of it";
    }

    private async Task QueueAsync(IVaultTransaction tx, StoredRequest request, string template, (string Subject, string Body) text, CancellationToken cancellationToken)
    {
        if (request.ContactSealed is null) return;
        var to = _outbox.OpenAddress(request.ContactSealed, request.RequestId);
        await _outbox.EnqueueAsync(tx, new RenderedMessage(to, text.Subject, text.Body), template, request.Language, request.RequestId, request.SubjectId, _clock.GetUtcNow(), cancellationToken);
    }

    private static AuditEntry Audit(DateTimeOffset at, string actor, string action, StoredRequest request, string? detail)
    {
        var details = new Dictionary<string, string> { ["request"] = request.RequestId, ["kind"] = request.Kind.ToString().ToLowerInvariant() };
        if (detail is not null) details["detail"] = detail;
        return new AuditEntry(at, actor, action) { SubjectId = request.SubjectId, Details = details };
    }
}
