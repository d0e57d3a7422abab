using RawNet.Protocols.Cdp;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using RawNet.Protocols.Udld;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// CDP's and UDLD's Info column, which tshark 4.0 writes alike: "Device ID: ...  " and "Port ID: ...  " for each such TLV
/// in PDU order (each ID up to its first NUL, as format_text writes it, with two trailing spaces); empty when the PDU has
/// neither. Each protocol's walk hands the IDs as its <c>InfoId</c> items, the number 0 for a device and 1 for a port.
/// </summary>
internal static class DeviceIdInfo
{
    /// <summary>Writes CDP's Info text; true when tshark stopped short in the PDU (a mark follows).</summary>
    public static bool WriteCdp(TextLine line, in InfoSource source, int index)
    {
        var pdu = source.Bytes(index);
        ref readonly var layer = ref source.Packet[index];
        var writer = new Writer<CdpValue>(line, pdu, CdpValue.InfoId);
        CdpWalk.Run(pdu, layer.Extent, ref writer, out _, out _);
        return layer.Status != LayerStatus.Complete;
    }

    /// <summary>Writes UDLD's Info text; true when tshark stopped short in the PDU (a mark follows).</summary>
    public static bool WriteUdld(TextLine line, in InfoSource source, int index)
    {
        var pdu = source.Bytes(index);
        ref readonly var layer = ref source.Packet[index];
        var writer = new Writer<UdldValue>(line, pdu, UdldValue.InfoId);
        UdldWalk.Run(pdu, layer.Extent, ref writer, out _, out _);
        return layer.Status != LayerStatus.Complete;
    }

    private ref struct Writer<TValue>(TextLine line, ReadOnlySpan<byte> pdu, TValue infoId) : IItemVisitor<TValue>
        where TValue : struct, Enum
    {
        private readonly ReadOnlySpan<byte> _pdu = pdu;

        public readonly bool Item(TValue which, int offset, int length, ulong number)
        {
            if (!EqualityComparer<TValue>.Default.Equals(which, infoId))
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
