using System.Buffers.Binary;

namespace RawNet.Protocols.L2tp;

/// <summary>
/// An L2TPv3 message (RFC 3931) as tshark 4.0 reads it, over IP (protocol 115) or over UDP 1701 (version 3).
/// <code>
/// Over IP, a data message:              Over UDP, a data message:
/// |          Session ID (32)          | |T|x|x|x|x|x|x|x|x|x|x|x|  Ver  |          Reserved             |
/// |    Cookie (0, 4 or 8 bytes) ...   | |          Session ID (32)                                      |
///
/// A control message (over IP after a session ID of 0):
/// |T|L|x|x|S|x|x|x|x|x|x|x|  Ver  |             Length            |
/// |                     Control Connection ID                     |
/// |               Ns              |               Nr              |
/// |                     AVPs ...
/// </code>
/// tshark's default preferences ("Detect" for the cookie and the L2-specific sublayer) learn both, and the pseudowire
/// type, from a session's set-up earlier in the capture, as the decoder does (<see cref="L2tpv3Sessions"/>); without
/// one, a data message's payload follows the session ID (no cookie, no sublayer, the payload as data).
/// </summary>
public static class L2tpv3Message
{
    /// <summary>The session ID's length, and so the bytes before a control message over IP.</summary>
    public const int SessionIdLength = 4;

    /// <summary>A data message's header over UDP: flags and version, reserved, session ID.</summary>
    public const int UdpDataHeaderLength = 8;

    /// <summary>The control header's length: flags, the length field when L is set, the control connection ID, Ns and Nr when S is set.</summary>
    public static int ControlHeaderLength(ushort flags) =>
        L2tpHeader.FlagsLength + ((flags & L2tpHeader.Flag.Length) != 0 ? 2 : 0) + 4 + ((flags & L2tpHeader.Flag.Sequence) != 0 ? 4 : 0);

    /// <summary>Where the control connection ID lies from the control header's start.</summary>
    public static int CcidOffset(ushort flags) => (flags & L2tpHeader.Flag.Length) != 0 ? 4 : 2;

    /// <summary>
    /// How far from the control header's start (<paramref name="bytes"/>) tshark 4.0 reads for its Info column before it
    /// adds any field: the flags, length and control connection ID, and unless the message is a ZLB the first AVP's
    /// vendor and type, and its message type when both are 0; more than <paramref name="bytes"/> holds when they are not
    /// all there.
    /// </summary>
    public static int ColumnReach(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < L2tpHeader.FlagsLength)
            return L2tpHeader.FlagsLength;
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        // Each read throws on its own: the first that cannot be made says how far tshark reached.
        if ((flags & L2tpHeader.Flag.Length) != 0 && bytes.Length < 4)
            return 4;
        int ccid = CcidOffset(flags) + 4;
        if (bytes.Length < ccid || IsZeroLengthBody(flags, bytes))
            return ccid;
        int avp = ControlHeaderLength(flags);
        if (bytes.Length < avp + 6)
            return bytes.Length < avp + 4 ? avp + 4 : avp + 6;
        return BinaryPrimitives.ReadUInt16BigEndian(bytes[(avp + 2)..]) == 0 && BinaryPrimitives.ReadUInt16BigEndian(bytes[(avp + 4)..]) == 0
            ? avp + 8 : avp + 6;
    }

    /// <summary>tshark's ZLB: the L bit and a length field of 12.</summary>
    public static bool IsZeroLengthBody(ushort flags, ReadOnlySpan<byte> bytes) =>
        (flags & L2tpHeader.Flag.Length) != 0 && bytes.Length >= 4
        && BinaryPrimitives.ReadUInt16BigEndian(bytes[L2tpHeader.Field.Length..]) == L2tpHeader.ZeroLengthBodyLength;

    /// <summary>
    /// What tshark's Info column says of a control message whose <see cref="ColumnReach"/> is there: the first AVP's
    /// vendor is IETF's (false for another vendor, whose AVP tshark leaves the column to), and its message type when the
    /// AVP is one (<paramref name="isMessageType"/>).
    /// </summary>
    public static bool TryColumnMessageType(ReadOnlySpan<byte> bytes, out bool isMessageType, out ushort messageType)
    {
        isMessageType = false;
        messageType = 0;
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        int avp = ControlHeaderLength(flags);
        if (BinaryPrimitives.ReadUInt16BigEndian(bytes[(avp + 2)..]) != 0)
            return false;
        isMessageType = BinaryPrimitives.ReadUInt16BigEndian(bytes[(avp + 4)..]) == L2tpAvp.MessageTypeAttribute;
        if (isMessageType)
            messageType = BinaryPrimitives.ReadUInt16BigEndian(bytes[(avp + 6)..]);
        return true;
    }

    /// <summary>
    /// How far from the control header's start tshark reads after the header fields when the message is not a ZLB: the
    /// first AVP's type, and its message type when the type is 0 (read from the message cut at its length).
    /// </summary>
    public static int AfterHeaderReach(ReadOnlySpan<byte> bytes, int available)
    {
        ushort flags = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        int avp = ControlHeaderLength(flags);
        if (available < avp + 6)
            return avp + 6;
        return BinaryPrimitives.ReadUInt16BigEndian(bytes[(avp + 4)..]) == 0 ? avp + 8 : avp + 6;
    }
}

