using Custodian.Server.Auth;
using Custodian.Server.Problems;
using Microsoft.AspNetCore.Http;

namespace Custodian.Server.Endpoints;

/// <summary>Checks shared by endpoints: a service key may only name the purposes it is bound to, and a refusal is audited.</summary>
internal static class EndpointContext
{
    public static async Task RequirePurposeAsync(this HttpContext context, CustodianRuntime runtime, string purpose, string? subjectId)
    {
        var key = context.Key();
        if (key.Scope == ApiScope.Auditor)
            throw new ApiProblemException(StatusCodes.Status403Forbidden, ApiErrorCodes.ScopeForbidden, "An auditor key cannot read or write personal data.");
        if (key.MayUse(purpose)) return;
        await runtime.Vault.RecordRefusalAsync(key.Id, "access.refused", subjectId, runtime.Policy.TryGetPurpose(purpose, out _) ? purpose : null, ApiErrorCodes.PurposeNotAllowed, context.RequestAborted);
        throw new ApiProblemException(StatusCodes.Status403Forbidden, ApiErrorCodes.PurposeNotAllowed,
            $"Key '{key.Id}' is bound to the purposes {string.Join(", ", key.Purposes)}; it may not name '{purpose}'. The refusal is in the audit trail.", "/purpose");
    }

    public static void RequirePersonalDataScope(this HttpContext context)
    {
        if (context.Key().Scope == ApiScope.Auditor)
            throw new ApiProblemException(StatusCodes.Status403Forbidden, ApiErrorCodes.ScopeForbidden, "An auditor key cannot read or write personal data.");
    }

    public static string Required(string? value, string pointer)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw new ApiProblemException(StatusCodes.Status400BadRequest, ApiErrorCodes.MissingField, $"'{pointer.TrimStart('/')}' is required.", pointer);
        return value;
    }
}
