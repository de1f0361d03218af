using System.Numerics;

namespace Custodian.Policy;

/// <summary>
/// A fixed-size set of small integer ids (category, purpose, permission ids) for decisions that test
/// membership with one shift and one mask. Immutable once built by the compiler.
/// </summary>
public sealed class BitSet
{
    private readonly ulong[] _words;

    /// <summary>Creates an empty set able to hold ids below <paramref name="capacity"/>.</summary>
    public BitSet(int capacity)
    {
        Capacity = capacity;
        _words = new ulong[(capacity + 63) >> 6];
    }

    /// <summary>How many ids the set can hold.</summary>
    public int Capacity { get; }

    /// <summary>How many ids are in the set.</summary>
    public int Count => _words.Sum(w => BitOperations.PopCount(w));

    /// <summary>Whether <paramref name="id"/> is in the set; ids outside the capacity are not.</summary>
    public bool Contains(int id)
    {
        var word = id >> 6;
        return (uint)word < (uint)_words.Length && (_words[word] & (1UL << (id & 63))) != 0;
    }

    /// <summary>The ids in the set, ascending.</summary>
    public IEnumerable<int> Members()
    {
        for (var word = 0; word < _words.Length; word++)
        {
            var bits = _words[word];
            while (bits != 0)
            {
                var bit = BitOperations.TrailingZeroCount(bits);
                yield return (word << 6) + bit;
                bits &= bits - 1;
            }
        }
    }

    /// <summary>Adds an id; only the compiler calls this, before the set is shared.</summary>
    internal void Add(int id) => _words[id >> 6] |= 1UL << (id & 63);
}
