using System.CommandLine;
using Custodian.Retention;

namespace Custodian.Cli.Commands;

/// <summary><c>custodian keys archive-keypair --out DIR</c>: the management key pair archives are sealed to (IS7).</summary>
internal static class KeysCommands
{
    public static Command Build(CliConsole console)
    {
        var output = new Option<string>("--out") { Description = "The folder to write archive-public.pem and archive-private.pem into.", Required = true };
        var pair = new Command("archive-keypair", """
            Create the management key pair for archives (RSA 3072). Copy archive-public.pem into the data directory: the
            service seals archives to it and cannot read them. Move archive-private.pem off the server to where management
            keeps it; 'custodian archive open' needs it. Exit codes: 0 written, 2 the folder cannot be written or a key exists.

            Example:
              custodian keys archive-keypair --out ./management-keys
            """)
        {
            output,
        };
        pair.SetAction(parse => CreatePair(console, parse.GetValue(output)!));
        var keys = new Command("keys", "Create keys Custodian uses.");
        keys.Subcommands.Add(pair);
        return keys;
    }

    internal static int CreatePair(CliConsole console, string directory)
    {
        var publicPath = Path.Combine(directory, ArchivePublicKey.DefaultFileName);
        var privatePath = Path.Combine(directory, "archive-private.pem");
        if (File.Exists(publicPath) || File.Exists(privatePath))
        {
            console.Error.WriteLine($"error: {directory} already holds an archive key; archives sealed to it would be lost with it. Choose another folder.");
            return ExitCodes.Unreadable;
        }

        try
        {
            Directory.CreateDirectory(directory);
            using var key = ArchivePrivateKey.Generate();
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var writer = new StreamWriter(privatePath, options)) writer.Write(key.ExportPrivatePem());
            File.WriteAllText(publicPath, key.ExportPublicPem());
            console.Out.WriteLine($"wrote {publicPath} (copy it into the data directory)");
            console.Out.WriteLine($"wrote {privatePath} (mode 0600)");
            console.Error.WriteLine($"warning: move {privatePath} off this server now. Whoever holds it can read every archive; the service must not.");
            return ExitCodes.Ok;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            console.Error.WriteLine($"error: cannot write to {directory}: {e.Message}");
            return ExitCodes.Unreadable;
        }
    }
}
