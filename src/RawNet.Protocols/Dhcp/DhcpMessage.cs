using System.Buffers.Binary;

namespace RawNet.Protocols.Dhcp;

/// <summary>The UDP ports of DHCP and BOOTP (RFC 2131): the server's and the client's.</summary>
public static class DhcpPorts
{
    public const ushort Server = 67;
    public const ushort Client = 68;

    /// <summary>True when either port is DHCP's.</summary>
    public static bool Carries(ushort sourcePort, ushort destinationPort) =>
        sourcePort is Server or Client || destinationPort is Server or Client;
}

/// <summary>
/// A DHCP or BOOTP message (RFC 951, RFC 2131) as tshark 4.0's dhcp dissector reads it: the fixed part, then either the
/// magic cookie and options or BOOTP's 64-byte vendor area, then options up to the datagram's end.
/// <code>
///  0       op | htype | hlen | hops
///  4       xid
///  8       secs          | flags
/// 12..24   ciaddr, yiaddr, siaddr, giaddr
/// 28       chaddr (16)
/// 44       sname (64)
/// 108      file (128)
/// 236      magic cookie 99.130.83.99, options ...   (or a vendor area of 64 bytes)
/// </code>
/// </summary>
public static class DhcpMessage
{
    /// <summary>Offsets of the fixed part.</summary>
    public static class Field
    {
        public const int Op = 0;
        public const int HardwareType = 1;
        public const int HardwareLength = 2;
        public const int Hops = 3;
        public const int TransactionId = 4;
        public const int Seconds = 8;
        public const int Flags = 10;
        public const int ClientIp = 12;
        public const int YourIp = 16;
        public const int ServerIp = 20;
        public const int RelayIp = 24;
        public const int ClientHardware = 28;
        public const int ServerName = 44;
        public const int File = 108;
        public const int Vendor = 236;
    }

    public const int ClientHardwareLength = 16;
    public const int ServerNameLength = 64;
    public const int FileLength = 128;
    public const int VendorAreaLength = 64;
    public const uint MagicCookie = 0x63825363;
    public const int CookieLength = 4;
    public const ushort BroadcastFlag = 0x8000;
    public const ushort ReservedFlags = 0x7fff;

    public const byte BootRequest = 1;
    public const byte BootReply = 2;

    /// <summary>Option codes that change how the message reads.</summary>
    public static class Option
    {
        public const byte Pad = 0;
        public const byte Overload = 52;
        public const byte MessageType = 53;
        public const byte End = 255;
    }

    /// <summary>Option 52's bits: the server name field, the file field carries options instead.</summary>
    public const byte OverloadFile = 1;
    public const byte OverloadServerName = 2;

    /// <summary>True when <paramref name="message"/> has the magic cookie captured where the vendor area starts.</summary>
    public static bool HasCookie(ReadOnlySpan<byte> message) =>
        message.Length >= Field.Vendor + CookieLength && BinaryPrimitives.ReadUInt32BigEndian(message[Field.Vendor..]) == MagicCookie;

    /// <summary>Where tshark starts reading options: after the cookie, or after BOOTP's vendor area without one.</summary>
    public static int OptionsOffset(ReadOnlySpan<byte> message) => HasCookie(message) ? Field.Vendor + CookieLength : Field.Vendor + VendorAreaLength;

    /// <summary>
    /// True when tshark adds its protocol item: once the Info text was written, which reads op, htype and hlen and, for a
    /// request, the hardware address; a first pass over the options that fails after that leaves the item without fields.
    /// </summary>
    public static bool HasProtocolItem(ReadOnlySpan<byte> message) =>
        message.Length > Field.HardwareLength
        && (message[Field.Op] != BootRequest || Field.ClientHardware + message[Field.HardwareLength] <= message.Length);

    /// <summary><c>Layer.Detail</c> of a DHCP layer whose protocol item tshark adds (<see cref="HasProtocolItem"/>).</summary>
    public const byte ProtocolItemDetail = 1;

    /// <summary>True when the hardware address shows as a MAC: Ethernet or IEEE 802 with 6 bytes.</summary>
    public static bool IsMacAddress(byte hardwareType, byte hardwareLength) => hardwareType is 1 or 6 && hardwareLength == 6;

    /// <summary>tshark's name of a DHCP message type (option 53), null for one it does not know.</summary>
    public static string? MessageTypeName(byte type) => type switch
    {
        1 => "Discover",
        2 => "Offer",
        3 => "Request",
        4 => "Decline",
        5 => "ACK",
        6 => "NAK",
        7 => "Release",
        8 => "Inform",
        9 => "Force Renew",
        10 => "Lease query",
        11 => "Lease Unassigned",
        12 => "Lease Unknown",
        13 => "Lease Active",
        14 => "Bulk Lease Query",
        15 => "Lease Query Done",
        16 => "Active LeaseQuery",
        17 => "Lease Query Status",
        18 => "TLS",
        _ => null,
    };
}

/// <summary>
/// What tshark's first pass over the options finds before it adds any item: the DHCP message type and the overload
/// option, or that a read failed (then the layer shows no field at all and the columns keep BOOTP's words).
/// </summary>
public readonly record struct DhcpScan(bool Completed, int MessageType, byte Overload, int FailedAt)
{
    /// <summary>True when the first pass found a message type, which makes the message DHCP rather than BOOTP.</summary>
    public bool IsDhcp => Completed && MessageType >= 0;

    /// <summary>
    /// Walks the options as tshark's first pass does over <paramref name="message"/> (the captured bytes) of
    /// <paramref name="reported"/> bytes: padding runs read byte by byte, an option's length only when it was captured, its
    /// value only when all of it was. A read of a byte not captured fails the pass (<see cref="FailedAt"/> is the byte's
    /// offset), and so does a request whose hardware address was not captured (tshark's Info text reads it before).
    /// </summary>
    public static DhcpScan Of(ReadOnlySpan<byte> message, int reported)
    {
        if (message.Length <= DhcpMessage.Field.HardwareLength)
            return new DhcpScan(false, -1, 0, message.Length);
        // The Info text of a request reads its hardware address first.
        int hardwareEnd = DhcpMessage.Field.ClientHardware + message[DhcpMessage.Field.HardwareLength];
        if (message[DhcpMessage.Field.Op] == DhcpMessage.BootRequest && hardwareEnd > message.Length)
            return new DhcpScan(false, -1, 0, hardwareEnd - 1);
        int at = DhcpMessage.OptionsOffset(message);
        int type = -1;
        byte overload = 0;
        while (at < reported)
        {
            if (at >= message.Length)
                return new DhcpScan(false, -1, 0, at);
            byte code = message[at];
            if (code == DhcpMessage.Option.End)
                break;
            if (code == DhcpMessage.Option.Pad)
            {
                int run = at + 1;
                for (; run < reported; run++)
                {
                    if (run >= message.Length)
                        return new DhcpScan(false, -1, 0, run);
                    if (message[run] != 0)
                        break;
                }
                at = run;
                continue;
            }
            if (at + 1 >= message.Length)
            {
                at++;
                continue;
            }
            int length = message[at + 1];
            // tshark reads the first value byte of these even when the length is 0 (then it is the next option's).
            if (at + 2 + length <= message.Length && code is DhcpMessage.Option.MessageType or DhcpMessage.Option.Overload)
            {
                if (at + 2 >= message.Length)
                    return new DhcpScan(false, -1, 0, at + 2);
                if (code == DhcpMessage.Option.MessageType)
                    type = message[at + 2];
                else
                    overload = message[at + 2];
            }
            at += length + 2;
        }
        return new DhcpScan(true, type, overload, -1);
    }
}
