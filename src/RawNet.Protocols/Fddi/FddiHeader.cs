namespace RawNet.Protocols.Fddi;

/// <summary>
/// A view over an FDDI MAC header (LINKTYPE_FDDI, 10): the frame control byte, then the destination and source
/// addresses. tshark reads this link type's addresses bit-swapped (each byte's bits reversed, FDDI's order on the wire);
/// tcpdump prints them as stored.
/// <code>
/// +------+--------------------+--------------------+
/// |  FC  | destination (6)    | source (6)         |
/// +------+--------------------+--------------------+
/// </code>
/// </summary>
public readonly ref struct FddiHeader
{
    /// <summary>Byte offsets of the fields.</summary>
    public static class Field
    {
        public const int FrameControl = 0;
        public const int Destination = 1;
        public const int Source = 7;
    }

    /// <summary>Length of the header.</summary>
    public const int Length = 13;

    /// <summary>The frame control's class, length and format bits, and its control bits.</summary>
    public const byte ClassMask = 0xF0, ControlMask = 0x0F;

    /// <summary>Frame control classes: SMT, asynchronous LLC, MAC (whose 0xc0 alone is the restricted token).</summary>
    public const byte Smt = 0x40, AsyncLlc = 0x50, Mac = 0xC0, RestrictedToken = 0xC0;

    /// <summary>The reserved bit of an asynchronous frame's control bits; without it the low three are the priority.</summary>
    public const byte AsyncReserved = 0x08;

    private readonly ReadOnlySpan<byte> _bytes;

    private FddiHeader(ReadOnlySpan<byte> bytes) => _bytes = bytes;

    /// <summary>Wraps <paramref name="bytes"/> if it holds the whole header.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out FddiHeader header)
    {
        header = bytes.Length >= Length ? new FddiHeader(bytes) : default;
        return bytes.Length >= Length;
    }

    /// <summary>The frame control byte.</summary>
    public byte FrameControl => _bytes[Field.FrameControl];

    /// <summary>The destination address as stored.</summary>
    public ReadOnlySpan<byte> Destination => _bytes.Slice(Field.Destination, 6);

    /// <summary>The source address as stored.</summary>
    public ReadOnlySpan<byte> Source => _bytes.Slice(Field.Source, 6);

    /// <summary>True for an asynchronous LLC frame (0x50 to 0x5f), the frames both oracles hand to LLC.</summary>
    public static bool CarriesLlc(byte frameControl) => (frameControl & ClassMask) == AsyncLlc;
}
