using RawNet.Protocols.Capwap;

namespace RawNet.Protocols.Decoding;

// The CAPWAP data channel (RFC 5415/5416) on UDP port 5247, as tshark 4.0's capwap.data reads it with its default
// preferences: fragments reassembled (one that is complete by itself is decoded, others are data), 802.11 frames with
// their frame control's bytes swapped (capwap.swap_fc), the wireless information not read as Cisco's draft 8.
public sealed partial class PacketDecoder
{
    private byte[]? _swappedFrameControl;

    /// <summary>
    /// A CAPWAP data message, or a control message (<paramref name="control"/>, UDP 5246): the preamble (a DTLS one is
    /// followed by DTLS, left undecoded), the header with the radio MAC and wireless information its flags announce, walked
    /// as tshark walks them (<see cref="CapwapLayout"/>), then at the header length's end a control message's control
    /// header and elements, or a keep-alive's elements (in the layer), an 802.3 frame (T clear), an 802.11 frame (T set,
    /// the 802.11 binding) or data. <paramref name="toDataPort"/>: sent to port 5247, which decides the 802.11 binding's fields.
    /// </summary>
    private void DecodeCapwapData(in Span input, int offset, int capEnd, int repEnd, bool toDataPort, bool control = false)
    {
        var bytes = input.Bytes;
        var kind = control ? LayerKind.CapwapControl : LayerKind.CapwapData;
        byte detail = toDataPort ? CapwapLayerDetail.ToDataPort : (byte)0;
        if (capEnd > offset && CapwapHeader.PreambleType(bytes[offset]) == CapwapHeader.DtlsType)
        {
            bool read = Header(input, kind, offset, CapwapHeader.DtlsPreambleLength, capEnd, repEnd, out int dtls);
            if (dtls >= 0)
                _packet.LayerRef(dtls).Detail = detail;
            if (read)
                Unsupported(input, offset + CapwapHeader.DtlsPreambleLength, capEnd, repEnd, "DTLS after the CAPWAP preamble not decoded");
            return;
        }
        bool whole = Header(input, kind, offset, CapwapHeader.FixedLength, capEnd, repEnd, out int index);
        if (index >= 0)
            _packet.LayerRef(index).Detail = detail;
        if (!whole)
            return;
        var header = bytes[offset..capEnd];
        int words = CapwapHeader.Words(header);
        uint flags = CapwapHeader.Flags(header);
        if (words < 2)
        {
            // tshark then reads the payload from inside the header (from the preamble for HLEN 0): not followed.
            Unsupported(input, offset + CapwapHeader.FixedLength, capEnd, repEnd, "CAPWAP header length below its fixed 8 bytes not decoded");
            return;
        }
        var layout = CapwapLayout.Of(header);
        int length = words * 4;
        // The optional parts are read whatever HLEN says; a read past the captured bytes ends the message there.
        whole = Header(input, kind, offset, layout.Stopped ? layout.End : length, capEnd, repEnd, out index, replace: index);
        _packet.LayerRef(index).Detail = detail;
        if (!whole)
            return;
        int payload = offset + length;
        if ((flags & CapwapHeader.FlagF) != 0)
        {
            // A fragment with nothing after the header shows nothing more; one that is not complete by itself is data.
            if (repEnd <= payload)
                return;
            // tshark reassembles a whole fragment only when it has all its bytes: a control message the capture cut is a
            // fragment like the others.
            if (!CapwapHeader.IsWholeFragment(flags, CapwapHeader.FragmentOffset(header)) || control && capEnd < repEnd)
            {
                Payload(input, payload, capEnd, repEnd);
                return;
            }
        }
        if (control)
            DecodeCapwapControl(input, index, offset, payload, capEnd, repEnd);
        else if ((flags & CapwapHeader.FlagK) != 0)
            DecodeCapwapKeepAlive(input, index, offset, payload, capEnd, repEnd);
        else if ((flags & CapwapHeader.FlagT) == 0)
            DecodeEthernet(input, payload, capEnd, repEnd);
        else if (CapwapHeader.Binding(header) == CapwapHeader.Ieee80211Binding)
            DecodeCapwapIeee80211(input, payload, capEnd, repEnd);
        else
            Payload(input, payload, capEnd, repEnd);
    }

