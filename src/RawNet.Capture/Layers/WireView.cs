namespace RawNet.Capture.Layers;

/// <summary>One layer's share of a frame: its name and how many bytes it takes.</summary>
/// <param name="Name">"eth", "ip", "ipv6", "tcp", "udp", "data"; on the wire also "preamble", "sfd", "padding", "fcs", "gap".</param>
/// <param name="Bytes">Its bytes.</param>
/// <param name="Captured">True for bytes a capture shows; false for what only the physical layer adds.</param>
public sealed record WireShare(string Name, int Bytes, bool Captured);

/// <summary>
/// A captured frame as IEEE 802.3 puts it on a wire: 7 bytes of preamble and the start frame delimiter before it, the
/// frame padded to 60 bytes, a 4-byte frame check sequence (CRC-32) after it, and 12 bytes of inter-frame gap before the
/// next one may start. A capture shows only the frame from the destination MAC on (lo and veth neither pad nor add an
/// FCS; a NIC adds both on the way out and strips the FCS on the way in), so a minimum frame is 60 bytes captured,
/// 64 counted by Ethernet, and 84 byte times of the wire.
/// </summary>
/// <param name="Layers">Each captured layer's bytes, in order; they add up to <see cref="Captured"/>.</param>
/// <param name="Captured">The captured length.</param>
/// <param name="Padding">Zero bytes a NIC adds to reach 60 (0 for a longer frame).</param>
/// <param name="Fcs">The frame check sequence over the padded frame, as the value of CRC-32 (sent least significant byte first).</param>
public sealed record WireView(IReadOnlyList<WireShare> Layers, int Captured, int Padding, uint Fcs)
{
    /// <summary>Preamble bytes (alternating ones and zeros, 0x55).</summary>
    public const int Preamble = 7;

    /// <summary>The start frame delimiter (0xD5).</summary>
    public const int StartFrameDelimiter = 1;

    /// <summary>The shortest frame without FCS, padded up to.</summary>
    public const int MinimumFrame = 60;

    /// <summary>The frame check sequence.</summary>
    public const int FcsBytes = 4;

    /// <summary>The inter-frame gap, in byte times (96 bit times).</summary>
    public const int InterFrameGap = 12;

    /// <summary>The frame as Ethernet counts it: padded, with FCS (at least 64).</summary>
    public int EthernetFrame => Captured + Padding + FcsBytes;

    /// <summary>Byte times the frame occupies on the wire: preamble, SFD, frame, FCS and gap (at least 84).</summary>
    public int OnTheWire => Preamble + StartFrameDelimiter + EthernetFrame + InterFrameGap;

    /// <summary>Everything on the wire in order, the physical layer's additions included.</summary>
    public IReadOnlyList<WireShare> Sequence =>
    [
        new("preamble", Preamble, false),
        new("sfd", StartFrameDelimiter, false),
        .. Layers,
        .. Padding > 0 ? [new WireShare("padding", Padding, false)] : Array.Empty<WireShare>(),
        new("fcs", FcsBytes, false),
        new("gap", InterFrameGap, false),
    ];

    /// <summary>The view of <paramref name="frame"/>, whose layers are <paramref name="layers"/> (a byte map tiling it).</summary>
    public static WireView Of(byte[] frame, IEnumerable<(string Name, int Bytes)> layers)
    {
        int padding = Math.Max(0, MinimumFrame - frame.Length);
        var padded = new byte[frame.Length + padding];
        frame.CopyTo(padded, 0);
        return new WireView(layers.Select(l => new WireShare(l.Name, l.Bytes, true)).ToList(), frame.Length, padding, RawNet.Protocols.Checksums.Crc32.Compute(padded));
    }
}
