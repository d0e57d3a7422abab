using RawNet.Files;
using RawNet.Protocols;

namespace RawNet.Cli.Tests.Oracle;

/// <summary>The link type of every frame of a capture, in order: what the oracle tests compare in full or only in part.</summary>
public static class CaptureLinkTypes
{
    /// <summary>One link type per frame of <paramref name="path"/>.</summary>
    public static List<LinkType> Of(string path)
    {
        var types = new List<LinkType>();
        using var reader = CaptureFileReader.Open(path);
        while (reader.TryReadNext(out var frame))
            types.Add(frame.Metadata.LinkType);
        return types;
    }

    /// <summary>
    /// False for the link types RawNet decodes that tshark 4.0's pcap reader refuses ("network type N unknown or
    /// unsupported", the whole file): pppd's PPP, Cisco HDLC and Frame Relay with a direction byte, raw MPLS.
    /// LinkLayerOracleTests checks that tshark still refuses each.
    /// </summary>
    public static bool TsharkReads(LinkType linkType) => linkType is not (LinkType.PppPppd or LinkType.CiscoHdlcWithDirection
        or LinkType.FrameRelayWithDirection or LinkType.Mpls);

    /// <summary>
    /// For the link types RawNet decodes that tcpdump 4.99 refuses ("unknown data link type", the whole file), the link
    /// type tcpdump prints the same frames under, which RawNet's lines follow: OpenBSD's DLT_RAW (14) as Linux's (12), and
    /// the old Linux CLIP number 18 as DLT_ATM_CLIP (19), and AX.25 (3), for which tcpdump has no printer, as AX.25 with KISS
    /// (202), which it prints UNSUPPORTED with every byte, as RawNet does for 3, and OpenBSD's DLT_ENC number 13 as LINKTYPE_ENC (109), and Redback's SmartEdge (32), which it
    /// has no printer for either, as 202 too. Null for the others. LinkLayerOracleTests and
    /// PseudoLinkOracleTests check that tcpdump still refuses each.
    /// </summary>
    public static LinkType? TcpdumpReadsAs(LinkType linkType) => linkType switch
    {
        LinkType.Raw14 => LinkType.Raw12,
        LinkType.AtmClip18 => LinkType.AtmClip19,
        LinkType.Ax25 => LinkType.Ax25Kiss,
        LinkType.Enc13 => LinkType.Enc,
        LinkType.Redback => LinkType.Ax25Kiss,
        _ => null,
    };

    /// <summary>
    /// Whether RawNet reads <paramref name="path"/> to its end: false for a capture damaged on purpose (captures/pcapng's
    /// damaged-flags-*), which tests of their own compare with tshark's stop, not the oracles over every capture.
    /// </summary>
    public static bool ReadsWhole(string path)
    {
        try
        {
            Of(path);
            return true;
        }
        catch (CaptureFileException)
        {
            return false;
        }
    }

    /// <summary>Whether tshark reads every frame of <paramref name="path"/> (<see cref="TsharkReads(LinkType)"/>).</summary>
    public static bool TsharkReadsAll(string path) => Of(path).All(TsharkReads);
}
