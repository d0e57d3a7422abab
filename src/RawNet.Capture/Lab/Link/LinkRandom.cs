namespace RawNet.Capture.Lab.Link;

/// <summary>
/// The link's dice: xoshiro256** seeded through SplitMix64 from the lab's seed and the direction, so each direction
/// draws its own repeatable sequence and the two never depend on how their frames interleave.
/// </summary>
public struct LinkRandom
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>The sequence of <paramref name="seed"/> for <paramref name="direction"/>.</summary>
    public LinkRandom(ulong seed, LinkDirection direction)
    {
        var state = seed ^ ((ulong)direction + 1) * 0x9E3779B97F4A7C15UL;
        _s0 = SplitMix(ref state);
        _s1 = SplitMix(ref state);
        _s2 = SplitMix(ref state);
        _s3 = SplitMix(ref state);
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        var result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform value in [0, 100): compared with a chance in percent.</summary>
    public double NextPercent() => (Next() >> 11) * (100.0 / (1UL << 53));
}
