using System.Diagnostics.CodeAnalysis;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Custodian.Policy;

/// <summary>
/// Passes a YAML parser's events on to the representation model, refusing what no policy or scenario needs and what
/// would cost the reader a stack overflow or unbounded work: nesting deeper than <see cref="YamlFileRules.MaxDepth"/>,
/// an alias used inside the node it names, and aliases that together stand for more than
/// <see cref="YamlFileRules.MaxAliasValues"/> values (an alias bomb). The first such problem ends the read with a
/// <see cref="YamlException"/>; <see cref="Problem"/> then holds its code, message and fix.
/// </summary>
internal sealed class GuardedParser(IParser inner, YamlFileRules rules) : IParser
{
    private readonly Dictionary<string, long> _anchorSizes = new(StringComparer.Ordinal);
    private readonly Stack<(string? Anchor, long NodesAtStart)> _open = new();
    private long _nodes;
    private long _aliasValues;

    public ParsingEvent? Current => inner.Current;

    /// <summary>Where each YAML document starts (its <c>---</c>, or its first node when it has none).</summary>
    public List<Mark> DocumentStarts { get; } = [];

    /// <summary>The limit that ended the read, or null.</summary>
    public (string Code, Mark At, string Message, string Fix)? Problem { get; private set; }

    public bool MoveNext()
    {
        if (!inner.MoveNext()) return false;
        switch (inner.Current)
        {
            case DocumentStart start:
                DocumentStarts.Add(start.Start);
                _anchorSizes.Clear();
                break;
            case MappingStart or SequenceStart:
                var node = (NodeEvent)inner.Current;
                _nodes++;
                if (_open.Count >= rules.MaxDepth)
                    Refuse(PolicyCodes.TooDeep, node.Start, $"the file is nested more than {rules.MaxDepth} levels deep", rules.TooDeepFix);

                _open.Push((node.Anchor.IsEmpty ? null : node.Anchor.Value, _nodes));
                break;
            case MappingEnd or SequenceEnd:
                var (anchor, nodesAtStart) = _open.Pop();
                if (anchor is not null) _anchorSizes[anchor] = _nodes - nodesAtStart + 1;
                break;
            case Scalar scalar:
                _nodes++;
                if (!scalar.Anchor.IsEmpty) _anchorSizes[scalar.Anchor.Value] = 1;
                break;
            case AnchorAlias alias:
                Alias(alias);
                break;
        }

        return true;
    }

    private void Alias(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        if (!_anchorSizes.TryGetValue(name, out var size))
        {
            if (_open.Any(o => o.Anchor == name))
            {
                Refuse(
                    PolicyCodes.AliasMisuse, alias.Start, $"alias '*{name}' is used inside the value '&{name}' names, so it would contain itself without end",
                    $"write the value out instead of '*{name}'");
            }

            Refuse(
                PolicyCodes.YamlSyntax, alias.Start, $"alias '*{name}' names no anchor",
                $"put '&{name}' on an earlier value, or quote the text if the '*' is meant literally");
        }

        _nodes += size;
        _aliasValues += size;
        if (_aliasValues > rules.MaxAliasValues)
        {
            Refuse(
                PolicyCodes.AliasMisuse, alias.Start,
                $"the aliases in this file stand for more than {rules.MaxAliasValues:N0} values, and are not expanded",
                "write the values out instead of using anchors (&) and aliases (*)");
        }
    }

    [DoesNotReturn]
    private void Refuse(string code, Mark at, string message, string fix)
    {
        Problem = (code, at, message, fix);
        throw new YamlException(at, at, message);
    }
}
