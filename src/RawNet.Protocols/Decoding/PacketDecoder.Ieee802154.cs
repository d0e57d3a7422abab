using System.Buffers.Binary;
using RawNet.Protocols.Checksums;
using RawNet.Protocols.Ieee802154;
using RawNet.Protocols.Reassembly;
using RawNet.Protocols.SixLowpan;

namespace RawNet.Protocols.Decoding;

// IEEE 802.15.4 (link types 195 and 230) and the 6LoWPAN its data frames carry.
public sealed partial class PacketDecoder
{
    private byte[]? _decompressed;
    private byte[]? _lowpanFirst;
    private readonly SixLowpanReassembler? _lowpanReassembler;

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

    /// <summary>
    /// Link type 215 as tshark 4.0's wpan-nonask-phy reads it: a 4-byte preamble, the SFD, the PHR (its low 7 bits the
    /// frame's length), then the 802.15.4 frame with its 2-byte FCS, as long as the PHR says (the capture's bytes past it
    /// are not read; a PHR longer than the frame leaves it cut). A frame too short for the PHR shows nothing.
    /// </summary>
    private void DecodeIeee802154NonAskPhy(in Span input, int capEnd, int repEnd)
    {
        const int header = 6;
        ref Layer layer = ref _packet.Add(LayerKind.Ieee802154NonAskPhy, 0, Math.Min(header, capEnd), repEnd, input.Source);
        if (capEnd < header)
        {
            layer.HeaderLength = 0;
            layer.Status = repEnd >= header ? LayerStatus.Truncated : LayerStatus.Malformed;
            Stop(layer.Status == LayerStatus.Truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Ieee802154NonAskPhy, 0,
                "frame ends inside the non-ASK PHY header");
            return;
        }
        int end = header + (input.Bytes[5] & 0x7F);
        if (end - header >= Ieee802154Header.FcsLength)
        {
            DecodeIeee802154(input, header, Math.Min(capEnd, end), end, fcs: true);
            return;
        }
        // A length below an FCS: tshark reads the MAC header from every captured byte, then throws before the payload.
        int macEnd = capEnd;
        if (Ieee802154Header.TryRead(input.Bytes[header..capEnd], out var mac))
            macEnd = Math.Min(capEnd, header + mac.HeaderLength);
        int wpan = _packet.LayerCount;
        DecodeIeee802154(input, header, macEnd, macEnd, fcs: false);
        if (_packet[wpan].Status == LayerStatus.Complete)
        {
            _packet.LayerRef(wpan).Status = LayerStatus.Malformed;
            Stop(DecodeOutcome.Malformed, LayerKind.Ieee802154, header, "non-ASK PHY length below the 802.15.4 FCS");
        }
    }

