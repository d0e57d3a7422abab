using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Netanalyzer.NetanalyzerHeader.Field;

namespace RawNet.Protocols.Netanalyzer;

/// <summary>
/// The netANALYZER field table (Wireshark "netanalyzer", tshark 4.0): a frame's port, length and status, whose error
/// bits only when one is set (tshark adds the status as a plain value when it is 0); a buffer state entry's state, port
/// and source; the time tick's and the GPIO event's markers, and the GPIO number and edge once the event's signature
/// matched. Each set shows only for its record type (<see cref="NetanalyzerHeader.Record"/>).
/// </summary>
public static class NetanalyzerFields
{
    private static FieldDefinition Status(string name, string label, ulong mask) =>
        FieldDefinition.Fixed(name, label, LayerKind.Netanalyzer, F.Status, 1, FieldKind.Boolean, mask, FieldPresence.NetanalyzerStatusBits);

    public static readonly FieldDefinition[] All =
    [
        FieldDefinition.Fixed("netanalyzer.gpio_event", "GPIO event", LayerKind.Netanalyzer, 0, 0, FieldKind.Marker,
            presence: FieldPresence.NetanalyzerGpio),
        FieldDefinition.Fixed("netanalyzer.gpio_event.gpio_number", "GPIO event on", LayerKind.Netanalyzer, F.GpioNumber, 1, FieldKind.Hex,
            presence: FieldPresence.NetanalyzerGpio),
        FieldDefinition.Fixed("netanalyzer.gpio_event.gpio_edge", "GPIO event type", LayerKind.Netanalyzer, F.GpioEdge, 1, FieldKind.Hex,
            presence: FieldPresence.NetanalyzerGpio),
        FieldDefinition.Fixed("netanalyzer.eth", "Ethernet frame", LayerKind.Netanalyzer, 0, 0, FieldKind.Marker,
            presence: FieldPresence.NetanalyzerEthernet),
        FieldDefinition.Fixed("netanalyzer.buffer", "Buffer state entry", LayerKind.Netanalyzer, 0, 0, FieldKind.Marker,
            presence: FieldPresence.NetanalyzerBuffer),
        FieldDefinition.Fixed("netanalyzer.buffer.state", "Buffer state", LayerKind.Netanalyzer, F.Status, 1, FieldKind.Decimal,
            NetanalyzerHeader.BufferStateMask, FieldPresence.NetanalyzerBuffer),
        FieldDefinition.Fixed("netanalyzer.port", "Reception Port", LayerKind.Netanalyzer, F.Flags, 1, FieldKind.Decimal,
            NetanalyzerHeader.PortMask, FieldPresence.NetanalyzerPort),
        FieldDefinition.Fixed("netanalyzer.buffer.source", "Buffer source", LayerKind.Netanalyzer, F.Status, 1, FieldKind.Decimal,
            NetanalyzerHeader.BufferSourceMask, FieldPresence.NetanalyzerBuffer),
        FieldDefinition.FixedLittleEndian("netanalyzer.framelen", "Ethernet frame length", LayerKind.Netanalyzer, F.FrameLength, 2,
            FieldKind.Decimal, NetanalyzerHeader.FrameLengthMask, FieldPresence.NetanalyzerEthernet),
        FieldDefinition.Fixed("netanalyzer.packetstatus", "Status", LayerKind.Netanalyzer, F.Status, 1, FieldKind.Hex, 0xFF,
            FieldPresence.NetanalyzerEthernet),
        Status("netanalyzer.packetstatus.rx_er", "MII RX_ER error", 0x01),
        Status("netanalyzer.packetstatus.alignment_error", "Alignment error", 0x02),
        Status("netanalyzer.packetstatus.fcs_error", "FCS error", 0x04),
        Status("netanalyzer.packetstatus.too_long", "Frame too long", 0x08),
        Status("netanalyzer.packetstatus.sfd_error", "No valid SFD found", 0x10),
        Status("netanalyzer.packetstatus.short_frame", "Frame smaller 64 bytes", 0x20),
        Status("netanalyzer.packetstatus.short_preamble", "Preamble shorter than 7 bytes", 0x40),
        Status("netanalyzer.packetstatus.long_preamble", "Preamble longer than 7 bytes", 0x80),
        FieldDefinition.Fixed("netanalyzer.timetick", "Time tick", LayerKind.Netanalyzer, 0, 0, FieldKind.Marker,
            presence: FieldPresence.NetanalyzerTimeTick),
    ];

    /// <summary>Whether a field of <paramref name="presence"/> is shown for the layer whose header bytes are <paramref name="header"/>.</summary>
    public static bool IsPresent(FieldPresence presence, ReadOnlySpan<byte> header)
    {
        if (!NetanalyzerHeader.TryRead(header, out var netanalyzer))
            return false;
        var record = netanalyzer.Record;
        return presence switch
        {
            FieldPresence.NetanalyzerEthernet => record == NetanalyzerRecord.Ethernet,
            FieldPresence.NetanalyzerStatusBits => record == NetanalyzerRecord.Ethernet && netanalyzer.Status != 0,
            FieldPresence.NetanalyzerPort => record is NetanalyzerRecord.Ethernet or NetanalyzerRecord.BufferState,
            FieldPresence.NetanalyzerBuffer => record == NetanalyzerRecord.BufferState,
            FieldPresence.NetanalyzerTimeTick => record == NetanalyzerRecord.TimeTick,
            FieldPresence.NetanalyzerGpio => NetanalyzerHeader.HasValidGpio(header),
            _ => false,
        };
    }
}
