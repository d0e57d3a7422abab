using System.Buffers.Binary;

namespace RawNet.Protocols.Netanalyzer;

/// <summary>What a netANALYZER header says the record after it is, as tshark 4.0 reads it.</summary>
public enum NetanalyzerRecord : byte
{
    /// <summary>An Ethernet frame with its FCS (header version 1, or version 2 of type 0).</summary>
    Ethernet,
    /// <summary>A PROFIBUS frame (version 2, type 1): tshark has no dissector for it.</summary>
    Profibus,
    /// <summary>A buffer state entry (version 2, type 2): overflow or recovery, and which buffer.</summary>
    BufferState,
    /// <summary>The device's cyclic time tick (version 2, type 3).</summary>
    TimeTick,
    /// <summary>Any other version or type: tshark's "Wrong netANALYZER header".</summary>
    WrongHeader,
    /// <summary>A GPIO event (the GPIO bit set), whose definition follows in the pseudo-frame.</summary>
    Gpio,
}

/// <summary>How far a GPIO pseudo-frame's definition reads, as tshark checks its bytes in order.</summary>
public enum NetanalyzerGpioDefinition : byte
{
    /// <summary>All the signature bytes match.</summary>
    Valid,
    /// <summary>A signature byte differs: tshark adds no field and stops.</summary>
    Invalid,
    /// <summary>The capture ends before a signature byte tshark reads.</summary>
    Cut,
}

/// <summary>
/// A view over the 4-byte header Hilscher's netANALYZER writes before each record (LINKTYPE_NETANALYZER, 240, and
/// LINKTYPE_NETANALYZER_TRANSPARENT, 241), one 32-bit little-endian word:
/// <code>
///  31    28 27                     16 15 14 13     10  9   8  7          0
/// +--------+-------------------------+-----+---------+---+---+------------+
/// | type   | frame length            |port | version | T | G | status     |
/// +--------+-------------------------+-----+---------+---+---+------------+
/// </code>
/// status: the error bits (RX_ER, alignment, FCS, too long, SFD, short frame, short and long preamble); G: a GPIO event,
/// not a frame; T: captured in transparent mode; type (version 2): 0 Ethernet, 1 PROFIBUS, 2 buffer state, 3 time tick.
/// A GPIO event's pseudo-frame carries a fixed signature at bytes 10 to 18, then the GPIO number and the edge.
/// </summary>
public readonly ref struct NetanalyzerHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int Status = 0;
        public const int Flags = 1;
        public const int FrameLength = 2;
        public const int Type = 3;
        public const int GpioSignature = 10;
        public const int GpioNumber = 19;
        public const int GpioEdge = 20;
    }

    /// <summary>Length of the header.</summary>
    public const int Length = 4;

    /// <summary>Length of a GPIO pseudo-frame as far as tshark reads it: through the edge byte.</summary>
    public const int GpioLength = 21;

    /// <summary>The header, the preamble and the SFD: where tcpdump reads the Ethernet frame of link type 241.</summary>
    public const int TransparentFrameOffset = 12;

    /// <summary>The GPIO flag in the flags byte.</summary>
    public const byte GpioFlag = 0x01;

    /// <summary>The reception port's bits in the flags byte.</summary>
    public const byte PortMask = 0xC0;

    /// <summary>The frame length's bits of the little-endian length word.</summary>
    public const ushort FrameLengthMask = 0x0FFF;

    /// <summary>The buffer state bit (1: recovery) and the buffer source's bits of a buffer state entry's status byte.</summary>
    public const byte BufferStateMask = 0x01, BufferSourceMask = 0xF0;

    /// <summary>The signature bytes 10 to 18 of a GPIO pseudo-frame.</summary>
    public static ReadOnlySpan<byte> GpioSignature => [0x00, 0x02, 0xA2, 0xFF, 0xFF, 0xFF, 0x88, 0xFF, 0x00];

    private readonly ReadOnlySpan<byte> _bytes;

    private NetanalyzerHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds a whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out NetanalyzerHeader header)
    {
        header = bytes.Length >= Length ? new NetanalyzerHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The error bits (a buffer state entry's state and source).</summary>
    public byte Status => _bytes[Field.Status];

    /// <summary>The header's version (bits 10 to 13).</summary>
    public int Version => (_bytes[Field.Flags] >> 2) & 0x0F;

    /// <summary>A version 2 header's record type (the top 4 bits).</summary>
    public int Type => _bytes[Field.Type] >> 4;

    /// <summary>The frame length the device counted (12 bits).</summary>
    public int FrameLength => BinaryPrimitives.ReadUInt16LittleEndian(_bytes[Field.FrameLength..]) & FrameLengthMask;

    /// <summary>What the record after the header is, by the GPIO flag, the version and the type, as tshark tells them apart.</summary>
    public NetanalyzerRecord Record
    {
        get
        {
            if ((_bytes[Field.Flags] & GpioFlag) != 0)
                return NetanalyzerRecord.Gpio;
            int version = Version;
            if (version == 1)
                return NetanalyzerRecord.Ethernet;
            return version != 2 ? NetanalyzerRecord.WrongHeader : Type switch
            {
                0 => NetanalyzerRecord.Ethernet,
                1 => NetanalyzerRecord.Profibus,
                2 => NetanalyzerRecord.BufferState,
                3 => NetanalyzerRecord.TimeTick,
                _ => NetanalyzerRecord.WrongHeader,
            };
        }
    }

    /// <summary>
    /// Checks a GPIO pseudo-frame's signature byte by byte in tshark's order over the captured <paramref name="frame"/>:
    /// <paramref name="unread"/> is the first byte it could not read when the result is <see cref="NetanalyzerGpioDefinition.Cut"/>.
    /// </summary>
    public static NetanalyzerGpioDefinition CheckGpio(ReadOnlySpan<byte> frame, out int unread)
    {
        var signature = GpioSignature;
        for (int i = 0; i < signature.Length; i++)
        {
            unread = Field.GpioSignature + i;
            if (unread >= frame.Length)
                return NetanalyzerGpioDefinition.Cut;
            if (frame[unread] != signature[i])
                return NetanalyzerGpioDefinition.Invalid;
        }
        unread = frame.Length;
        return NetanalyzerGpioDefinition.Valid;
    }

    /// <summary>Whether a layer's header bytes hold a GPIO pseudo-frame tshark accepts (its fields are shown then).</summary>
    public static bool HasValidGpio(ReadOnlySpan<byte> header) =>
        TryRead(header, out var h) && h.Record == NetanalyzerRecord.Gpio && CheckGpio(header, out _) == NetanalyzerGpioDefinition.Valid;
}
