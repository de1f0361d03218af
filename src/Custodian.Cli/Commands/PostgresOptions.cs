using System.CommandLine;
using Custodian.Postgres;
using Custodian.Server;

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

    /// <summary>The connection string given or from the environment, or null for the SQLite store.</summary>
    public string? Resolve(ParseResult parse)
    {
        var given = parse.GetValue(ConnectionString);
        var value = string.IsNullOrWhiteSpace(given) ? Environment.GetEnvironmentVariable(CustodianRuntime.PostgresEnvironmentVariable) : given;
        return string.IsNullOrWhiteSpace(value) ? null : value;
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
