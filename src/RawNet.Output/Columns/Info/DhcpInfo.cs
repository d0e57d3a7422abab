using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Dhcp;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// DHCP's columns as tshark 4.0 writes them: BOOTP's words first ("Boot Request from MAC (MAC)", "Boot Reply",
/// "Unknown BOOTP message type (n)"), replaced, when the first pass over the options found a message type, by
/// "DHCP Discover - Transaction ID 0x3d1d" (the type's name padded to 8 characters); the Protocol column is then "DHCP",
/// else "BOOTP".
/// </summary>
internal static class DhcpInfo
{
    /// <summary>The Protocol column of a DHCP layer.</summary>
    public static string Protocol(in InfoSource source, int index) =>
        DhcpScan.Of(source.Header(index), source.Packet[index].Extent).IsDhcp ? "DHCP" : "BOOTP";

    /// <summary>Writes the Info text; true when tshark stopped short in the message (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var message = source.Header(index);
        bool stopped = source.Packet[index].Status != LayerStatus.Complete;
        var scan = DhcpScan.Of(message, source.Packet[index].Extent);
        if (scan.IsDhcp)
        {
            line.Append("DHCP ");
            int start = line.Length;
            if (DhcpMessage.MessageTypeName((byte)scan.MessageType) is { } name)
                line.Append(name);
            else
            {
                line.Append("Unknown Message Type (0x");
                line.AppendHexDigits((ulong)scan.MessageType, 2);
                line.Append(')');
            }
            line.Pad(8 - (line.Length - start));
            line.Append(" - Transaction ID 0x");
            line.AppendHexDigits(BinaryPrimitives.ReadUInt32BigEndian(message[DhcpMessage.Field.TransactionId..]), 1);
            return stopped;
        }
        if (message.Length <= DhcpMessage.Field.HardwareLength)
            return true;
        byte op = message[DhcpMessage.Field.Op], type = message[DhcpMessage.Field.HardwareType], length = message[DhcpMessage.Field.HardwareLength];
        switch (op)
        {
            case DhcpMessage.BootRequest:
                // tshark reads the hardware address for the text; a read past the bytes leaves none.
                if (message.Length < DhcpMessage.Field.ClientHardware + length)
                    return true;
                var address = message.Slice(DhcpMessage.Field.ClientHardware, length);
                line.Append("Boot Request from ");
                if (DhcpMessage.IsMacAddress(type, length))
                {
                    // With name resolution off (the oracle's -n) the resolved name is the address again.
                    line.AppendMac(address);
                    line.Append(" (");
                    line.AppendMac(address);
                    line.Append(')');
                }
                else
                    AppendHardwareAddress(line, address);
                break;
            case DhcpMessage.BootReply:
                line.Append("Boot Reply");
                break;
            default:
                line.Append("Unknown BOOTP message type (");
                line.Append((ulong)op);
                line.Append(')');
                break;
        }
        return stopped;
    }

    /// <summary>
    /// A hardware address that is not a MAC as tshark's tvb_arphrdaddr_to_str writes it: "&lt;No address&gt;" when
    /// empty, else its bytes as hex pairs (at most 36 bytes, then "…").
    /// </summary>
    private static void AppendHardwareAddress(TextLine line, ReadOnlySpan<byte> address)
    {
        const int MaxBytes = 36;
        if (address.IsEmpty)
        {
            line.Append("<No address>");
            return;
        }
        line.AppendHexBytes(address[..Math.Min(address.Length, MaxBytes)]);
        if (address.Length > MaxBytes)
            line.Append('\u2026');
    }
}
