namespace RawNet.Protocols.Icmpv6;

/// <summary>ICMPv6 message types (RFC 4443, RFC 4861). The header has the same shape as ICMPv4's (<see cref="Icmp.IcmpHeader"/>).</summary>
public enum Icmpv6Type : byte
{
    DestinationUnreachable = 1,
    PacketTooBig = 2,
    TimeExceeded = 3,
    ParameterProblem = 4,
    EchoRequest = 128,
    EchoReply = 129,
    RouterSolicitation = 133,
    RouterAdvertisement = 134,
    NeighborSolicitation = 135,
    NeighborAdvertisement = 136,
    Redirect = 137,
}

/// <summary>Classifies ICMPv6 types.</summary>
public static class Icmpv6Message
{
    /// <summary>True for the error messages (types 1–4) that quote as much of the offending packet as fits.</summary>
    public static bool IsErrorWithQuote(byte type) => type is >= 1 and <= 4;

    /// <summary>Offset of a redirect message's options: the 8-byte header, then target and destination addresses.</summary>
    public const int RedirectOptionsOffset = 8 + 16 + 16;

    /// <summary>The neighbor-discovery option type that carries the redirected packet.</summary>
    public const byte RedirectedHeaderOption = 4;

    /// <summary>
    /// Finds the Redirected Header option of a redirect message (<paramref name="message"/> starts at the ICMPv6 type):
    /// the offset and length of the packet it carries. The option walk is bounded by the message and by the options'
    /// own non-zero lengths.
    /// </summary>
    public static bool TryFindRedirectedHeader(ReadOnlySpan<byte> message, out int offset, out int length)
    {
        offset = length = 0;
        for (int at = RedirectOptionsOffset; at + 2 <= message.Length;)
        {
            int optionLength = message[at + 1] * 8;
            if (optionLength == 0)
                return false;
            if (message[at] == RedirectedHeaderOption)
            {
                // Type, length, 6 reserved bytes, then the packet; found even when none of the packet was captured, so a
                // snaplen cut shows no stray payload where the quote would be.
                offset = at + 8;
                length = Math.Max(0, Math.Min(at + optionLength, message.Length) - offset);
                return true;
            }
            at += optionLength;
        }
        return false;
    }

    /// <summary>True for echo request and reply.</summary>
    public static bool IsEcho(byte type) => (Icmpv6Type)type is Icmpv6Type.EchoRequest or Icmpv6Type.EchoReply;

    /// <summary>
    /// The <see cref="Decoding.Layer.Detail"/> of the payload layer after an ICMPv6 message other than an echo: ICMPv6's own
    /// dissector reads that body (options, addresses, MLD records), so tshark shows no data for it: no data.data, no "data"
    /// in frame.protocols.
    /// </summary>
    public const byte BodyReadByIcmpv6 = 2;
}
