using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Ieee802154;
using RawNet.Protocols.SixLowpan;

namespace RawNet.Protocols.Decoding;

// IEEE 802.15.4 (link types 195 and 230) and the 6LoWPAN its data frames carry.
public sealed partial class PacketDecoder
{
    private byte[]? _decompressed;

    /// <summary>
    /// An 802.15.4 MAC frame as tshark 4.0's wpan reads it: the FCS (link type 195) taken off the end first, so the
    /// header is read from the bytes before it (a frame too short for both shows nothing); the header's fields in order
    /// until the bytes end; then the FCS, checked as the ITU-T CRC-16; a data frame whose FCS checks goes to 6LoWPAN when
    /// its first byte is a 6LoWPAN dispatch, else it is data. Security, information elements and the payloads of beacons
    /// and commands are not read (data).
    /// </summary>
    private void DecodeIeee802154(in Span input, int start, int capEnd, int repEnd, bool fcs)
    {
        int fcsLength = fcs ? Ieee802154Header.FcsLength : 0;
        int macEnd = repEnd - fcsLength;
        int readable = Math.Min(capEnd, macEnd);
        var bytes = input.Bytes;
        ref Layer layer = ref _packet.Add(LayerKind.Ieee802154, start, Math.Max(0, readable - start), Math.Max(0, repEnd - start), input.Source);
        layer.Detail = fcs ? (byte)1 : (byte)0;
        if (!Ieee802154Header.TryRead(bytes[start..Math.Max(start, readable)], out var header))
        {
            layer.HeaderLength = 0;
            Ieee802154Short(ref layer, start + 2, capEnd, macEnd);
            return;
        }
        int headerEnd = start + header.HeaderLength;
        if (header.DestinationMode == Ieee802154Header.ModeReserved || header.SourceMode == Ieee802154Header.ModeReserved)
        {
            layer.HeaderLength = Math.Min(header.HeaderLength, readable - start);
            Unsupported(input, start + layer.HeaderLength, capEnd, repEnd, "802.15.4 reserved addressing mode not decoded");
            return;
        }
        if (headerEnd > readable)
        {
            Ieee802154Short(ref layer, headerEnd, capEnd, macEnd);
            return;
        }
        layer.HeaderLength = header.HeaderLength;
        if (fcs)
        {
            if (capEnd < repEnd)
            {
                // The FCS was not captured: tshark shows no FCS and hands the payload on.
            }
            else
            {
                ushort stored = BinaryPrimitives.ReadUInt16LittleEndian(bytes[macEnd..]);
                ushort computed = Crc16.ComputeKermit(bytes[start..macEnd]);
                layer.Checksum = stored == computed ? ChecksumStatus.Good : ChecksumStatus.Bad;
                layer.ExpectedChecksum = computed;
            }
        }
        if (header.SecurityEnabled || header.IePresent)
        {
            Unsupported(input, headerEnd, readable, macEnd, "802.15.4 security or information elements not decoded");
            return;
        }
        if (header.FrameType != Ieee802154Header.TypeData || layer.Checksum == ChecksumStatus.Bad)
        {
            Payload(input, headerEnd, readable, macEnd);
            return;
        }
        if (readable > headerEnd && macEnd > headerEnd && IsSixLowpanDispatch(bytes[headerEnd..readable]))
            DecodeSixLowpan(input, start, headerEnd, readable, macEnd);
        else
            Payload(input, headerEnd, readable, macEnd);
    }

    private void Ieee802154Short(ref Layer layer, int needed, int capEnd, int macEnd)
    {
        layer.Status = needed <= macEnd && capEnd < macEnd ? LayerStatus.Truncated : LayerStatus.Malformed;
        Stop(layer.Status == LayerStatus.Truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Ieee802154, layer.Offset,
            layer.Status == LayerStatus.Truncated ? "802.15.4 header cut short by the capture length" : "frame ends inside the 802.15.4 header");
    }

    /// <summary>tshark's 6LoWPAN heuristic: the first dispatch (after any broadcast, mesh or first-fragment header) is one 6LoWPAN defines.</summary>
    private static bool IsSixLowpanDispatch(ReadOnlySpan<byte> bytes)
    {
        byte b = bytes[0];
        return b is SixLowpanLayout.Ipv6Dispatch or 0x42 or SixLowpanLayout.BroadcastDispatch || b >> 5 == 0b011 || b >> 6 == 0b10 || b >> 3 is 0b11000 or 0b11100;
    }

    /// <summary>
    /// 6LoWPAN at <paramref name="offset"/>: its header chain (<see cref="SixLowpanLayout"/>), then uncompressed IPv6 from
    /// the frame, or the IPv6 datagram an IPHC header compresses rebuilt into <see cref="DecodedPacket.Decompressed"/> as
    /// tshark rebuilds it, decoded from there. Fragments are not reassembled: a first fragment shows its headers, a later
    /// one its fragment header.
    /// </summary>
    private void DecodeSixLowpan(in Span input, int macStart, int offset, int capEnd, int repEnd)
    {
        var bytes = input.Bytes;
        var layout = SixLowpanLayout.Parse(bytes[offset..capEnd]);
        int end = offset + layout.End;
        ref Layer layer = ref _packet.Add(LayerKind.SixLowpan, offset, Math.Min(layout.End, capEnd - offset), repEnd - offset, input.Source);
        layer.Note = (ushort)macStart;
        switch (layout.Reached)
        {
            case SixLowpanEnd.Short:
                layer.Status = end <= repEnd ? LayerStatus.Truncated : LayerStatus.Malformed;
                Stop(layer.Status == LayerStatus.Truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.SixLowpan, offset,
                    layer.Status == LayerStatus.Truncated ? "6LoWPAN header cut short by the capture length" : "frame ends inside the 6LoWPAN header");
                return;
            case SixLowpanEnd.Unsupported:
                Unsupported(input, end, capEnd, repEnd, "6LoWPAN dispatch not decoded (HC1, stateful IPHC or NHC extension header)");
                return;
            case SixLowpanEnd.LaterFragment:
                return;
            case SixLowpanEnd.Ipv6:
                DecodeIpv6(input, end, capEnd, repEnd);
                return;
        }
        if (layout.IsFirstFragment)
            return;
        Span<byte> sourceIid = stackalloc byte[8], destinationIid = stackalloc byte[8];
        SixLowpanDecompressor.LinkInterfaceIds(bytes, macStart, offset, layout, sourceIid, destinationIid);
        int headers = SixLowpanDecompressor.HeadersLength(layout);
        int captured = capEnd - end, reported = repEnd - end;
        int length = headers + captured;
        if (_decompressed is null || _decompressed.Length < length)
            _decompressed = new byte[Math.Max(length, 2048)];
        var buffer = _decompressed.AsSpan(0, length);
        SixLowpanDecompressor.Write(bytes[offset..capEnd], layout, sourceIid, destinationIid, reported, buffer);
        bytes[end..capEnd].CopyTo(buffer[headers..]);
        _packet.DecompressedBuffer = _decompressed;
        _packet.DecompressedLength = length;
        DecodeIpv6(new Span(_decompressed.AsSpan(0, length), input.Frame, LayerSource.Decompressed, quoted: false), 0, length, headers + reported);
    }
}
