using System.Buffers.Binary;

namespace RawNet.Protocols.GprsLlc;

/// <summary>The four frame formats of a GPRS LLC control field, told apart by its first byte (3GPP TS 44.064, 6.3).</summary>
public enum GprsLlcFormat : byte
{
    /// <summary>Information (first byte below 0x80): three control bytes, a SACK bitmap when the S1S2 bits say so.</summary>
    Information,
    /// <summary>Supervisory (0x80 to 0xBF): two control bytes.</summary>
    Supervisory,
    /// <summary>Unconfirmed information (0xC0 to 0xDF): two control bytes with N(U), E and PM.</summary>
    UnconfirmedInformation,
    /// <summary>Unnumbered (0xE0 and above): one control byte.</summary>
    Unnumbered,
}

/// <summary>Which value of a GPRS LLC frame a field of <see cref="GprsLlcFields"/> shows, in tshark's tree order.</summary>
public enum GprsLlcValue : byte
{
    Sapi, ProtocolDiscriminator, CommandResponse, SapiBits,
    IFormat, IAck, ISpare, SackNs, SackNr, SackFunction, KMask, K, RBitmap,
    SFormat, SAck, SSpare, SNr, SFunction,
    UiFormat, UiSpare, Nu, EBit, PmBit,
    UFormat, PollFinal, UCommand,
    Fcs,
    TomLength, TomDiscriminator, TomHeader, TomData,
    XidXl, XidType, XidLength, XidLengthContinued, XidSpare, XidByte,
    FrmrControl, FrmrSpare, FrmrVs, FrmrVr, FrmrCr, FrmrW4, FrmrW3, FrmrW2, FrmrW1,
}

/// <summary>What tshark's llcgprs hands the information field to.</summary>
public enum GprsLlcHandoff : byte
{
    /// <summary>Nothing: no information field, or one llcgprs reads itself (TOM, XID, FRMR).</summary>
    None,
    /// <summary>SNDCP, on the user-data SAPIs 3, 5, 9 and 11.</summary>
    Sndcp,
    /// <summary>GSM A-interface DTAP (GMM on SAPI 1, SMS on SAPI 7), which RawNet does not decode.</summary>
    Dtap,
    /// <summary>Data: another SAPI, or a UI frame whose E bit says it is ciphered.</summary>
    Data,
}

/// <summary>How far tshark's llcgprs got.</summary>
public enum GprsLlcReach : byte
{
    /// <summary>Not even the address byte was there.</summary>
    None,
    /// <summary>The address byte with the PD bit set and any other bit: tshark writes its Info and shows nothing.</summary>
    Refused,
    /// <summary>The address fields.</summary>
    Address,
    /// <summary>The control field's first byte, so the format (its Info text names it).</summary>
    Format,
    /// <summary>The control field (its Info text complete).</summary>
    Control,
    /// <summary>The FCS item, and what follows it.</summary>
    Fcs,
}

/// <summary>Receives each item tshark's llcgprs adds, in its order; false to stop the walk.</summary>
public interface IGprsLlcVisitor
{
    /// <summary>One item: which value, where (offset and size in the frame) and its value as tshark shows it.</summary>
    bool Item(GprsLlcValue which, int at, int size, ulong value);
}

/// <summary>A visitor that takes nothing: for callers that only want the walk's summary.</summary>
public struct GprsLlcNoVisitor : IGprsLlcVisitor
{
    /// <inheritdoc />
    public bool Item(GprsLlcValue which, int at, int size, ulong value) => true;
}

