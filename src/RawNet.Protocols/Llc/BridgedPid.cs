namespace RawNet.Protocols.Llc;

/// <summary>
/// The protocol IDs behind SNAP's OUI 00-80-C2 (IEEE 802.1) that name a bridged MAC frame (RFC 2684 6.1, RFC 2427 11),
/// and where tshark finds that frame after SNAP: behind LLC after a pad of 2 bytes (3 for FDDI), behind Frame Relay's
/// NLPID with none (1 for FDDI). 802.4 and 802.6 frames are not frames RawNet decodes: their PIDs stay data. BPDUs (PID
/// 0x000E) are no MAC frame either: the decoder hands them to STP (<see cref="Stp.StpBpdu.BridgedPid"/>) with no pad.
/// </summary>
public static class BridgedPid
{
    public const ushort EthernetWithFcs = 0x0001, TokenRingWithFcs = 0x0003, FddiWithFcs = 0x0004;
    public const ushort EthernetWithoutFcs = 0x0007, TokenRingWithoutFcs = 0x0009, FddiWithoutFcs = 0x000A;

    /// <summary>The pad tshark (and tcpdump) skip after SNAP behind LLC (RFC 2684's ATM, and 802.3, Token Ring and FDDI alike).</summary>
    public const int LlcPad = 2;

    /// <summary>The pad tshark (and tcpdump) skip after SNAP behind Frame Relay's NLPID: none.</summary>
    public const int FrameRelayPad = 0;

    /// <summary>How many bytes after SNAP the frame <paramref name="pid"/> names starts, with <paramref name="pad"/>; -1 for any other PID.</summary>
    public static int FrameOffset(ushort pid, int pad) => pid switch
    {
        EthernetWithFcs or EthernetWithoutFcs or TokenRingWithFcs or TokenRingWithoutFcs => pad,
        FddiWithFcs or FddiWithoutFcs => pad + 1,
        _ => -1,
    };
}
