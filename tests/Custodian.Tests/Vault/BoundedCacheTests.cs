using Custodian.Vault;

namespace Custodian.Tests.Vault;

public sealed class BoundedCacheTests
{
    [Fact]
    public void Past_its_capacity_it_keeps_the_most_recently_used_and_drops_the_least()
    {
        var cache = new BoundedCache<int, string>(10, 1_000, EqualityComparer<int>.Default);
        for (var i = 0; i < 10; i++) cache.Set(i, $"v{i}");
        Assert.True(cache.TryGetValue(0, out _));

        cache.Set(10, "v10");

        Assert.Equal(10, cache.Count);
        Assert.True(cache.TryGetValue(0, out var kept));
        Assert.Equal("v0", kept);
        Assert.False(cache.TryGetValue(1, out _));
        Assert.True(cache.TryGetValue(10, out _));
    }

    [Fact]
    public void It_never_holds_more_than_its_capacity_and_keeps_most_of_it_when_full()
    {
        var cache = new BoundedCache<int, int>(1_000, 1_000_000, EqualityComparer<int>.Default);

        for (var i = 0; i < 25_000; i++)
        {
            cache.Set(i, i);
            Assert.True(cache.Count <= 1_000);
        }

        Assert.InRange(cache.Count, 900, 1_000);
        Assert.True(cache.TryGetValue(24_999, out _));
    }

    [Fact]
    public void The_weight_budget_evicts_until_a_heavy_value_fits_and_removal_returns_its_weight()
    {
        var cache = new BoundedCache<string, string>(100, 10, StringComparer.Ordinal);
        cache.Set("a", "a", 4);
        cache.Set("b", "b", 4);
        Assert.True(cache.TryGetValue("a", out _));

        cache.Set("c", "c", 6);

        Assert.False(cache.TryGetValue("b", out _));
        Assert.True(cache.TryGetValue("a", out _));
        Assert.True(cache.TryGetValue("c", out _));
        Assert.Equal(10, cache.Weight);
        cache.Remove("c");
        Assert.Equal(4, cache.Weight);
    }

    [Fact]
    public void A_value_heavier_than_the_whole_budget_is_not_held_and_replaces_nothing_stale()
    {
        var cache = new BoundedCache<string, string>(100, 10, StringComparer.Ordinal);
        cache.Set("a", "old", 2);

        cache.Set("a", "too heavy", 11);

        Assert.False(cache.TryGetValue("a", out _));
        Assert.Equal(0, cache.Weight);
    }

    [Fact]
    public async Task Concurrent_readers_and_writers_keep_the_bounds()
    {
        var cache = new BoundedCache<int, int>(500, 2_000, EqualityComparer<int>.Default);

        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            var random = new Random(t);
            for (var i = 0; i < 20_000; i++)
            {
                var key = random.Next(5_000);
                if (i % 3 == 0) cache.Set(key, key, random.Next(1, 8));
                else if (i % 7 == 0) cache.Remove(key);
                else if (cache.TryGetValue(key, out var value)) Assert.Equal(key, value);
            }
        })));

        Assert.True(cache.Count <= 500);
        Assert.InRange(cache.Weight, 0, 2_000);
    }
}
