using System.Buffers.Binary;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Http;

namespace RawNet.Protocols.Dns;

/// <summary>
/// DNS over TCP across segments, as tshark 4.0's tcp_dissect_pdus does it with its default preferences
/// (tcp.desegment_tcp_streams, dns.desegment_dns_messages): <see cref="PduStreams"/> with DNS's two-byte length before
/// each message, a DNS layer per message (over the message; the length is dns.length, read before it).
/// </summary>
internal sealed class DnsStreams : PduStreams
{
    // The decoder reads HTTP first on a port both have.
    protected override bool Carries(ushort sourcePort, ushort destinationPort) =>
        DnsPorts.CarriesStream(sourcePort, destinationPort) && !HttpPorts.CarriesWireshark(sourcePort, destinationPort);

    protected override int HeaderSize => DnsStreamFraming.LengthSize;

    protected override int PduLength(ReadOnlySpan<byte> pdu) => DnsStreamFraming.LengthSize + BinaryPrimitives.ReadUInt16BigEndian(pdu);

    protected override int WholeLength(ReadOnlySpan<byte> bytes) => DnsStreamFraming.WholeMessagesLength(bytes);

    protected override LayerKind Kind => LayerKind.Dns;

    protected override void AddPdus(DecodedPacket packet, int offset, ReadOnlySpan<byte> pdus, LayerSource source)
    {
        for (int at = 0; at < pdus.Length && !packet.IsFull;)
        {
            int length = BinaryPrimitives.ReadUInt16BigEndian(pdus[at..]);
            int message = at + DnsStreamFraming.LengthSize;
            AddMessage(packet, offset + message, pdus.Slice(message, length), source, laterInCall: at > 0);
            at = message + length;
        }
    }

    /// <summary>A DNS layer over a whole message at <paramref name="offset"/> of its buffer, malformed when its records say so; <paramref name="laterInCall"/> after the first of a call.</summary>
    private static void AddMessage(DecodedPacket packet, int offset, ReadOnlySpan<byte> message, LayerSource source, bool laterInCall)
    {
        ref Layer layer = ref packet.Add(LayerKind.Dns, offset, message.Length, message.Length, source);
        layer.Detail = DnsLayerDetails.Of(DnsVariant.Stream, laterInCall: laterInCall);
        if (new DnsRecordReader(message, message.Length).SkipAll() is DnsWalkStatus.Malformed or DnsWalkStatus.Truncated)
            layer.Status = LayerStatus.Malformed;
    }
}
