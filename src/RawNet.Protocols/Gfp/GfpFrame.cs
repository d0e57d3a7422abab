using System.Buffers.Binary;
using RawNet.Protocols.Checksums;

namespace RawNet.Protocols.Gfp;

/// <summary>How far tshark 4.0's gfp dissector reads a frame before it ends or an exception stops it, in its order.</summary>
public enum GfpReach : byte
{
    /// <summary>Fewer than 4 bytes on the wire: tshark rejects the frame and shows nothing.</summary>
    None,
    /// <summary>The Protocol column set and the gfp item added; the PLI was cut.</summary>
    Protocol,
    /// <summary>The PLI read and the Info column set from it; the cHEC was cut.</summary>
    Pli,
    /// <summary>The core header read; the payload header was cut.</summary>
    Core,
    /// <summary>The type field and tHEC read; a linear frame's channel ID was cut.</summary>
    Type,
    /// <summary>The channel ID read; the eHEC was cut.</summary>
    ChannelId,
    /// <summary>The extension header read (or none needed); the payload FCS was cut.</summary>
    Headers,
    /// <summary>Everything read, the payload handed on (or none, for an idle or control frame).</summary>
    Complete,
}

/// <summary>
/// A GFP frame as tshark 4.0's gfp dissector reads it (ITU-T G.7041 frame-mapped mode; link types 170 and 171 alike): the
/// core header (PLI, cHEC), nothing more for an idle (PLI 0) or control (1 to 3) frame; else the payload header (type,
/// tHEC), a linear frame's extension header (channel ID, spare, eHEC; its 4 bytes taken from the payload area when the
/// PLI leaves them, else the payload is empty), and the payload FCS when PFI is set (its 4 bytes taken from what the
/// payload area leaves, all of it when that is less, though 4 bytes are read). The payload is the rest of the PLI's area,
/// however much of it the frame holds. Each read past the captured bytes stops tshark: <see cref="Reach"/> says where,
/// <see cref="Cut"/> whether the capture cut it (else the frame ended).
/// </summary>
public readonly struct GfpFrame
{
    /// <summary>How far tshark read.</summary>
    public GfpReach Reach { get; init; }

    /// <summary>Whether the read that stopped tshark was past the captured bytes but not the frame's (a snaplen cut).</summary>
    public bool Cut { get; init; }

    /// <summary>The headers' length: 4, 8 or 12.</summary>
    public int HeaderLength { get; init; }

    /// <summary>The payload's offset (the headers' end) and length as tshark hands it on; the length may run past the frame.</summary>
    public int PayloadLength { get; init; }

    /// <summary>The payload FCS's offset when PFI is set and tshark got to it, else -1.</summary>
    public int FcsAt { get; init; }

    /// <summary>The length the FCS takes from the payload area (less than 4 when the PLI leaves less).</summary>
    public int FcsLength { get; init; }

    /// <summary>Whether the FCS is the complement of the payload's CRC-32/MPEG-2.</summary>
    public bool FcsGood { get; init; }

    /// <summary>Where the headers end: the payload's offset.</summary>
    public int PayloadOffset => HeaderLength;

    /// <summary>Reads <paramref name="captured"/> (from the core header on) of a frame of <paramref name="reported"/> bytes on the wire as tshark does.</summary>
    public static GfpFrame Read(ReadOnlySpan<byte> captured, int reported)
    {
        if (reported < GfpHeader.CoreLength)
            return new GfpFrame { Reach = GfpReach.None, FcsAt = -1 };
        int have = captured.Length;
        var reach = GfpReach.Protocol;
        int header = 0;
        if (have < 2)
            return Stop(reach, 2, header, reported);
        reach = GfpReach.Pli;
        if (have < GfpHeader.CoreLength)
            return Stop(reach, GfpHeader.CoreLength, header, reported);
        reach = GfpReach.Core;
        header = GfpHeader.CoreLength;
        int pli = BinaryPrimitives.ReadUInt16BigEndian(captured);
        if (pli < 4)
            return new GfpFrame { Reach = GfpReach.Complete, HeaderLength = header, FcsAt = -1 };
        if (have < GfpHeader.Length)
            return Stop(reach, GfpHeader.Length, header, reported);
        reach = GfpReach.Type;
        header = GfpHeader.Length;
        int payload = pli - 4;
        GfpHeader.TryRead(captured, out var gfp);
        if (gfp.Extension == GfpHeader.ExtensionLinear)
        {
            payload = payload < 4 ? 0 : payload - 4;
            if (have < GfpHeader.Field.ChannelId + 1)
                return Stop(reach, GfpHeader.Field.ChannelId + 1, header, reported);
            reach = GfpReach.ChannelId;
            if (have < GfpHeader.ExtendedLength)
                return Stop(reach, GfpHeader.ExtendedLength, header, reported);
            header = GfpHeader.ExtendedLength;
        }
        reach = GfpReach.Headers;
        int fcsAt = -1, fcsLength = 0;
        bool fcsGood = false;
        if (gfp.HasFcs)
        {
            fcsLength = Math.Min(payload, GfpHeader.FcsLength);
            payload -= fcsLength;
            fcsAt = header + payload;
            // tshark reads 4 bytes there whatever the PLI left, and the CRC over the payload before them.
            if (have < fcsAt + GfpHeader.FcsLength)
                return Stop(reach, fcsAt + GfpHeader.FcsLength, header, reported);
            fcsGood = BinaryPrimitives.ReadUInt32BigEndian(captured[fcsAt..]) == ~Crc32.Mpeg2(captured.Slice(header, payload));
        }
        return new GfpFrame
        {
            Reach = GfpReach.Complete, HeaderLength = header, PayloadLength = payload, FcsAt = fcsAt, FcsLength = fcsLength, FcsGood = fcsGood,
        };
    }

    private static GfpFrame Stop(GfpReach reach, int needed, int header, int reported) =>
        new() { Reach = reach, Cut = needed <= reported, HeaderLength = header, FcsAt = -1 };

    /// <summary>The Info text tshark writes from the PLI: "Idle Frame", "Control Frame (Reserved)" or "Client Frame".</summary>
    public static string PliName(int pli) => pli switch
    {
        0 => "Idle Frame",
        < 4 => "Control Frame (Reserved)",
        _ => "Client Frame",
    };

    /// <summary>tshark's name of a PTI: "User Data", "Client Management", "Management Communications" or "Reserved PTI (n)".</summary>
    public static string PayloadTypeName(byte pti) => pti switch
    {
        (byte)GfpPayloadType.UserData => "User Data",
        (byte)GfpPayloadType.ClientManagement => "Client Management",
        (byte)GfpPayloadType.ManagementCommunications => "Management Communications",
        1 => "Reserved PTI (1)",
        2 => "Reserved PTI (2)",
        3 => "Reserved PTI (3)",
        6 => "Reserved PTI (6)",
        _ => "Reserved PTI (7)",
    };

    /// <summary>Whether tshark adds the type field and its bits for this PTI (user data, client management, management communications).</summary>
    public static bool ShowsType(byte pti) => pti is (byte)GfpPayloadType.UserData or (byte)GfpPayloadType.ClientManagement
        or (byte)GfpPayloadType.ManagementCommunications;

    /// <summary>tshark's name of a UPI in a client data or management communications frame (G.7041 table 6-3).</summary>
    public static string DataPayloadName(byte upi) => upi switch
    {
        0 or 255 => "Reserved and not available",
        1 => "Frame-Mapped Ethernet",
        2 => "Frame-Mapped PPP",
        3 => "Transparent Fibre Channel",
        4 => "Transparent FICON",
        5 => "Transparent ESCON",
        6 => "Transparent Gbit Ethernet",
        7 => "Reserved",
        8 => "Frame-Mapped Multiple Access Protocol over SDH (MAPOS)",
        9 => "Transparent DVB ASI",
        10 => "Frame-Mapped IEEE 802.17 Resilient Packet Ring",
        11 => "Frame-Mapped Fibre Channel FC-BBW",
        12 => "Asynchronous Transparent Fibre Channel",
        13 => "Frame-Mapped MPLS",
        14 => "Frame-Mapped MPLS (Multicast) [Deprecated]",
        15 => "Frame-Mapped OSI network layer protocols (IS-IS, ES-IS, CLNP)",
        16 => "Frame-Mapped IPv4",
        17 => "Frame-Mapped IPv6",
        18 => "Frame-Mapped DVB-ASI",
        19 => "Frame-Mapped 64B/66B encoded Ethernet, including frame preamble",
        20 => "Frame-Mapped 64B/66B encoded Ethernet ordered set information",
        21 => "Transparent transcoded FC-1200",
        22 => "Precision Time Protocol message",
        23 => "Synchronization status message",
        < 240 => "Reserved for future standardization",
        < 253 => "Reserved for proprietary use",
        253 => "Reserved for proprietary use, formerly Frame-Mapped 64B/66B encoded Ethernet, including frame preamble",
        _ => "Reserved for proprietary use, formerly Frame-Mapped 64B/66B encoded Ethernet ordered set information",
    };

    /// <summary>tshark's name of a UPI in a client management frame (G.7041 table 6-4).</summary>
    public static string ManagementPayloadName(byte upi) => upi switch
    {
        0 or 255 => "Reserved and not available",
        1 => "Client Signal Fail (Loss of Client Signal)",
        2 => "Client Signal Fail (Loss of Character Synchronisation)",
        3 => "Defect Clear Indication (DCI)",
        4 => "Forward Defect Indication (FDI)",
        5 => "Reverse Defect Indication (RDI)",
        < 224 => "Reserved for future use",
        _ => "Reserved for proprietary use",
    };
}
