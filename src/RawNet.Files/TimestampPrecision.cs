namespace RawNet.Files;

/// <summary>The unit in which a writer stores timestamps.</summary>
public enum TimestampPrecision : byte
{
    /// <summary>Microseconds: pcap magic 0xA1B2C3D4, pcapng if_tsresol 6.</summary>
    Microseconds,
    /// <summary>Nanoseconds: pcap magic 0xA1B23C4D, pcapng if_tsresol 9.</summary>
    Nanoseconds,
}
