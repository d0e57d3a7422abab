using System.Buffers.Binary;

namespace RawNet.Protocols.Sflow;

/// <summary>
/// An sFlow datagram (sFlow v5, sflow.org/sflow_version_5.txt; v2 and v4 alike without the sub-agent ID) on UDP port
/// 6343: XDR words, big-endian, every item 4-byte aligned.
/// <code>
/// version | agent address type | agent address (0, 4 or 16 bytes) | sub-agent ID (v5) | sequence | uptime | samples
/// sample (v5):   enterprise:20 format:12 | length | body
/// record (v5):   enterprise:20 format:12 | length | body
/// raw header:    header protocol | frame length | stripped (v5) | header length | header bytes, padded to 4
/// </code>
/// </summary>
public static class SflowDatagram
{
    /// <summary>Byte offsets of the fields before the agent address.</summary>
    public static class Field
    {
        public const int Version = 0;
        public const int AddressType = 4;
        public const int Address = 8;
    }

    /// <summary>The agent address types tshark knows; another is not sFlow to it.</summary>
    public const uint AddressUnknown = 0, AddressIpv4 = 1, AddressIpv6 = 2;

    /// <summary>Sample formats (v5, enterprise 0) and v2/v4 sample types.</summary>
    public const uint FlowSample = 1, CountersSample = 2, ExpandedFlowSample = 3, ExpandedCountersSample = 4;

    /// <summary>The flow record format of a raw packet header, and the v2/v4 packet information type of one.</summary>
    public const uint RawPacketHeader = 1;

    /// <summary>Most samples and most records per sample tshark walks: it masks the counts with 0xFF.</summary>
    public const int MaxCount = 0xFF;

    /// <summary>True for the versions tshark decodes (2, 4 and 5); it leaves others to data.</summary>
    public static bool IsKnownVersion(uint version) => version is 2 or 4 or 5;

    /// <summary>True for the address types tshark accepts (unknown, IPv4, IPv6).</summary>
    public static bool IsKnownAddressType(uint type) => type <= AddressIpv6;

    /// <summary>The agent address's length for a known address type.</summary>
    public static int AddressLength(uint type) => type == AddressIpv4 ? 4 : type == AddressIpv6 ? 16 : 0;

    /// <summary>Offset of the sub-agent ID (v5) or the sequence number (v2, v4): past the agent address.</summary>
    public static int AfterAddress(uint type) => Field.Address + AddressLength(type);

    /// <summary>The datagram header's length: up to and including the number of samples.</summary>
    public static int HeaderLength(uint version, uint type) => AfterAddress(type) + (version == 5 ? 16 : 12);

    /// <summary>
    /// True when the first 8 bytes name a version and an address type tshark takes for sFlow; false when they do not
    /// (tshark then hands the payload to data) or are not all there.
    /// </summary>
    public static bool TryReadStart(ReadOnlySpan<byte> datagram, out uint version, out uint addressType)
    {
        version = datagram.Length >= 4 ? BinaryPrimitives.ReadUInt32BigEndian(datagram) : 0;
        addressType = datagram.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(datagram[Field.AddressType..]) : 0;
        return datagram.Length >= 8 && IsKnownVersion(version) && IsKnownAddressType(addressType);
    }

    /// <summary>The content length tshark 4.0 reads for a v5 flow record of a standard format (other than the raw header), or -1 when it does not know the format.</summary>
    internal static int FlowRecordContent(uint format, ReadOnlySpan<byte> body, int declared) => format switch
    {
        2 => 24,   // Ethernet frame data
        3 => 32,   // IPv4 data
        4 => 56,   // IPv6 data
        1001 => 16, // extended switch
        1002 => body.Length >= 4 ? 4 + AddressLength(BinaryPrimitives.ReadUInt32BigEndian(body)) + 8 : 4 + 8, // extended router
        // the formats of variable length tshark reads field by field: taken at their declared length
        >= 1003 and <= 1016 => declared,
        _ => -1,
    };

    /// <summary>The content length tshark 4.0 reads for a v5 counters record of a standard format, or -1 when it does not know the format.</summary>
    internal static int CountersRecordContent(uint format, int declared) => format switch
    {
        1 => 88,    // generic interface
        2 => 52,    // Ethernet interface
        3 => 72,    // Token Ring
        5 => 28,    // VLAN
        1001 => 28, // processor
        1002 => 12, // radio utilization
        4 or 6 => declared, // 100BaseVG, 802.11: taken at their declared length
        _ => -1,
    };

    /// <summary>True for a layer of a sampled header an sFlow datagram carries (decoded quoted after the sFlow layer).</summary>
    public static bool IsSampled(Decoding.DecodedPacket packet, int index)
    {
        if (!packet[index].Quoted)
            return false;
        for (int i = index - 1; i > 0; i--)
        {
            if (packet[i].Kind == Decoding.LayerKind.Sflow && !packet[i].Quoted)
                return true;
        }
        return false;
    }

    /// <summary>Rounds an XDR opaque length up to 4 bytes, as tshark pads the sampled header.</summary>
    public static long Padded(uint length) => (length + 3L) & ~3L;
}
