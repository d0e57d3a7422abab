using RawNet.Protocols.Decoding;
using RawNet.Protocols.Quic;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// QUIC's Info column as tshark 4.0 writes it: each packet of the datagram sets the column anew ("Initial", "0-RTT",
/// "Handshake", "Retry", "Version Negotiation", then ", DCID=...", ", SCID=..." and an Initial's ", PKN: N"; a short
/// header "Protected Payload (KP0)", and its ", DCID=..." when the connection is known; a decrypted Initial's frames
/// after its packet number, ", CRYPTO, PADDING"), so the last packet read shows. When tshark failed before the first packet's title,
/// UDP's text stays.
/// </summary>
internal static class QuicInfo
{
    /// <summary>Writes the Info text; true when tshark stopped short in the datagram (a mark follows).</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        var datagram = source.Header(index);
        ref readonly var layer = ref source.Packet[index];
        int start = line.Length;
        var writer = new Writer(line, datagram, start);
        var status = QuicWalk.Run(datagram, layer.Extent, QuicConnection.Of(source.Packet, index), ref writer, out _);
        if (!writer.Titled && index > 0)
            UdpInfo.Write(line, in source, index - 1);
        return status is QuicWalkStatus.Truncated or QuicWalkStatus.Malformed;
    }

    private ref struct Writer(TextLine line, ReadOnlySpan<byte> datagram, int start) : IQuicVisitor
    {
        private readonly ReadOnlySpan<byte> _datagram = datagram;
        public bool Titled;

        public bool Item(QuicValue which, int offset, int length, ulong number)
        {
            switch (which)
            {
                case QuicValue.InfoTitle:
                    Titled = true;
                    line.Truncate(start);
                    line.Append((QuicTitle)number switch
                    {
                        QuicTitle.VersionNegotiation => "Version Negotiation",
                        QuicTitle.ProtectedPayload => "Protected Payload (KP0)",
                        var type => QuicPacket.LongTypeName((int)type),
                    });
                    break;
                case QuicValue.InfoCids:
                    var (dcid, dcidLength, scid, scidLength) = QuicWalk.CidsOf(number);
                    if (dcidLength > 0)
                    {
                        line.Append(", DCID=");
                        line.AppendHexBytes(_datagram.Slice(dcid, dcidLength));
                    }
                    if (scidLength > 0)
                    {
                        line.Append(", SCID=");
                        line.AppendHexBytes(_datagram.Slice(scid, scidLength));
                    }
                    break;
                case QuicValue.PacketNumber:
                    line.Append(", PKN: ");
                    line.Append(number);
                    break;
                case QuicValue.InfoFrame:
                    line.Append(", ");
                    line.Append(QuicFrame.InfoName(number));
                    break;
            }
            return true;
        }
    }
}
