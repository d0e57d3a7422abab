using RawNet.Protocols.Snmp;

namespace RawNet.Protocols.Decoding;

// SNMP on UDP 161 and 162, as tshark 4.0's snmp reads it.
public sealed partial class PacketDecoder
{
    /// <summary>
    /// An SNMP message: one layer over the message (bytes after its outer sequence are data, as tshark hands them on),
    /// when tshark's heuristic takes it (<see cref="SnmpWalk.IsTaken"/>; false, adding nothing, when it refuses). The
    /// walk judges it: a read past the captured bytes is truncation, one past the datagram or an invalid OID malformed.
    /// </summary>
    private bool DecodeSnmp(in Span input, int offset, int capEnd, int repEnd)
    {
        int captured = Math.Max(0, Math.Min(capEnd, repEnd) - offset);
        var bytes = input.Bytes.Slice(offset, captured);
        if (!SnmpWalk.IsTaken(bytes, repEnd - offset))
            return false;
        var status = SnmpWalk.Judge(bytes, repEnd - offset, out int stop, out int end, out var reach, out _);
        bool trailing = status is SnmpWalkStatus.Complete or SnmpWalkStatus.Unexpected && end < repEnd - offset;
        // the bytes after the message start past the captured ones: tshark's subset for them throws (size limited)
        if (trailing && offset + end > capEnd)
        {
            (status, stop, trailing) = (SnmpWalkStatus.Truncated, end, false);
        }
        if (!TryAddMessage(input, LayerKind.Snmp, offset, trailing ? Math.Min(capEnd, offset + end) : capEnd, trailing ? offset + end : repEnd, out _))
            return true;
        _packet.LayerRef(_packet.LayerCount - 1).Detail = (byte)((byte)reach | (trailing ? SnmpWalk.TrailingBit : 0));
        if (status is SnmpWalkStatus.Truncated or SnmpWalkStatus.Malformed)
            EndMessageShort(input, LayerKind.Snmp, offset, status == SnmpWalkStatus.Truncated, stop,
                "SNMP message cut short by the capture length", "SNMP message runs past the end of the datagram or holds an invalid OID");
        else if (trailing)
            Payload(input, offset + end, capEnd, repEnd);
        return true;
    }
}
