namespace Custodian.Statement;

/// <summary>
/// One block of a rendered statement. The statement is built once as blocks so that the Markdown and
/// the HTML page say exactly the same thing.
/// </summary>
public abstract record StatementBlock;
