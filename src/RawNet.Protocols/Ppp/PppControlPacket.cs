using System.Buffers.Binary;

namespace RawNet.Protocols.Ppp;

/// <summary>
/// A PPP control protocol packet (RFC 1661 5): LCP, IPCP (RFC 1332) and IPv6CP (RFC 5072) share this framing, and tshark
/// 4.0 reads their code-specific bodies alike (an IPCP Echo Request still has a magic number); only the names of the
/// codes and the option tables differ.
/// <code>
///  0                   1                   2                   3
///  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |     Code      |  Identifier   |            Length             |
/// +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
/// |    Data (options, or the code's fields) ...
/// +-+-+-+-+-+-+-+-+
/// </code>
/// </summary>
public readonly ref struct PppControlPacket
{
    /// <summary>Offsets of the header's fields and of the code-specific fields after it.</summary>
    public static class Field
    {
        public const int Code = 0;
        public const int Identifier = 1;
        public const int Length = 2;
        public const int Data = 4;
        /// <summary>Echo, Discard, Identification, Time-Remaining (and Vendor-Specific, RFC 2153): the sender's magic number.</summary>
        public const int MagicNumber = 4;
        /// <summary>After the magic number: Echo and Discard data, an Identification message, the seconds of Time-Remaining.</summary>
        public const int AfterMagic = 8;
        /// <summary>Time-Remaining's message, after the seconds.</summary>
        public const int TimeRemainingMessage = 12;
        /// <summary>Protocol-Reject: the rejected protocol, then the rejected packet.</summary>
        public const int RejectedProtocol = 4;
        public const int RejectedPacket = 6;
        /// <summary>Vendor-Specific (RFC 2153): OUI and kind after the magic number, then the vendor's data.</summary>
        public const int VendorOui = 8;
        public const int VendorKind = 11;
        public const int VendorData = 12;
    }

    /// <summary>Code, identifier and length.</summary>
    public const int HeaderLength = 4;

    private PppControlPacket(byte code, byte identifier, ushort length)
    {
        Code = code;
        Identifier = identifier;
        Length = length;
    }

    public byte Code { get; }
    public byte Identifier { get; }

    /// <summary>The declared length, header included.</summary>
    public ushort Length { get; }

    /// <summary>
    /// True when the declared length covers the header; a shorter one is no error to tshark, which then reads no options
    /// nor data, only the code's fixed fields from the bytes after the header.
    /// </summary>
    public bool HasBody => Length >= HeaderLength;

    /// <summary>Where tshark's reading of the packet ends: the declared length, or after the code's fixed fields when that length is below the header's.</summary>
    public int End => HasBody ? Length : HeaderLength + FixedBodyLength(Code);

    /// <summary>Reads the header; false when fewer than four bytes are present.</summary>
    public static bool TryRead(ReadOnlySpan<byte> bytes, out PppControlPacket packet)
    {
        if (bytes.Length < HeaderLength)
        {
            packet = default;
            return false;
        }
        packet = new PppControlPacket(bytes[Field.Code], bytes[Field.Identifier], BinaryPrimitives.ReadUInt16BigEndian(bytes[Field.Length..]));
        return true;
    }

    /// <summary>True for the codes whose data is a list of options (Configure-Request, -Ack, -Nak, -Reject).</summary>
    public static bool HasOptions(byte code) => code is >= (byte)PppControlCode.ConfigureRequest and <= (byte)PppControlCode.ConfigureReject;

    /// <summary>
    /// The number of body bytes the code's fixed fields need, which tshark reads whatever the declared length (so a
    /// shorter body is malformed): 0 for codes whose body is options or data.
    /// </summary>
    public static int FixedBodyLength(byte code) => code switch
    {
        (byte)PppControlCode.VendorSpecific => Field.VendorData - Field.Data,
        (byte)PppControlCode.ProtocolReject => Field.RejectedPacket - Field.Data,
        (byte)PppControlCode.EchoRequest or (byte)PppControlCode.EchoReply or (byte)PppControlCode.DiscardRequest
            or (byte)PppControlCode.Identification => Field.AfterMagic - Field.Data,
        (byte)PppControlCode.TimeRemaining => Field.TimeRemainingMessage - Field.Data,
        _ => 0,
    };
}

/// <summary>Control protocol codes (RFC 1661 5, RFC 1570, RFC 2153); any other value passes through untouched.</summary>
public enum PppControlCode : byte
{
    VendorSpecific = 0,
    ConfigureRequest = 1,
    ConfigureAck = 2,
    ConfigureNak = 3,
    ConfigureReject = 4,
    TerminateRequest = 5,
    TerminateAck = 6,
    CodeReject = 7,
    ProtocolReject = 8,
    EchoRequest = 9,
    EchoReply = 10,
    DiscardRequest = 11,
    Identification = 12,
    TimeRemaining = 13,
}
