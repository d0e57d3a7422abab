using RawNet.Protocols.Decoding;
using RawNet.Protocols.Snmp;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// SNMP's columns as tshark 4.0 writes them: "SNMP" once its heuristic and the version's read passed; the Info column
/// cleared when the PDU's choice begins, each variable binding's name added once read whole (" 1.3.6.1.2.1.1.1.0"), a
/// v1 trap's enterprise resolved (" iso.3.6.1.4.1.9"), and the PDU's name put first once the PDU was read whole
/// ("get-request 1.3.6.1.2.1.1.1.0"); "encryptedPDU: privKey Unknown" for a v3 PDU without keys. Before the PDU, UDP's text stays.
/// </summary>
internal static class SnmpInfo
{
    /// <summary>The Protocol column: UDP's until the version was read.</summary>
    public static string Protocol(in InfoSource source, int index) =>
        (SnmpReach)(source.Packet[index].Detail & ~SnmpWalk.TrailingBit) == SnmpReach.Heuristic ? "UDP" : "SNMP";

    /// <summary>Writes the Info text; true when tshark stopped short in the message (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        ref readonly var layer = ref source.Packet[index];
        bool stopped = layer.Status != LayerStatus.Complete;
        if ((SnmpReach)(layer.Detail & ~SnmpWalk.TrailingBit) != SnmpReach.InfoCleared)
        {
            if (index > 0 && source.Packet[index - 1].Kind == LayerKind.Udp)
                UdpInfo.Write(line, in source, index - 1);
            return stopped;
        }
        var message = source.Header(index);
        var writer = new Writer(line, message, line.Length);
        SnmpWalk.Run(message, layer.Extent, ref writer, out _, out _);
        return stopped;
    }

    private ref struct Writer(TextLine line, ReadOnlySpan<byte> message, int start) : ISnmpVisitor
    {
        private readonly ReadOnlySpan<byte> _message = message;

        public readonly bool Item(SnmpValue which, int offset, int length, ulong number)
        {
            switch (which)
            {
                case SnmpValue.InfoOid:
                    line.Append(' ');
                    AppendOid(_message.Slice(offset, length), resolved: false);
                    break;
                case SnmpValue.InfoEnterprise:
                    line.Append(' ');
                    AppendOid(_message.Slice(offset, length), resolved: true);
                    break;
                case SnmpValue.InfoEncrypted:
                    line.Truncate(start);
                    line.Append("encryptedPDU: privKey Unknown");
                    break;
                case SnmpValue.InfoPdu when SnmpWalk.PduName(number) is { } name:
                    int from = line.Length;
                    line.Append(name);
                    line.MoveToFront(start, from);
                    break;
            }
            return true;
        }

        /// <summary>An OID as tshark's Info column has it (<see cref="SnmpOid.TryFormatInfo"/>, or resolved for a trap's enterprise).</summary>
        private readonly void AppendOid(ReadOnlySpan<byte> oid, bool resolved)
        {
            Span<char> text = stackalloc char[FieldFormatterRoom];
            int written;
            if (SnmpOid.MaxFormattedLength(oid.Length) <= text.Length
                && (resolved ? SnmpOid.TryFormatResolved(oid, text, out written) : SnmpOid.TryFormatInfo(oid, text, out written)))
                line.Append(text[..written]);
        }

        /// <summary>Characters for an OID in the Info column (an OID of some 250 bytes; tshark's column holds fewer).</summary>
        private const int FieldFormatterRoom = 1024;
    }
}