    /// <summary>
    /// A control message's control header, read field by field, and its message elements, walked as tshark walks them to the
    /// end of the datagram; the CAPWAP layer grows over them, cut where a read ran past the captured bytes.
    /// </summary>
    private void DecodeCapwapControl(in Span input, int index, int offset, int payload, int capEnd, int repEnd)
    {
        byte detail = _packet[index].Detail;
        int end = repEnd - offset;
        int available = Math.Min(capEnd, repEnd) - payload;
        if (available < CapwapControlHeader.Length)
            end = payload - offset + CapwapControlHeader.ReadEnd(available);
        else
        {
            int elements = payload + CapwapControlHeader.Length;
            var walker = new CapwapElementWalker(input.Bytes[elements..capEnd], repEnd - elements, start: 0);
            while (walker.MoveNext(out _, out _, out _, out _))
            {
            }
            if (walker.StoppedAt >= 0)
                end = elements - offset + walker.StopEnd;
        }
        Header(input, LayerKind.CapwapControl, offset, Math.Max(end, payload - offset), capEnd, repEnd, out index, replace: index);
        _packet.LayerRef(index).Detail = detail;
    }

    /// <summary>
    /// A keep-alive's length and message elements, walked as tshark walks them to the end of the datagram; the CAPWAP layer
    /// grows over them, cut where a read ran past the captured bytes.
    /// </summary>
    private void DecodeCapwapKeepAlive(in Span input, int index, int offset, int payload, int capEnd, int repEnd)
    {
        byte detail = _packet[index].Detail;
        int end = repEnd - offset;
        if (capEnd - payload < 2)
            end = payload + 2 - offset;
        else
        {
            var walker = new CapwapElementWalker(input.Bytes[payload..capEnd], repEnd - payload);
            while (walker.MoveNext(out _, out _, out _, out _))
            {
            }
            if (walker.StoppedAt >= 0)
                end = payload - offset + walker.StopEnd;
        }
        Header(input, LayerKind.CapwapData, offset, Math.Max(end, payload - offset), capEnd, repEnd, out index, replace: index);
        _packet.LayerRef(index).Detail = detail;
    }

    /// <summary>
    /// An 802.11 frame in CAPWAP, decoded from a copy of the buffer whose frame control bytes are swapped as tshark's
    /// capwap.swap_fc (on by default) reads them; the layers keep the frame's offsets. The copy's buffer is the decoder's, reused.
    /// </summary>
    private void DecodeCapwapIeee80211(in Span input, int offset, int capEnd, int repEnd)
    {
        if (_swappedFrameControl is null || _swappedFrameControl.Length < capEnd)
            _swappedFrameControl = new byte[Math.Max(capEnd, 2048)];
        var copy = _swappedFrameControl.AsSpan(0, capEnd);
        input.Bytes[..capEnd].CopyTo(copy);
        if (capEnd - offset >= 2)
            (copy[offset], copy[offset + 1]) = (copy[offset + 1], copy[offset]);
        _packet.DecompressedBuffer = _swappedFrameControl;
        _packet.DecompressedLength = capEnd;
        DecodeIeee80211(new Span(copy, input.Frame, LayerSource.SwappedFrameControl, quoted: false), offset, capEnd, repEnd, fcs: false, dataPad: false);
    }

    /// <summary>
    /// An LWAPP message as tshark 4.0's lwapp reads it: to port 12223 (<paramref name="apIdentity"/>) the AP identity,
    /// then the 6-byte header; with T set the 4-byte control header (in the layer) and data, else an 802.11 frame as sent.
    /// </summary>
    private void DecodeLwapp(in Span input, int offset, int capEnd, int repEnd, bool apIdentity)
    {
        byte detail = apIdentity ? LwappLayerDetail.ApIdentity : (byte)0;
        int length = (apIdentity ? LwappHeader.ApIdentityLength : 0) + LwappHeader.Length;
        bool whole = Header(input, LayerKind.Lwapp, offset, length, capEnd, repEnd, out int index);
        if (index >= 0)
            _packet.LayerRef(index).Detail = detail;
        if (!whole)
            return;
        if ((input.Bytes[offset + length - LwappHeader.Length] & LwappHeader.ControlFlag) == 0)
        {
            DecodeIeee80211(input, offset + length, capEnd, repEnd, fcs: false, dataPad: false);
            return;
        }
        whole = Header(input, LayerKind.Lwapp, offset, length + LwappHeader.ControlLength, capEnd, repEnd, out index, replace: index);
        _packet.LayerRef(index).Detail = detail;
        if (whole)
            Payload(input, offset + length + LwappHeader.ControlLength, capEnd, repEnd);
    }

    /// <summary>
    /// LWAPP over layer 3 (UDP 12220) as tshark 4.0's lwapp-l3 reads it: a layer of no bytes of its own (its columns, its
    /// tree line) and an 802.3 frame from the datagram's first byte, without an FCS.
    /// </summary>
    private void DecodeLwappL3(in Span input, int offset, int capEnd, int repEnd)
    {
        if (!Header(input, LayerKind.LwappL3, offset, 0, capEnd, repEnd, out _))
            return;
        DecodeEthernet(input, offset, capEnd, repEnd);
    }
}
