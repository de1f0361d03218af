using System.CommandLine;
using Custodian.Policy;
using Custodian.Requests;
using Custodian.Sqlite;
using Custodian.Vault;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian requests list|show|complete|extend|deny</c>: the request desk for an administrator at a terminal.</summary>
internal static class RequestsCommands
{
    private const string Actor = "cli";

    public static Command Build(CliConsole console)
    {
        var requests = new Command("requests", """
            Answer data-subject requests (access, portability, rectification, erasure, restriction, objection, consent
            withdrawal) on time: list what is open and overdue, show a request with its history, complete, extend or deny it.
            The person is told each step by message (see 'custodian outbox send').
            """);
        requests.Subcommands.Add(List(console));
        requests.Subcommands.Add(Show(console));
        requests.Subcommands.Add(Complete(console));
        requests.Subcommands.Add(Extend(console));
        requests.Subcommands.Add(Deny(console));
        return requests;
    }

    private static (Option<string> Policy, Option<string> Data) Common() =>
        (new Option<string>("--policy") { Description = "The policy file in force.", Required = true },
         new Option<string>("--data") { Description = "The data directory the server uses.", DefaultValueFactory = _ => "custodian-data" });

    private static Command List(CliConsole console)
    {
        var (policy, data) = Common();
        var status = new Option<string?>("--status") { Description = "Only this status: received, verified, in_progress, extended, completed, denied." };
        status.AcceptOnlyFromAmong("received", "verified", "in_progress", "extended", "completed", "denied");
        var kind = new Option<string?>("--kind") { Description = "Only this kind: access, portability, rectification, erasure, restriction, objection, consent_withdrawal." };
        kind.AcceptOnlyFromAmong("access", "portability", "rectification", "erasure", "restriction", "objection", "consent_withdrawal");
        var overdue = new Option<bool>("--overdue") { Description = "Only open requests past their deadline." };
        var command = new Command("list", """
            List requests by due date, soonest first; overdue ones are marked. Open requests only unless --status says otherwise.

            Examples:
              custodian requests list --policy examples/cekura/policy.yaml --data ./custodian-data
              custodian requests list --policy examples/cekura/policy.yaml --data ./custodian-data --overdue
              custodian requests list --policy examples/cekura/policy.yaml --data ./custodian-data --status completed --kind erasure
            """)
        {
            policy, data, status, kind, overdue,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(policy)!, parse.GetValue(data)!, async desk =>
        {
            var statusValue = Parse<RequestStatus>(parse.GetValue(status));
            var query = new RequestQuery(statusValue, Parse<RequestKind>(parse.GetValue(kind)), null, parse.GetValue(overdue) ? desk.Now : null, 5000);
            var list = (await desk.ListAsync(query, Actor, ct)).Where(r => statusValue is not null || r.IsOpen).OrderBy(r => r.DueAt).ToList();
            RequestTable.Write(console.Out, list, desk.Now);
            console.Error.WriteLine($"{list.Count} request(s); {list.Count(r => r.IsOverdueAt(desk.Now))} overdue.");
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Show(CliConsole console)
    {
        var (policy, data) = Common();
        var id = new Argument<string>("request") { Description = "The request id (req_…)." };
        var command = new Command("show", """
            Show one request: kind, status, deadline, reason, the outcome and every status change.

            Example:
              custodian requests show req_01J… --policy examples/cekura/policy.yaml --data ./custodian-data
            """)
        {
            id, policy, data,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(policy)!, parse.GetValue(data)!, async desk =>
        {
            var requestId = parse.GetValue(id)!;
            var shown = await desk.ShowAsync(requestId, Actor, ct)
                ?? throw new RequestException(RequestErrorCodes.UnknownRequest, $"No request with id '{requestId}'; list them with 'custodian requests list'.");
            RequestTable.WriteDetail(console.Out, shown.Request, shown.History, desk.Now);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static Command Complete(CliConsole console)
    {
        var (policy, data) = Common();
        var id = new Argument<string>("request") { Description = "The request id (req_…)." };
        var category = new Option<string?>("--category") { Description = "For a rectification: the category to correct." };
        var value = new Option<string?>("--value") { Description = "For a rectification: the corrected value, or '-' to read it from standard input (keeps it out of the shell history)." };
        var command = new Command("complete", """
            Carry out a verified request and tell the person: access and portability make the package available to download,
            erasure shreds and purges (keeping only what a legal duty requires, and saying so), rectification corrects the value.

            Examples:
              custodian requests complete req_01J… --policy examples/cekura/policy.yaml --data ./custodian-data
              echo "Vesterbrogade 1, 1620 København V" | custodian requests complete req_01J… --category user.contact.address --value - --policy examples/cekura/policy.yaml --data ./custodian-data
            """)
        {
            id, category, value, policy, data,
        };
        command.SetAction(async (parse, ct) =>
        {
            var given = parse.GetValue(value);
            if (given == "-") given = (await Console.In.ReadLineAsync(ct))?.Trim() ?? "";
            if (given is not null && string.IsNullOrWhiteSpace(given))
            {
                // Checked before the store is opened: an empty correction would replace the person's value with nothing.
                console.Error.WriteLine("error: --value is empty; give the corrected value (or '-' and the value on standard input), or leave --value out for a request that is not a rectification");
                return ExitCodes.Unreadable;
            }

            return await RunAsync(console, parse.GetValue(policy)!, parse.GetValue(data)!, async desk => await CompleteAsync(console, desk, parse.GetValue(id)!, parse.GetValue(category), given, ct), ct);
        });
        return command;
    }

    private static async Task<int> CompleteAsync(CliConsole console, RequestDesk desk, string id, string? category, string? given, CancellationToken ct)
    {
        var request = await desk.CompleteAsync(id, category, given, Actor, ct);
        console.Out.WriteLine($"{request.RequestId}: {Name(request.Status)} ({request.ReasonCode})");
        WarnIfNotTold(console, request);
        return ExitCodes.Ok;
    }

    /// <summary>Says on standard error when the step was taken but the person could not be told (no address on the request).</summary>
    private static void WarnIfNotTold(CliConsole console, StoredRequest request)
    {
        if (RequestDesk.NotToldReason(request) is { } reason) console.Error.WriteLine($"warning: {reason}");
    }

    private static Command Extend(CliConsole console)
    {
        var (policy, data) = Common();
        var id = new Argument<string>("request") { Description = "The request id (req_…)." };
        var reason = new Option<string>("--reason") { Description = "Why more time is needed; the person is told.", Required = true };
        var by = new Option<string?>("--by") { Description = "By how much (ISO 8601, e.g. P1M); default the policy's whole rights.extension." };
        var command = new Command("extend", """
            Extend a request's deadline once (GDPR Art. 12(3)); the person gets a notice with the new date and the reason.

            Example:
              custodian requests extend req_01J… --reason "Your data spans three systems; we need more time to collect it." --policy examples/cekura/policy.yaml --data ./custodian-data
            """)
        {
            id, reason, by, policy, data,
        };
        command.SetAction(async (parse, ct) =>
        {
            // Checked before the store is opened: a deadline can be extended only once, so a useless extension must not use it up.
            IsoPeriod? period = null;
            if (parse.GetValue(by) is { } text)
            {
                if (!IsoPeriod.TryParse(text, out var p) || p.IsZero)
                {
                    console.Error.WriteLine($"error: --by '{text}' is not a period longer than zero; write an ISO 8601 period such as P1M or P30D, or leave --by out for the policy's whole rights.extension");
                    return ExitCodes.Unreadable;
                }

                period = p;
            }

            return await RunAsync(console, parse.GetValue(policy)!, parse.GetValue(data)!, async desk =>
            {
                var request = await desk.ExtendAsync(parse.GetValue(id)!, period, parse.GetValue(reason)!, Actor, ct);
                console.Out.WriteLine($"{request.RequestId}: extended; now due {RequestDesk.Day(request.DueAt)}");
                WarnIfNotTold(console, request);
                return ExitCodes.Ok;
            }, ct);
        });
        return command;
    }

    private static Command Deny(CliConsole console)
    {
        var (policy, data) = Common();
        var id = new Argument<string>("request") { Description = "The request id (req_…)." };
        var code = new Option<string>("--reason-code") { Description = "A short stable code: manifestly_unfounded, identity_not_proven, excessive…", Required = true };
        var reason = new Option<string>("--reason") { Description = "The reason in words; the person is told, with their right to complain.", Required = true };
        var command = new Command("deny", """
            Refuse a request with a reason; the person is told why and that they can complain to the authority.

            Example:
              custodian requests deny req_01J… --reason-code identity_not_proven --reason "We could not confirm that the email address is yours." --policy examples/cekura/policy.yaml --data ./custodian-data
            """)
        {
            id, code, reason, policy, data,
        };
        command.SetAction((parse, ct) => RunAsync(console, parse.GetValue(policy)!, parse.GetValue(data)!, async desk =>
        {
            var request = await desk.DenyAsync(parse.GetValue(id)!, parse.GetValue(code)!, parse.GetValue(reason)!, Actor, ct);
            console.Out.WriteLine($"{request.RequestId}: denied ({request.ReasonCode})");
            WarnIfNotTold(console, request);
            return ExitCodes.Ok;
        }, ct));
        return command;
    }

    private static async Task<int> RunAsync(CliConsole console, string policyFile, string dataDirectory, Func<RequestDesk, Task<int>> action, CancellationToken cancellationToken)
    {
        var (open, exit) = await VaultOpening.OpenAsync(console, policyFile, dataDirectory, cancellationToken);
        if (open is null) return exit;
        await using var _ = open;
        try
        {
            return await action(open.Vault.CreateRequestDesk());
        }
        catch (RequestException e)
        {
            console.Error.WriteLine($"error {e.Code}: {e.Message}");
            return ExitCodes.Failed;
        }
        catch (VaultException e)
        {
            console.Error.WriteLine($"error {e.Code}: {e.Message}");
            return ExitCodes.Failed;
        }
    }

    private static T? Parse<T>(string? text)
        where T : struct, Enum => text is null ? null : Enum.Parse<T>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true);

    internal static string Name<T>(T value)
        where T : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
