namespace Custodian.GdprBench;

/// <summary>YCSB's scrambled zipfian generator (constant 0.99) over a fixed number of items, as GDPRbench picks users.</summary>
internal sealed class Zipfian
{
    private const double Theta = 0.99;
    private readonly int _items;
    private readonly double _zetaN;
    private readonly double _alpha;
    private readonly double _eta;

    public Zipfian(int items)
    {
        _items = items;
        for (var i = 1; i <= items; i++) _zetaN += 1 / Math.Pow(i, Theta);
        var zeta2 = 1 + (1 / Math.Pow(2, Theta));
        _alpha = 1 / (1 - Theta);
        _eta = (1 - Math.Pow(2.0 / items, 1 - Theta)) / (1 - (zeta2 / _zetaN));
    }

    /// <summary>The next item, popular ones spread over the key space by an FNV hash.</summary>
    public int Next(Random random)
    {
        var u = random.NextDouble();
        var uz = u * _zetaN;
        long rank = uz < 1 ? 0 : uz < 1 + Math.Pow(0.5, Theta) ? 1 : (long)(_items * Math.Pow((_eta * u) - _eta + 1, _alpha));
        return (int)(Fnv(rank) % (ulong)_items);
    }

    private static ulong Fnv(long value)
    {
        var hash = 0xCBF29CE484222325UL;
        for (var i = 0; i < 8; i++)
        {
            hash ^= (ulong)(value & 0xFF);
            hash *= 0x100000001B3UL;
            value >>= 8;
        }

        return hash;
    }
}
