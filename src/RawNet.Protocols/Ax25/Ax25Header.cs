namespace RawNet.Protocols.Ax25;

/// <summary>
/// A view over an AX.25 frame's header (LINKTYPE_AX25, 3) as tshark 4.0's ax25 reads it: destination and source
/// addresses, up to eight digipeater addresses (more are walked but not shown), the control field (modulo 8, one byte),
/// and for an information frame (I, or UI without the poll bit) the protocol ID.
/// <code>
/// +-------------+-------------+--------------------+---------+-----+
/// | dst (7)     | src (7)     | via 0..n (7 each)  | ctl (1) | PID |
/// +-------------+-------------+--------------------+---------+-----+
/// address: six callsign characters shifted left one bit, then C/H bit 0x80, 0x60 reserved, SSID 0x1e, last-address bit 0x01
/// </code>
/// </summary>
public readonly ref struct Ax25Header
{
    /// <summary>Byte offsets of the fixed fields.</summary>
    public static class Field
    {
        public const int Destination = 0;
        public const int Source = 7;
        public const int FirstVia = 14;
    }

    /// <summary>Length of one address.</summary>
    public const int AddressLength = 7;

    /// <summary>The digipeater addresses tshark shows (ax25.via1 to via8): the spec's limit; it walks past more unshown.</summary>
    public const int MaxShownDigipeaters = 8;

    /// <summary>Protocol IDs tshark hands on: IPv4 (its "ip" dissector), ARP, and text with no layer 3.</summary>
    public const byte PidIp = 0xCC, PidArp = 0xCD, PidNoLayer3 = 0xF0;

    /// <summary>The address byte's bits: last address (extension), command/response (has-been-repeated on a via).</summary>
    public const byte LastAddressBit = 0x01, CommandBit = 0x80;

    private readonly ReadOnlySpan<byte> _bytes;

    private Ax25Header(ReadOnlySpan<byte> bytes, Ax25Layout layout)
    {
        _bytes = bytes;
        Layout = layout;
    }

    /// <summary>Wraps <paramref name="bytes"/> when it holds the whole header as tshark reads it (<see cref="Ax25Layout.IsWhole"/>).</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out Ax25Header header)
    {
        var layout = Ax25Layout.Read(bytes);
        header = layout.IsWhole ? new Ax25Header(bytes, layout) : default;
        return layout.IsWhole;
    }

    /// <summary>Where the header's parts lie.</summary>
    public Ax25Layout Layout { get; }

    /// <summary>The destination address's seven bytes.</summary>
    public ReadOnlySpan<byte> Destination => _bytes.Slice(Field.Destination, AddressLength);

    /// <summary>The source address's seven bytes.</summary>
    public ReadOnlySpan<byte> Source => _bytes.Slice(Field.Source, AddressLength);

    /// <summary>The control field.</summary>
    public byte Control => _bytes[Layout.ControlOffset];

    /// <summary>True for a frame that carries a protocol ID and information (I, or UI whose poll bit is clear).</summary>
    public bool HasPid => Layout.PidOffset >= 0;

    /// <summary>The protocol ID (only when <see cref="HasPid"/>).</summary>
    public byte Pid => _bytes[Layout.PidOffset];

    /// <summary>True when the addresses' command bits make the frame a V2 response (destination's clear, source's set).</summary>
    public bool IsResponse => IsResponseFrame(_bytes);

    /// <summary>tshark's reading of the command bits, once both addresses are there: only "destination clear, source set" answers.</summary>
    public static bool IsResponseFrame(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= Field.FirstVia && (((bytes[Field.Destination + 6] >> 6) & 0x02) | ((bytes[Field.Source + 6] >> 7) & 0x01)) == 1;

    /// <summary>True when the command bits say V2.0 (one set, one clear); tshark says "V?.?" otherwise.</summary>
    public static bool IsVersion2(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= Field.FirstVia && ((bytes[Field.Destination + 6] ^ bytes[Field.Source + 6]) & CommandBit) != 0;

    /// <summary>True for a control field after which tshark reads a protocol ID: an I frame, or UI with the poll bit clear.</summary>
    public static bool IsInformation(byte control) => (control & 0x01) == 0 || control == 0x03;
}

/// <summary>
/// Where an AX.25 header's parts lie, as far as the bytes go, walked as tshark walks them: each address's last bit says
/// whether another follows; a shown digipeater needs its seven bytes, one past the eighth only its last byte. The walk
/// moves seven bytes a step and stops at the end of the bytes, so it is bounded by their length.
/// </summary>
public readonly struct Ax25Layout
{
    private Ax25Layout(int digipeaters, int controlOffset, int pidOffset, int length, int needed)
    {
        Digipeaters = digipeaters;
        ControlOffset = controlOffset;
        PidOffset = pidOffset;
        Length = length;
        Needed = needed;
    }

    /// <summary>Digipeater addresses walked (all of them, shown or not).</summary>
    public int Digipeaters { get; }

    /// <summary>Offset of the control field, or -1 when the bytes end before it.</summary>
    public int ControlOffset { get; }

    /// <summary>Offset of the protocol ID, or -1 for a frame without one or bytes that end before it.</summary>
    public int PidOffset { get; }

    /// <summary>The header's length when whole; the bytes read when not.</summary>
    public int Length { get; }

    /// <summary>0 when the header is whole; else the bytes tshark's reading needed when it failed (its first unread byte, plus one).</summary>
    public int Needed { get; }

    /// <summary>True when every byte the header needs is there.</summary>
    public bool IsWhole => Needed == 0;

    /// <summary>Walks the header over <paramref name="bytes"/>.</summary>
    public static Ax25Layout Read(ReadOnlySpan<byte> bytes)
    {
        int length = bytes.Length;
        if (length < Ax25Header.Field.FirstVia)
            return new Ax25Layout(0, -1, -1, length, length < Ax25Header.AddressLength ? Ax25Header.AddressLength : Ax25Header.Field.FirstVia);
        int at = Ax25Header.Field.FirstVia, vias = 0;
        while (true)
        {
            if (at > length)
                return new Ax25Layout(vias, -1, -1, length, at);
            if ((bytes[at - 1] & Ax25Header.LastAddressBit) != 0)
                break;
            if (vias < Ax25Header.MaxShownDigipeaters && at + Ax25Header.AddressLength > length)
                return new Ax25Layout(vias, -1, -1, length, at + Ax25Header.AddressLength);
            vias++;
            at += Ax25Header.AddressLength;
        }
        if (at >= length)
            return new Ax25Layout(vias, -1, -1, length, at + 1);
        int control = at;
        if (!Ax25Header.IsInformation(bytes[control]))
            return new Ax25Layout(vias, control, -1, control + 1, 0);
        if (control + 1 >= length)
            return new Ax25Layout(vias, control, -1, length, control + 2);
        return new Ax25Layout(vias, control, control + 1, control + 2, 0);
    }
}
