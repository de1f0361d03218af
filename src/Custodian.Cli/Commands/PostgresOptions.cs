using System.CommandLine;
using System.Net.Sockets;
using Custodian.Postgres;
using Custodian.Server;
using Npgsql;

namespace Custodian.Cli.Commands;

/// <summary>
/// The <c>--postgres</c> and <c>--postgres-schema</c> options shared by commands that open a vault. The connection string
/// falls back to <c>CUSTODIAN_POSTGRES</c> when the action runs, never as a help default, so a password never shows in help.
/// </summary>
internal sealed class PostgresOptions
{
    /// <summary>The connection string option.</summary>
    public Option<string?> ConnectionString { get; } = new("--postgres")
    {
        Description = $"A PostgreSQL connection string (\"Host=db;Database=custodian;Username=custodian\"); the vault lives there instead of the SQLite file. Default: the {CustodianRuntime.PostgresEnvironmentVariable} environment variable.",
    };

    /// <summary>The schema option.</summary>
    public Option<string> Schema { get; } = new("--postgres-schema")
    {
        Description = "The PostgreSQL schema holding the vault; servers sharing a vault use the same schema and master key.",
        DefaultValueFactory = _ => "custodian",
    };

    /// <summary>Adds both options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(ConnectionString);
        command.Options.Add(Schema);
    }

    /// <summary>
    /// The connection string given, else <paramref name="configured"/> (the setting <c>Custodian:Postgres</c>), else from
    /// the environment, or null for the SQLite store.
    /// </summary>
    public string? Resolve(ParseResult parse, string? configured = null)
    {
        var given = parse.GetValue(ConnectionString);
        var value = !string.IsNullOrWhiteSpace(given) ? given
            : !string.IsNullOrWhiteSpace(configured) ? configured
            : Environment.GetEnvironmentVariable(CustodianRuntime.PostgresEnvironmentVariable);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    /// <summary>What is said of <c>--postgres ""</c>: an empty string given on purpose never falls back to the SQLite store.</summary>
    public const string EmptyConnectionString =
        "--postgres is empty; give a connection string such as \"Host=db;Database=custodian;Username=custodian\", or leave --postgres out to use the SQLite store in --data";

    /// <summary>True when <c>--postgres</c> was given with an empty or blank value.</summary>
    public bool IsGivenEmpty(ParseResult parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        return parse.GetResult(ConnectionString) is { Implicit: false } && string.IsNullOrWhiteSpace(parse.GetValue(ConnectionString));
    }

    /// <summary>What is said of a connection string that does not parse (it is never echoed: it may hold a password).</summary>
    public const string InvalidConnectionString =
        "--postgres is not a valid connection string; use the form \"Host=db;Database=custodian;Username=custodian\" (keywords as Npgsql spells them)";

    /// <summary>
    /// Null when PostgreSQL answers on <paramref name="connectionString"/>, else the message saying what failed: checked
    /// before a server starts, so a wrong host or password is one clear line instead of a failed start.
    /// </summary>
    public static async Task<string?> CheckConnectionAsync(string connectionString, CancellationToken cancellationToken)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false };
        }
        catch (ArgumentException)
        {
            return InvalidConnectionString;
        }

        try
        {
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            return null;
        }
        catch (ArgumentException)
        {
            return InvalidConnectionString;
        }
        catch (NpgsqlException e)
        {
            return Unreachable(e);
        }
    }

    /// <summary>The message for a PostgreSQL that could not be reached or refused the login.</summary>
    public static string Unreachable(NpgsqlException e)
    {
        ArgumentNullException.ThrowIfNull(e);

        // Npgsql's messages name the host and the failure, never the password.
        var cause = e.InnerException is SocketException or TimeoutException && !e.Message.Contains(e.InnerException.Message, StringComparison.Ordinal)
            ? $" ({e.InnerException.Message})"
            : "";
        return $"cannot reach PostgreSQL: {e.Message}{cause}; check the host, port, database and credentials in --postgres or {CustodianRuntime.PostgresEnvironmentVariable}";
    }

    /// <summary>Null when the schema name is usable, else the message saying how to fix it.</summary>
    public static string? CheckSchema(string schema)
    {
        try
        {
            PostgresSchema.ValidateName(schema);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message.Split(" (Parameter", 2)[0];
        }
    }
}
