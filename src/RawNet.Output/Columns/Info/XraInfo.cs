using RawNet.Protocols.Decoding;
using RawNet.Protocols.Xra;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The Info text of tshark 4.0's xra (it sets no Protocol column): the packet type's name once the TLV length was read,
/// ": (Symbol ID: n):" for each NCP symbol ID TLV, ": Segment" for a burst whose TLVs say a segment header follows.
/// </summary>
internal static class XraInfo
{
    /// <summary>Writes the Info text of the xra layer at <paramref name="index"/>; true when it was cut short or is malformed.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        var buffer = source.Packet.BufferOf(layer, source.Frame);
        var writer = new SymbolWriter(line);
        var walk = XraWalk.Run(buffer[layer.Offset..], layer.Extent, ref writer);
        if (walk.FixedRead == XraWalk.FixedLength)
        {
            // the name comes first: the symbol IDs the walk wrote go after it
            int from = line.Length;
            line.Append(Name(walk.PacketType, out bool known));
            if (!known)
                line.Append((ulong)walk.PacketType);
            if (writer.Start >= 0)
                line.MoveToFront(writer.Start, from);
            if (walk.TlvsRead && layer.Extent > walk.HeaderLength && walk.PacketType is 65 or 72 && walk.SegmentHeaderPresent)
                line.Append(": Segment");
        }
        return layer.Status != LayerStatus.Complete;
    }

    private static string Name(byte type, out bool known)
    {
        known = true;
        switch (type)
        {
            case 1: return "SC-QAM DOCSIS MAC Frame";
            case 8: return "OFDM DOCSIS";
            case 9: return "OFDM NCP";
            case 10: return "OFDM PLC";
            case 11: return "OFDM PLC MMM";
            case 65: return "TDMA Burst";
            case 72: return "OFDMA Data Burst";
            case 73: return "OFDMA Initial Ranging";
            case 74: return "OFDMA Fine Ranging";
            case 75: return "OFDMA REQ";
            case 76: return "OFDMA Probing Sequence";
            case 80: return "US DOCSIS MAC Frame";
            default:
                known = false;
                return "Unknown XRA Packet Type: ";
        }
    }

    private struct SymbolWriter(TextLine line) : IXraVisitor
    {
        public int Start = -1;

        public void Item(XraValue which, int at, int size, ulong value)
        {
            if (which != XraValue.NcpSymbolId)
                return;
            if (Start < 0)
                Start = line.Length;
            line.Append(": (Symbol ID: ");
            line.Append(value);
            line.Append("):");
        }
    }
}