/// <summary>
/// What a walk of a GPRS LLC frame found (<see cref="GprsLlcWalk.Run"/>): how far tshark got, the control field's values
/// its Info column shows, the FCS, the information field handed on and where a read failed.
/// </summary>
public struct GprsLlcSummary
{
    public GprsLlcReach Reach;
    public GprsLlcFormat Format;
    public byte Address;
    public byte Control;
    /// <summary>The S1S2 bits of an I or S frame, or the E and PM bits of a UI frame.</summary>
    public byte Epm;
    public ushort SendSequence;
    /// <summary>N(R) of an I or S frame, N(U) of a UI frame.</summary>
    public ushort Sequence;
    /// <summary>An I frame's SACK k (its bitmap's length) once read, else 0.</summary>
    public byte K;
    /// <summary>Bytes of address and control field (with an I frame's SACK bitmap) tshark read.</summary>
    public int HeaderLength;
    /// <summary>The frame's reported length less the FCS (tshark's llc_data_length).</summary>
    public int DataLength;
    public bool FcsComputed;
    public bool FcsGood;
    public uint FcsCalculated;
    public GprsLlcHandoff Handoff;
    /// <summary>Where the information field handed on starts, and its reported length.</summary>
    public int PayloadAt, PayloadLength;
    /// <summary>True for a DM, DISC or NULL frame, for which tshark adds its "No Information Field" item.</summary>
    public bool NoInformationField;
    /// <summary>True when an XID's layer 3 parameters went to SNDCP XID, which RawNet does not decode.</summary>
    public bool SndcpXid;
    /// <summary>True when a read ran past the bytes: <see cref="Malformed"/> says whether past the reported ones too.</summary>
    public bool Failed;
    public bool Malformed;

    /// <summary>The SAPI: the address byte's low four bits.</summary>
    public readonly int Sapi => Address & 0x0F;
}

/// <summary>
/// A GPRS LLC frame (LINKTYPE_GPRS_LLC, 169; 3GPP TS 44.064) walked as tshark 4.0's llcgprs walks it: the address byte
/// (one with the PD bit and another bit set ends the walk before any item), the control field by format (an I frame's
/// SACK bitmap of k bytes, an S frame's of what is left before the FCS), the FCS item (the last three bytes, least
/// significant first, checked over the frame when all of it was captured; a UI frame with PM clear covers only its header
/// and four bytes), then the information field: a TOM envelope on SAPIs 2 and 8, XID parameters after UA, SABM and XID,
/// FRMR's fields, or a hand-off. Every read is bounded by the bytes there; the first that is not ends the walk.
/// <code>
///  0        1                       1+n                 len-3
/// +--------+-----------------------+---------------------+---------------+
/// |PD|CR|XX|SAPI| control (1-3, +SACK) | information     | FCS (3, LSB first) |
/// +--------+-----------------------+---------------------+---------------+
/// </code>
/// </summary>
public static class GprsLlcWalk
{
    /// <summary>Bytes of the FCS.</summary>
    public const int FcsLength = 3;

    /// <summary>tshark's N202 plus the UI header: what a UI frame's FCS covers when its PM bit is clear.</summary>
    public const int UnprotectedCoverage = 7;

    /// <summary>Walks <paramref name="frame"/> (the captured bytes) of a frame <paramref name="reported"/> bytes long.</summary>
    public static GprsLlcSummary Run<T>(ReadOnlySpan<byte> frame, int reported, ref T visitor) where T : struct, IGprsLlcVisitor
    {
        var walk = new Walker<T>(frame, reported);
        walk.Go(ref visitor);
        return walk.Summary;
    }

    /// <summary>The summary alone.</summary>
    public static GprsLlcSummary Run(ReadOnlySpan<byte> frame, int reported)
    {
        var none = new GprsLlcNoVisitor();
        return Run(frame, reported, ref none);
    }

