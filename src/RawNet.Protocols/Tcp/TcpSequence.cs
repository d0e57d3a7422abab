namespace RawNet.Protocols.Tcp;

/// <summary>
/// Sequence-space comparisons as TCP (RFC 9293 3.4) and Wireshark make them: by the sign of the 32-bit difference, so
/// they hold across the wrap past 2^32, and a number more than 2^31 ahead reads as behind.
/// </summary>
internal static class TcpSequence
{
    /// <summary><paramref name="a"/> comes after <paramref name="b"/>.</summary>
    public static bool Gt(uint a, uint b) => (int)(a - b) > 0;

    /// <summary><paramref name="a"/> comes before <paramref name="b"/>.</summary>
    public static bool Lt(uint a, uint b) => (int)(a - b) < 0;

    /// <summary><paramref name="a"/> comes before <paramref name="b"/> or is it.</summary>
    public static bool Le(uint a, uint b) => (int)(a - b) <= 0;
}
