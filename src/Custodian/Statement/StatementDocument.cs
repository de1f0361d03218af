using System.Collections.Immutable;

namespace Custodian.Statement;

/// <summary>
/// The whole privacy statement in one language, independent of output format; built by
/// <see cref="StatementBuilder"/> and written by <see cref="MarkdownStatementWriter"/> or <see cref="HtmlStatementWriter"/>.
/// </summary>
/// <param name="Language">The language code (<c>en</c>, <c>da</c>).</param>
/// <param name="Title">The document title.</param>
/// <param name="Controller">The controller's name, for the page title.</param>
/// <param name="Preamble">Text before the first section.</param>
/// <param name="ContentsLabel">The label of the table of contents.</param>
/// <param name="Sections">The sections in order.</param>
public sealed record StatementDocument(
    string Language,
    string Title,
    string Controller,
    ImmutableArray<StatementBlock> Preamble,
    string ContentsLabel,
    ImmutableArray<StatementSection> Sections);
