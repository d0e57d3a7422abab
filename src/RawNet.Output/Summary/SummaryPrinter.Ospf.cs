using System.Buffers.Binary;
using RawNet.Protocols.Ospf;

namespace RawNet.Output.Summary;

public sealed partial class SummaryPrinter
{
    // --- OSPF ---

    /// <summary>
    /// tcpdump's ospf_print (over IPv4) and ospf6_print (over IPv6), their first line: "OSPFv2, Hello, length 44", the
    /// length the IP payload's (less an MD5 digest's 16 bytes over IPv4), "unknown LS-type 9" or "unknown packet type (9)"
    /// for other types; " [|ospf2]" or " [|ospf3]" when the bytes it reads first (IPv4: the authentication type at 14,
    /// IPv6: the type) were not captured. The -v lines after it are not printed.
    /// </summary>
    private void AppendOspf(ReadOnlySpan<byte> bytes, int length, bool v6)
    {
        var line = _line;
        uint printed = (uint)length;
        if (!v6)
        {
            if (bytes.Length < OspfHeader.Field.AuthType + 2)
            {
                line.Append(" [|ospf2]");
                return;
            }
            if (BinaryPrimitives.ReadUInt16BigEndian(bytes[OspfHeader.Field.AuthType..]) == OspfHeader.AuthCrypt)
                printed -= 16;
        }
        else if (bytes.Length < 2)
        {
            line.Append(" [|ospf3]");
            return;
        }
        byte type = bytes[OspfHeader.Field.Type];
        line.Append("OSPFv");
        line.Append((ulong)bytes[OspfHeader.Field.Version]);
        line.Append(", ");
        switch (type)
        {
            case OspfHeader.TypeHello: line.Append("Hello"); break;
            case OspfHeader.TypeDbDescription: line.Append("Database Description"); break;
            case OspfHeader.TypeLsRequest: line.Append("LS-Request"); break;
            case OspfHeader.TypeLsUpdate: line.Append("LS-Update"); break;
            case OspfHeader.TypeLsAck: line.Append("LS-Ack"); break;
            default:
                line.Append(v6 ? "unknown packet type (" : "unknown LS-type ");
                line.Append((ulong)type);
                if (v6)
                    line.Append(')');
                break;
        }
        line.Append(", length ");
        line.Append((ulong)printed);
    }
}