    /// <summary>The FCS tshark computes: the complement of the reflected CRC-24 (polynomial 0xBBA1B5, initial all ones).</summary>
    public static uint Crc24(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int i = 0; i < 8; i++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xAD85DD : crc >> 1;
        }
        return ~crc & 0xFFFFFF;
    }

    private ref struct Walker<T> where T : struct, IGprsLlcVisitor
    {
        private readonly ReadOnlySpan<byte> _frame;
        private readonly int _reported;
        public GprsLlcSummary Summary;
        private bool _stopped;

        public Walker(ReadOnlySpan<byte> frame, int reported)
        {
            _frame = frame;
            _reported = Math.Max(reported, frame.Length);
            Summary.DataLength = _reported >= FcsLength ? _reported - FcsLength : 0;
        }

        /// <summary>True when <paramref name="count"/> bytes at <paramref name="at"/> are there (below <paramref name="end"/>, a sub-buffer's reported end); else records the failure.</summary>
        private bool Has(int at, int count, int end)
        {
            if (at >= 0 && at + count <= Math.Min(_frame.Length, end))
                return true;
            Fail(at + count > end);
            return false;
        }

        private bool Has(int at, int count) => Has(at, count, _reported);

        private void Fail(bool malformed)
        {
            Summary.Failed = true;
            Summary.Malformed = malformed;
        }

        private bool Emit(ref T visitor, GprsLlcValue which, int at, int size, ulong value)
        {
            if (!_stopped && !visitor.Item(which, at, size, value))
                _stopped = true;
            return !_stopped;
        }

        public void Go(ref T visitor)
        {
            if (!Has(0, 1))
                return;
            byte address = _frame[0];
            Summary.Address = address;
            if (address > 0x80)
            {
                Summary.Reach = GprsLlcReach.Refused;
                return;
            }
            Summary.Reach = GprsLlcReach.Address;
            Emit(ref visitor, GprsLlcValue.Sapi, 0, 1, (ulong)(address & 0x0F));
            Emit(ref visitor, GprsLlcValue.ProtocolDiscriminator, 0, 1, (ulong)(address >> 7));
            Emit(ref visitor, GprsLlcValue.CommandResponse, 0, 1, (ulong)((address >> 6) & 1));
            Emit(ref visitor, GprsLlcValue.SapiBits, 0, 1, (ulong)(address & 0x0F));
            // on a failed read, the header's length is where the read would have ended
            Summary.HeaderLength = 2;
            if (!Has(1, 1))
                return;
            byte first = _frame[1];
            Summary.Control = first;
            Summary.Format = first < 0x80 ? GprsLlcFormat.Information : first < 0xC0 ? GprsLlcFormat.Supervisory
                : first < 0xE0 ? GprsLlcFormat.UnconfirmedInformation : GprsLlcFormat.Unnumbered;
            Summary.Reach = GprsLlcReach.Format;
            int llc = Summary.DataLength;
            int offset;
            int covered = llc;
            switch (Summary.Format)
            {
                case GprsLlcFormat.Information:
                {
                    Summary.HeaderLength = 4;
                    if (!Has(1, 3))
                        return;
                    int ns = (BinaryPrimitives.ReadUInt16BigEndian(_frame[1..]) >> 4) & 0x1FF;
                    int control = BinaryPrimitives.ReadUInt16BigEndian(_frame[2..]);
                    Summary.SendSequence = (ushort)ns;
                    Summary.Sequence = (ushort)((control >> 2) & 0x1FF);
                    Summary.Epm = (byte)(control & 3);
                    Summary.Reach = GprsLlcReach.Control;
                    uint high = (uint)BinaryPrimitives.ReadUInt16BigEndian(_frame[1..]) << 16;
                    Emit(ref visitor, GprsLlcValue.IFormat, 1, 3, (high & 0x800000) >> 23);
                    Emit(ref visitor, GprsLlcValue.IAck, 1, 3, (high & 0x400000) >> 22);
                    Emit(ref visitor, GprsLlcValue.ISpare, 1, 3, (high & 0x200000) >> 21);
                    Emit(ref visitor, GprsLlcValue.SackNs, 1, 3, (ulong)ns);
                    Emit(ref visitor, GprsLlcValue.SackNr, 1, 3, Summary.Sequence);
                    Emit(ref visitor, GprsLlcValue.SackFunction, 1, 3, Summary.Epm);
                    offset = 4;
                    if (Summary.Epm == 3)
                    {
                        Summary.HeaderLength = 5;
                        if (!Has(4, 1))
                            return;
                        byte kByte = _frame[4];
                        int k = (kByte & 0x1F) + 1;
                        Summary.K = (byte)k;
                        // the SACK subtree covers k and the bitmap: bytes it names must be there
                        Summary.HeaderLength = 5 + k;
                        if (!Has(4, k + 1))
                            return;
                        Emit(ref visitor, GprsLlcValue.KMask, 4, 1, (ulong)((kByte & 0xE0) >> 5));
                        Emit(ref visitor, GprsLlcValue.K, 4, 1, (ulong)(k & 0x1F));
                        offset = 5;
                        for (int i = 0; i < k; i++, offset++)
                        {
                            if (!Has(offset, 1))
                                return;
                            Emit(ref visitor, GprsLlcValue.RBitmap, offset, 1, _frame[offset]);
                        }
                    }
                    break;
                }
                case GprsLlcFormat.Supervisory:
                {
                    if (!TwoByteControl(out int control))
                        return;
                    Emit(ref visitor, GprsLlcValue.SFormat, 1, 2, (ulong)((control & 0xC000) >> 14));
                    Emit(ref visitor, GprsLlcValue.SAck, 1, 2, (ulong)((control & 0x2000) >> 13));
                    Emit(ref visitor, GprsLlcValue.SSpare, 1, 2, (ulong)((control & 0x1800) >> 11));
                    Emit(ref visitor, GprsLlcValue.SNr, 1, 2, Summary.Sequence);
                    Emit(ref visitor, GprsLlcValue.SFunction, 1, 2, Summary.Epm);
                    offset = 3;
                    if (Summary.Epm == 3)
                    {
                        // The bitmap runs to the FCS; a negative length other than tshark's "to the end" fails its subtree.
                        int sack = llc - offset;
                        if (sack < -1)
                        {
                            Fail(malformed: true);
                            return;
                        }
                        Summary.HeaderLength = sack == -1 ? _reported : llc;
                        if (sack >= 0 && !Has(offset, sack))
                            return;
                        int end = sack == -1 ? int.MaxValue : llc;
                        for (; offset < end; offset++)
                        {
                            if (!Has(offset, 1))
                                return;
                            Emit(ref visitor, GprsLlcValue.RBitmap, offset, 1, _frame[offset]);
                        }
                    }
                    break;
                }
                case GprsLlcFormat.UnconfirmedInformation:
                {
                    if (!TwoByteControl(out int control))
                        return;
                    if ((control & 1) == 0)
                        covered = Math.Min(UnprotectedCoverage, llc);
                    Emit(ref visitor, GprsLlcValue.UiFormat, 1, 2, (ulong)((control & 0xE000) >> 13));
                    Emit(ref visitor, GprsLlcValue.UiSpare, 1, 2, (ulong)((control & 0x1800) >> 11));
                    Emit(ref visitor, GprsLlcValue.Nu, 1, 2, Summary.Sequence);
                    Emit(ref visitor, GprsLlcValue.EBit, 1, 2, (ulong)((control >> 1) & 1));
                    Emit(ref visitor, GprsLlcValue.PmBit, 1, 2, (ulong)(control & 1));
                    offset = 3;
                    break;
                }
                default:
                    // the "Unnumbered frame" subtree spans the frame to the FCS before its items
                    if (llc >= 1 && !Has(1, llc - 1))
                        return;
                    Summary.Reach = GprsLlcReach.Control;
                    Emit(ref visitor, GprsLlcValue.UFormat, 1, 1, (ulong)((first & 0xE0) >> 5));
                    Emit(ref visitor, GprsLlcValue.PollFinal, 1, 1, (ulong)((first >> 4) & 1));
                    Emit(ref visitor, GprsLlcValue.UCommand, 1, 1, (ulong)(first & 0x0F));
                    offset = 2;
                    break;
            }
            Summary.HeaderLength = offset;
            if (_frame.Length >= _reported && _reported >= FcsLength)
            {
                uint stored = (uint)(_frame[llc] | _frame[llc + 1] << 8 | _frame[llc + 2] << 16);
                Summary.FcsComputed = true;
                Summary.FcsCalculated = Crc24(_frame[..covered]);
                Summary.FcsGood = Summary.FcsCalculated == stored;
                Emit(ref visitor, GprsLlcValue.Fcs, llc, FcsLength, stored);
            }
            else
                Emit(ref visitor, GprsLlcValue.Fcs, 0, 0, 0);
            Summary.Reach = GprsLlcReach.Fcs;
            Body(ref visitor, offset, llc);
        }

        /// <summary>An S or UI frame's two control bytes: S1S2 or E and PM, and N(R) or N(U) in the same bits.</summary>
        private bool TwoByteControl(out int control)
        {
            control = 0;
            Summary.HeaderLength = 3;
            if (!Has(1, 2))
                return false;
            control = BinaryPrimitives.ReadUInt16BigEndian(_frame[1..]);
            Summary.Epm = (byte)(control & 3);
            Summary.Sequence = (ushort)((control >> 2) & 0x1FF);
            Summary.Reach = GprsLlcReach.Control;
            return true;
        }

        private void Body(ref T visitor, int offset, int llc)
        {
            bool tom = Summary.Sapi is 2 or 8;
            switch (Summary.Format)
            {
                case GprsLlcFormat.Information:
                    if (tom)
                        Tom(ref visitor, offset, llc);
                    else if (llc - offset < -1)
                        Fail(malformed: true);
                    else
                        HandOff(offset, llc - offset, BySapi());
                    return;
                case GprsLlcFormat.Supervisory:
                    if (tom)
                        Tom(ref visitor, offset, llc);
                    else if (llc > offset)
                        HandOff(offset, llc - offset, BySapi());
                    return;
                case GprsLlcFormat.UnconfirmedInformation:
                    if (llc - offset < -1)
                        Fail(malformed: true);
                    else if ((Summary.Epm & 2) != 0)
                        HandOff(offset, llc - offset, GprsLlcHandoff.Data);
                    else if (tom)
                        Tom(ref visitor, offset, llc);
                    else if (llc > offset)
                        HandOff(offset, llc - offset, BySapi());
                    return;
                default:
                    switch (Summary.Control & 0x0F)
                    {
                        case 0x1 or 0x4 or 0x0:
                            if (llc - 2 < -1)
                                Fail(malformed: true);
                            else if (llc - 2 < 0 || Has(2, llc - 2))
                                Summary.NoInformationField = true;
                            return;
                        case 0x6 or 0x7 or 0xB:
                            if (llc - 2 < -1)
                                Fail(malformed: true);
                            else
                                Xid(ref visitor, 2, llc - 2 == -1 ? _reported : llc);
                            return;
                        case 0x8:
                            if (llc - 2 < -1)
                                Fail(malformed: true);
                            else
                                Frmr(ref visitor, 2);
                            return;
                        default:
                            return;
                    }
            }
        }

        private readonly GprsLlcHandoff BySapi() => Summary.Sapi switch
        {
            3 or 5 or 9 or 11 => GprsLlcHandoff.Sndcp,
            1 or 7 => GprsLlcHandoff.Dtap,
            _ => GprsLlcHandoff.Data,
        };

        /// <summary>An information field handed on: <paramref name="length"/> -1 is tshark's "to the end of the frame".</summary>
        private void HandOff(int at, int length, GprsLlcHandoff handoff)
        {
            Summary.Handoff = handoff;
            Summary.PayloadAt = at;
            Summary.PayloadLength = length == -1 ? _reported - at : length;
        }

        private void Tom(ref T visitor, int offset, int llc)
        {
            if (!Has(offset, 1))
                return;
            byte head = _frame[offset];
            if (llc - offset < -1)
            {
                Fail(malformed: true);
                return;
            }
            if (llc - offset >= 0 && !Has(offset, llc - offset))
                return;
            int remaining = head >> 4;
            Emit(ref visitor, GprsLlcValue.TomLength, offset, 1, (ulong)remaining);
            Emit(ref visitor, GprsLlcValue.TomDiscriminator, offset, 1, (ulong)(head & 0x0F));
            offset++;
            if (remaining == 0x0F)
                return;
            for (int i = 0; i < remaining; i++, offset++)
            {
                if (!Has(offset, 1))
                    return;
                Emit(ref visitor, GprsLlcValue.TomHeader, offset, 1, _frame[offset]);
            }
            // tshark keeps the capsule's length in a byte.
            int capsule = (byte)(llc - offset);
            for (int i = 0; i < capsule; i++, offset++)
            {
                if (!Has(offset, 1))
                    return;
                Emit(ref visitor, GprsLlcValue.TomData, offset, 1, _frame[offset]);
            }
        }

        /// <summary>The XID parameters from <paramref name="start"/> to <paramref name="end"/> (the information field tshark cut for them).</summary>
        private void Xid(ref T visitor, int start, int end)
        {
            if (!Has(start, end - start, end))
                return;
            int at = start;
            while (at < end)
            {
                if (!Has(at, 1, end))
                    return;
                byte first = _frame[at];
                bool extended = (first & 0x80) != 0;
                byte second = 0;
                int length;
                if (extended)
                {
                    if (!Has(at + 1, 1, end))
                        return;
                    second = _frame[at + 1];
                    length = ((first & 0x03) << 6) | ((second & 0xFC) >> 2);
                }
                else
                    length = first & 0x03;
                int itemLength = length + (extended ? 2 : 1);
                int type = (first & 0x7C) >> 2;
                if (type != 0xB && length is > 0 and <= 4 && !Has(at + 1, length, end))
                    return;
                if (!Has(at, itemLength, end))
                    return;
                Emit(ref visitor, GprsLlcValue.XidXl, at, 1, (ulong)(first >> 7));
                Emit(ref visitor, GprsLlcValue.XidType, at, 1, (ulong)type);
                Emit(ref visitor, GprsLlcValue.XidLength, at, 1, (ulong)(first & 0x03));
                if (extended)
                {
                    int secondAt = type == 0xB ? at + 1 : at;
                    Emit(ref visitor, GprsLlcValue.XidLengthContinued, secondAt, 1, (ulong)((second & 0xFC) >> 2));
                    Emit(ref visitor, GprsLlcValue.XidSpare, secondAt, 1, (ulong)(second & 0x03));
                }
                if (type == 0xB)
                {
                    if (length > 0)
                        Summary.SndcpXid = true;
                    at += itemLength;
                    continue;
                }
                at += extended ? 2 : 1;
                for (int i = 0; i < length; i++, at++)
                {
                    if (!Has(at, 1, end))
                        return;
                    Emit(ref visitor, GprsLlcValue.XidByte, at, 1, _frame[at]);
                }
            }
        }

        private void Frmr(ref T visitor, int at)
        {
            if (!Has(at, Summary.DataLength - at) || !Has(at, 6))
                return;
            for (int i = 0; i < 3; i++, at += 2)
            {
                if (!Has(at, 2))
                    return;
                Emit(ref visitor, GprsLlcValue.FrmrControl, at, 2, BinaryPrimitives.ReadUInt16BigEndian(_frame[at..]));
            }
            if (!Has(at, 4))
                return;
            uint v = BinaryPrimitives.ReadUInt32BigEndian(_frame[at..]);
            Emit(ref visitor, GprsLlcValue.FrmrSpare, at, 4, (v & 0xF00400F0) >> 4);
            Emit(ref visitor, GprsLlcValue.FrmrVs, at, 2, (v & 0x0FF80000) >> 19);
            Emit(ref visitor, GprsLlcValue.FrmrVr, at + 1, 2, (v & 0x0003FE00) >> 9);
            Emit(ref visitor, GprsLlcValue.FrmrCr, at + 2, 1, (v & 0x100) >> 8);
            Emit(ref visitor, GprsLlcValue.FrmrW4, at + 3, 1, (v & 8) >> 3);
            Emit(ref visitor, GprsLlcValue.FrmrW3, at + 3, 1, (v & 4) >> 2);
            Emit(ref visitor, GprsLlcValue.FrmrW2, at + 3, 1, (v & 2) >> 1);
            Emit(ref visitor, GprsLlcValue.FrmrW1, at + 3, 1, v & 1);
        }
    }
}
