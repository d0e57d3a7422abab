using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Udld;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// UDLD's Info column as tshark 4.0 writes it: "Device ID: ...  " and "Port ID: ...  " for each such TLV in PDU order
/// (each ID up to its first NUL, as format_text writes it, with two trailing spaces); empty when the PDU has neither.
/// </summary>
internal static class UdldInfo
{
    /// <summary>Writes the Info text; true when tshark stopped short in the PDU (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var pdu = source.Bytes(index);
        ref readonly var layer = ref source.Packet[index];
        var writer = new Writer(line, pdu);
        UdldWalk.Run(pdu, layer.Extent, ref writer, out _, out _);
        return layer.Status != LayerStatus.Complete;
    }

    private ref struct Writer(TextLine line, ReadOnlySpan<byte> pdu) : IItemVisitor<UdldValue>
    {
        private readonly ReadOnlySpan<byte> _pdu = pdu;

        public readonly bool Item(UdldValue which, int offset, int length, ulong number)
        {
            if (which != UdldValue.InfoId)
                return true;
            line.Append(number == 0 ? "Device ID: " : "Port ID: ");
            // tvb_format_stringzpad: the text up to its first NUL
            var bytes = _pdu.Slice(offset, length);
            int nul = bytes.IndexOf((byte)0);
            line.AppendFormatText(nul >= 0 ? bytes[..nul] : bytes);
            line.Append("  ");
            return true;
        }
    }
}
