namespace Custodian.Statement;

/// <summary>The output formats of the published statement.</summary>
public enum StatementFormat
{
    /// <summary>CommonMark with GitHub-style tables, for repositories and static sites.</summary>
    Markdown,

    /// <summary>A standalone, accessible HTML page with inline CSS and no scripts.</summary>
    Html,
}
