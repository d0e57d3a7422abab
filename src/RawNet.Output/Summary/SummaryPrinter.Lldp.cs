using System.Buffers.Binary;

namespace RawNet.Output.Summary;

// tcpdump's lldp_print without -v: "LLDP, length N" and the system name.
public sealed partial class SummaryPrinter
{
    /// <summary>The LLDP TLV types lldp_print's summary needs.</summary>
    private const int LldpSystemNameType = 5;

    /// <summary>
    /// lldp_print for the PDU at <paramref name="offset"/> of <paramref name="frame"/>, <paramref name="length"/> bytes on
    /// the wire: "LLDP, length N", then the TLVs walked by the wire length until a TLV of type or length 0, the system
    /// name written (": name", each byte as fn_print_char shows it); a TLV the capture or the length cuts ends the line
    /// with " [|lldp]". -v's TLV lines are not written.
    /// </summary>
    private void AppendLldp(ReadOnlySpan<byte> frame, int offset, int length)
    {
        var line = _line;
        line.Append("LLDP, length ");
        line.Append(length);
        int left = length, at = offset;
        while (left >= 2)
        {
            if (at + 2 > frame.Length)
            {
                Truncated("lldp");
                return;
            }
            ushort tlv = BinaryPrimitives.ReadUInt16BigEndian(frame[at..]);
            int type = tlv >> 9, tlvLength = tlv & 0x1FF;
            left -= 2;
            at += 2;
            if (type == 0 || tlvLength == 0)
                return;
            if (at + tlvLength > frame.Length || left < tlvLength)
            {
                Truncated("lldp");
                return;
            }
            if (type == LldpSystemNameType)
            {
                line.Append(": ");
                foreach (byte b in frame.Slice(at, tlvLength))
                    AppendPrintable(b);
            }
            left -= tlvLength;
            at += tlvLength;
        }
    }
}
