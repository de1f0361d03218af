namespace Custodian.Cli;

/// <summary>Where a command writes: standard output for results, standard error for diagnostics and progress.</summary>
/// <param name="Out">Results.</param>
/// <param name="Error">Diagnostics, warnings and progress.</param>
public sealed record CliConsole(TextWriter Out, TextWriter Error);