/// <summary>What the decoder notes in an L2TPv3 layer's <see cref="Decoding.Layer.Detail"/>.</summary>
public static class L2tpv3LayerDetail
{
    /// <summary>tshark added the protocol's fields (its reads for the Info column succeeded).</summary>
    public const byte ShownBit = L2tpLayerDetail.ShownBit;

    /// <summary>The message came over IP (protocol 115), not UDP.</summary>
    public const byte OverIpBit = 0x02;

    /// <summary>A control message (over IP, a session ID of 0; over UDP, the T bit).</summary>
    public const byte ControlBit = 0x04;

    /// <summary>tshark's read of the first AVP's type after the header failed: no AVP shows.</summary>
    public const byte NoAvpsBit = 0x10;

    /// <summary>A data message's default L2-specific sublayer shows after its session ID and cookie (a data message has no AVPs).</summary>
    public const byte DefaultSublayerBit = 0x10;

    /// <summary>
    /// A data message's ATM-specific sublayer shows after its session ID and cookie, as much of it as the top 3 bits say
    /// (as the default one's); the bit a control message's AVP walk uses for <see cref="L2tpLayerDetail.ContainedBit"/>.
    /// </summary>
    public const byte AtmSublayerBit = 0x08;

    /// <summary>Where a data message notes how many of its default or ATM sublayer's 4 bytes were captured (0 to 4): the top 3 bits.</summary>
    private const int SublayerBytesShift = 5;

    public static bool HasDefaultSublayer(byte detail) => (detail & DefaultSublayerBit) != 0;

    /// <summary>True for a data message whose ATM-specific sublayer shows (see <see cref="AtmSublayerBit"/>).</summary>
    public static bool HasAtmSublayer(byte detail) => (detail & (AtmSublayerBit | ControlBit)) == AtmSublayerBit;

    /// <summary>How many of a data message's default or ATM sublayer bytes were captured (the end of its layer's header).</summary>
    public static int SublayerBytes(byte detail) => HasDefaultSublayer(detail) || HasAtmSublayer(detail) ? detail >> SublayerBytesShift : 0;

    /// <summary>A data message's detail with a default (or <paramref name="atm"/>) sublayer of which <paramref name="captured"/> bytes are there.</summary>
    public static byte WithSublayer(byte detail, bool atm, int captured) =>
        (byte)(detail | (atm ? AtmSublayerBit : DefaultSublayerBit) | captured << SublayerBytesShift);

    public static bool Shown(byte detail) => (detail & ShownBit) != 0;

    /// <summary>True when the AVPs may show (the read after the header succeeded).</summary>
    public static bool AvpsShown(byte detail) => (detail & NoAvpsBit) == 0;

    public static bool OverIp(byte detail) => (detail & OverIpBit) != 0;

    public static bool Control(byte detail) => (detail & ControlBit) != 0;

    /// <summary>Where the control header starts in the layer: after the session ID of 0 over IP.</summary>
    public static int ControlStart(byte detail) => OverIp(detail) ? L2tpv3Message.SessionIdLength : 0;
}