    /// <summary>
    /// Link type 283 as tshark 4.0's wpan-tap reads it: version 0 (another, or a length past the captured bytes, and
    /// tshark's dissector refuses the frame: nothing is shown), the length of header and TLVs, the TLVs
    /// (<see cref="Ieee802154TapFieldReader"/>), then, for an FCS type of none or 16 bits, the 802.15.4 frame after them
    /// (a frame the capture cut shows no 802.15.4: tshark copies its bytes first). A 32-bit FCS is not checked (data).
    /// </summary>
    private void DecodeIeee802154Tap(in Span input, int capEnd, int repEnd)
    {
        var bytes = input.Bytes;
        if ((capEnd >= 1 && bytes[0] != 0) || (capEnd >= 4 && BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]) > capEnd))
        {
            // refused: a layer that names no protocol and writes no column
            _packet.Add(LayerKind.Ieee802154Tap, 0, 0, repEnd, input.Source).Detail = Ieee802154TapFieldReader.Refused;
            Stop(DecodeOutcome.Unsupported, LayerKind.Ieee802154Tap, 0, "802.15.4 TAP header refused (version not 0, or longer than the frame)");
            return;
        }
        if (capEnd < Ieee802154TapFieldReader.HeaderLength)
        {
            // tshark throws reading the length
            ref Layer cut = ref _packet.Add(LayerKind.Ieee802154Tap, 0, 0, repEnd, input.Source);
            cut.Status = repEnd >= Ieee802154TapFieldReader.HeaderLength ? LayerStatus.Truncated : LayerStatus.Malformed;
            Stop(cut.Status == LayerStatus.Truncated ? DecodeOutcome.Truncated : DecodeOutcome.Malformed, LayerKind.Ieee802154Tap, 0,
                "frame ends inside the 802.15.4 TAP header");
            return;
        }
        int length = BinaryPrimitives.ReadUInt16LittleEndian(bytes[2..]);
        ref Layer layer = ref _packet.Add(LayerKind.Ieee802154Tap, 0, Math.Max(length, Ieee802154TapFieldReader.HeaderLength), repEnd, input.Source);
        if (length < Ieee802154TapFieldReader.HeaderLength)
        {
            layer.Status = LayerStatus.Malformed;
            Stop(DecodeOutcome.Malformed, LayerKind.Ieee802154Tap, 0, "802.15.4 TAP length below its header");
            return;
        }
        int fcsType = Ieee802154TapFieldReader.FcsType(bytes[Ieee802154TapFieldReader.HeaderLength..length]);
        if (fcsType > 2)
        {
            Stop(DecodeOutcome.Unsupported, LayerKind.Ieee802154Tap, 0, "802.15.4 TAP FCS type not valid");
            return;
        }
        layer.Detail = 1;
        if (capEnd < repEnd)
        {
            layer.Status = LayerStatus.Truncated;
            Stop(DecodeOutcome.Truncated, LayerKind.Ieee802154Tap, length, "802.15.4 TAP frame cut short by the capture length");
            return;
        }
        if (fcsType == 2)
        {
            Unsupported(input, length, capEnd, repEnd, "802.15.4 frame with a 32-bit FCS not decoded");
            return;
        }
        DecodeIeee802154(input, length, capEnd, repEnd, fcs: fcsType == 1);
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
    /// tshark rebuilds it, decoded from there. A fragment goes to the 6LoWPAN reassembler (when defragmenting): the frame
    /// that completes its datagram decodes the datagram from <see cref="DecodedPacket.Decompressed"/>, the others end in
    /// data (a first fragment's rebuilt bytes, a later one's payload), as tshark 4.0 shows them in one pass. Without
    /// reassembly a first fragment shows its headers, a later one its fragment header.
    /// </summary>
    private void DecodeSixLowpan(in Span input, int macStart, int offset, int capEnd, int repEnd)
    {
        var bytes = input.Bytes;
        var layout = SixLowpanLayout.Parse(bytes[offset..capEnd]);
        int end = offset + layout.End;
        ref Layer layer = ref _packet.Add(LayerKind.SixLowpan, offset, Math.Min(layout.End, capEnd - offset), repEnd - offset, input.Source);
        layer.Note = (ushort)macStart;
        bool reassemble = _lowpanReassembler is not null && layout.FragmentAt >= 0;
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
                if (reassemble)
                    LowpanFragment(input, macStart, offset + layout.FragmentAt, end, capEnd, firstData: default);
                return;
            case SixLowpanEnd.Ipv6:
                if (reassemble)
                {
                    // tshark reads the chain after FRAG1 no further than the datagram size, the dispatch byte included
                    int size = LowpanDatagramSize(bytes, offset + layout.FragmentAt);
                    int dataEnd = Math.Max(end, Math.Min(capEnd, end - 1 + size));
                    LowpanFragment(input, macStart, offset + layout.FragmentAt, end, dataEnd, bytes[end..dataEnd]);
                    return;
                }
                DecodeIpv6(input, end, capEnd, repEnd);
                return;
        }
        if (layout.IsFirstFragment && !reassemble)
            return;
        Span<byte> sourceIid = stackalloc byte[8], destinationIid = stackalloc byte[8];
        SixLowpanDecompressor.LinkInterfaceIds(bytes, macStart, offset, layout, sourceIid, destinationIid);
        int headers = SixLowpanDecompressor.HeadersLength(layout);
        int captured = capEnd - end, reported = repEnd - end;
        if (layout.IsFirstFragment)
        {
            // tshark reads the chain after FRAG1 no further than the datagram size; the rebuilt datagram may not be longer
            // than that size (an exception: nothing after it), unless the size is below an IPv6 header, when the
            // lengths come from what is there
            int datagramSize = LowpanDatagramSize(bytes, offset + layout.FragmentAt);
            int limit = offset + layout.FragmentAt + 4 + datagramSize;
            captured = Math.Max(0, Math.Min(capEnd, limit) - end);
            if (end > limit || (datagramSize >= 40 && headers + captured > datagramSize))
            {
                layer.Status = LayerStatus.Malformed;
                Stop(DecodeOutcome.Malformed, LayerKind.SixLowpan, offset, "6LoWPAN first fragment holds more than its datagram size");
                return;
            }
            reported = datagramSize >= 40 ? datagramSize - headers : captured;
        }
        int length = headers + captured;
        if (_decompressed is null || _decompressed.Length < Math.Max(length, SixLowpanReassembler.MaxDatagramLength))
            _decompressed = new byte[Math.Max(Math.Max(length, 2048), SixLowpanReassembler.MaxDatagramLength)];
        var buffer = _decompressed.AsSpan(0, length);
        SixLowpanDecompressor.Write(bytes[offset..capEnd], layout, sourceIid, destinationIid, reported, buffer);
        bytes.Slice(end, captured).CopyTo(buffer[headers..]);
        _packet.DecompressedBuffer = _decompressed;
        _packet.DecompressedLength = length;
        if (layout.IsFirstFragment)
        {
            LowpanFragment(input, macStart, offset + layout.FragmentAt, 0, length, buffer);
            return;
        }
        DecodeIpv6(new Span(_decompressed.AsSpan(0, length), input.Frame, LayerSource.Decompressed, quoted: false), 0, length, headers + reported);
    }

    /// <summary>The 11-bit datagram size of the fragment header at <paramref name="at"/>.</summary>
    private static int LowpanDatagramSize(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]) & 0x07FF;

    /// <summary>
    /// Hands one fragment to the reassembler: a first fragment's data is <paramref name="firstData"/> at offset 0 (its
    /// rebuilt or uncompressed IPv6 bytes; the span <paramref name="dataStart"/>..<paramref name="dataEnd"/> of the frame,
    /// or of <see cref="DecodedPacket.Decompressed"/> after an IPHC), a later one's the frame's bytes from
    /// <paramref name="dataStart"/> at its offset. It has more after it when it ends before its datagram size. The frame
    /// that completes the datagram decodes it as IPv6; the others show their data.
    /// </summary>
    private void LowpanFragment(in Span input, int macStart, int fragmentAt, int dataStart, int dataEnd, ReadOnlySpan<byte> firstData)
    {
        var bytes = input.Bytes;
        bool first = bytes[fragmentAt] >> 3 == 0b11000;
        int size = LowpanDatagramSize(bytes, fragmentAt);
        ushort tag = BinaryPrimitives.ReadUInt16BigEndian(bytes[(fragmentAt + 2)..]);
        int fragmentOffset = first ? 0 : bytes[fragmentAt + 4] * 8;
        var data = first ? firstData : bytes[dataStart..dataEnd];
        bool fromIphc = first && bytes[fragmentAt + 4] != SixLowpanLayout.Ipv6Dispatch;
        // the first fragment's bytes may be in the buffer the datagram is written to: keep them aside first
        if (fromIphc)
        {
            _lowpanFirst ??= new byte[SixLowpanReassembler.MaxDatagramLength];
            int n = Math.Min(data.Length, _lowpanFirst.Length);
            data[..n].CopyTo(_lowpanFirst);
            data = _lowpanFirst.AsSpan(0, n);
        }
        _decompressed ??= new byte[SixLowpanReassembler.MaxDatagramLength];
        if (_decompressed.Length < SixLowpanReassembler.MaxDatagramLength)
            _decompressed = new byte[SixLowpanReassembler.MaxDatagramLength];
        if (_lowpanReassembler!.TryAdd(LowpanKey(bytes, macStart, tag), fragmentOffset, fragmentOffset + data.Length < size, data,
                _packet.FrameNumber, _packet.Metadata.TimestampNanoseconds, _decompressed, out var datagram))
        {
            _packet.LowpanDatagram = datagram;
            _packet.DecompressedBuffer = _decompressed;
            _packet.DecompressedLength = datagram!.Length;
            var whole = new Span(_decompressed.AsSpan(0, datagram.Length), input.Frame, LayerSource.Decompressed, quoted: false);
            DecodeIpv6(whole, 0, datagram.Length, datagram.Length);
            return;
        }
        if (fromIphc)
        {
            // not complete: tshark shows the rebuilt bytes as data
            data.CopyTo(_decompressed);
            _packet.DecompressedBuffer = _decompressed;
            _packet.DecompressedLength = data.Length;
            Payload(new Span(_decompressed.AsSpan(0, data.Length), input.Frame, LayerSource.Decompressed, quoted: false), 0, data.Length, data.Length);
            return;
        }
        Payload(input, dataStart, dataEnd, dataEnd);
    }

    /// <summary>tshark's reassembly key: the 802.15.4 source and destination addresses (as far as captured) and the datagram tag.</summary>
    private static SixLowpanFragmentKey LowpanKey(ReadOnlySpan<byte> bytes, int macStart, ushort tag)
    {
        var frame = bytes[macStart..];
        if (!Ieee802154Header.TryRead(frame, out var mac))
            return new SixLowpanFragmentKey(0, 0, 0, 0, tag);
        return new SixLowpanFragmentKey(LinkAddress(frame, mac.SourceAt, mac.SourceMode), LinkAddress(frame, mac.DestinationAt, mac.DestinationMode),
            (byte)mac.SourceMode, (byte)mac.DestinationMode, tag);
    }

    private static ulong LinkAddress(ReadOnlySpan<byte> frame, int at, int mode)
    {
        int length = Ieee802154Header.AddressLength(mode);
        if (at < 0 || length == 0 || at + length > frame.Length)
            return 0;
        return length == 2 ? BinaryPrimitives.ReadUInt16LittleEndian(frame[at..]) : BinaryPrimitives.ReadUInt64LittleEndian(frame[at..]);
    }
}
