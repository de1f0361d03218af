using System.Text;

namespace Custodian.Sqlite;

/// <summary>
/// Turns the few distinct UTF-8 values a column repeats row after row (a person's category keys, device ids, key
/// owners) into shared strings, so streaming a million rows does not allocate a million copies of the same key.
/// Meant for small sets: lookups scan the entries seen so far.
/// </summary>
internal sealed class Utf8StringTable
{
    private readonly List<(byte[] Utf8, string Value)> _entries = [];

    public string Get(ReadOnlySpan<byte> utf8)
    {
        foreach (var (bytes, value) in _entries)
        {
            if (utf8.SequenceEqual(bytes)) return value;
        }

        var added = Encoding.UTF8.GetString(utf8);
        _entries.Add((utf8.ToArray(), added));
        return added;
    }
}
