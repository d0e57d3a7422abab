using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Sflow;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// tshark's sFlow columns: "V5, agent 198.18.7.1, sub-agent ID 3, seq 77, 2 samples", each part once its word was read
/// (the address type's unknown agent leaves its part out); the sampled headers never write the columns.
/// </summary>
internal static class SflowInfo
{
    /// <summary>Writes the Info text; true when the datagram's walk failed (the layer is marked).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var header = source.Header(index);
        uint version = BinaryPrimitives.ReadUInt32BigEndian(header);
        uint type = BinaryPrimitives.ReadUInt32BigEndian(header[SflowDatagram.Field.AddressType..]);
        line.Append('V');
        line.Append((ulong)version);
        int at = SflowDatagram.AfterAddress(type);
        if (header.Length < at)
            return true;
        if (type == SflowDatagram.AddressIpv4)
        {
            line.Append(", agent ");
            line.AppendIpv4(header.Slice(SflowDatagram.Field.Address, 4));
        }
        else if (type == SflowDatagram.AddressIpv6)
        {
            line.Append(", agent ");
            line.AppendIpv6(header.Slice(SflowDatagram.Field.Address, 16));
        }
        if (version == 5)
        {
            if (!Word(line, header, ref at, ", sub-agent ID "))
                return true;
        }
        if (!Word(line, header, ref at, ", seq "))
            return true;
        at += 4; // the uptime
        if (header.Length < at || !Word(line, header, ref at, ", "))
            return true;
        line.Append(" samples");
        return source.Packet[index].Status != LayerStatus.Complete;
    }

    private static bool Word(TextLine line, ReadOnlySpan<byte> header, ref int at, string text)
    {
        if (header.Length < at + 4)
            return false;
        line.Append(text);
        line.Append((ulong)BinaryPrimitives.ReadUInt32BigEndian(header[at..]));
        at += 4;
        return true;
    }
}
