using RawNet.Protocols;

namespace RawNet.Capture.LibPcap;

/// <summary>
/// Converts between file LINKTYPE_ values and the DLT_ values libpcap's live and compile APIs use.
/// They differ only where a DLT_ number was platform-specific; on Linux that is raw IP (LINKTYPE_RAW 101, DLT_RAW 12).
/// </summary>
internal static class PcapLinkTypes
{
    private const int DltRaw = 12;

    internal static int ToDlt(LinkType linkType) => linkType == LinkType.Raw ? DltRaw : (int)linkType;

    internal static LinkType FromDlt(int dlt) => dlt == DltRaw ? LinkType.Raw : (LinkType)(ushort)dlt;
}
