namespace RawNet.Protocols.Ieee80211;

/// <summary>802.11n (HT) data rates (IEEE 802.11-2020 19.5), for the equal-modulation MCS indices 0 to 31.</summary>
public static class Ieee80211Rates
{
    /// <summary>One spatial stream's rate in tenths of Mb/s with the long guard interval, by MCS index modulo 8: 20 MHz, then 40 MHz.</summary>
    private static ReadOnlySpan<short> PerStream20 => [65, 130, 195, 260, 390, 520, 585, 650];
    private static ReadOnlySpan<short> PerStream40 => [135, 270, 405, 540, 810, 1080, 1215, 1350];

    /// <summary>
    /// The rate of HT MCS <paramref name="index"/> in tenths of Mb/s, rounded as the standard's tables print it (the short
    /// guard interval is 10/9 the long); 0 for an index past 31.
    /// </summary>
    public static long HtTenthsOfMbps(int index, bool forty, bool shortGuardInterval)
    {
        if (index is < 0 or > 31)
            return 0;
        long longGi = (forty ? PerStream40 : PerStream20)[index % 8] * (long)(index / 8 + 1);
        return shortGuardInterval ? (longGi * 100 / 9 + 5) / 10 : longGi;
    }
}
