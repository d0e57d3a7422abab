using System.Buffers.Binary;

namespace RawNet.Protocols.Ntp;

/// <summary>The UDP port of NTP (RFC 5905).</summary>
public static class NtpPorts
{
    public const ushort Ntp = 123;
}

/// <summary>Which value of an NTP message an item of <see cref="NtpWalk"/> is (one per field of <see cref="NtpFields"/>).</summary>
public enum NtpValue : byte
{
    Flags, Leap, Version, Mode, Stratum, Poll, Precision, RootDelay, RootDispersion, ReferenceId, ReferenceTime, OriginTime,
    ReceiveTime, TransmitTime, Extension, ExtensionType, ExtensionLength, ExtensionValue, KeyId, Mac,
    ControlFlags2, ControlResponse, ControlError, ControlMore, ControlOpcode, ControlSequence, ControlStatus, ControlAssociation,
    ControlOffset, ControlCount, PrivateResponse, PrivateMore, PrivateAuthSequence, PrivateAuth, PrivateSequence,
    PrivateImplementation, PrivateRequestCode, ControlData, ControlItem, Padding, KeyIndex, KeySignature, PrivateItemCount,
    PrivateItemSize, PrivateTimestamp,
}

/// <summary>How a walk over an NTP message ended.</summary>
public enum NtpWalkStatus : byte
{
    /// <summary>Every item was read.</summary>
    Complete,
    /// <summary>A read ran past the bytes the capture kept (tshark: size limited).</summary>
    Truncated,
    /// <summary>A read ran past the datagram's end (tshark: malformed).</summary>
    Malformed,
    /// <summary>The visitor asked to stop.</summary>
    Stopped,
}

/// <summary>Receives the items of an NTP message in tshark's order.</summary>
public interface INtpVisitor
{
    /// <summary>One item: its bytes' offset and length in the message and its number; false stops the walk.</summary>
    bool Item(NtpValue which, int offset, int length, ulong number);
}

/// <summary>
/// An NTP message (RFC 5905) as tshark 4.0's ntp dissector reads it. Modes 0 to 5 carry the time header, then extension
/// fields and a MAC; mode 6 is a control message (RFC 1305 appendix B), mode 7 ntpd's private one.
/// <code>
///  0  LI VN Mode | Stratum | Poll | Precision
///  4  Root Delay (16.16)
///  8  Root Dispersion (16.16)
/// 12  Reference ID
/// 16  Reference Timestamp (32.32 since 1900)
/// 24  Origin Timestamp
/// 32  Receive Timestamp
/// 40  Transmit Timestamp
/// 48  extension fields (type, length, value) ..., key ID, digest
/// </code>
/// </summary>
public static class NtpMessage
{
    /// <summary>Offsets of the time header.</summary>
    public static class Field
    {
        public const int Flags = 0;
        public const int Stratum = 1;
        public const int Poll = 2;
        public const int Precision = 3;
        public const int RootDelay = 4;
        public const int RootDispersion = 8;
        public const int ReferenceId = 12;
        public const int ReferenceTime = 16;
        public const int OriginTime = 24;
        public const int ReceiveTime = 32;
        public const int TransmitTime = 40;
        public const int Extensions = 48;
    }

    public const byte LeapMask = 0xc0;
    public const byte VersionMask = 0x38;
    public const byte ModeMask = 0x07;
    public const byte ModeControl = 6;
    public const byte ModePrivate = 7;

    /// <summary>The version of the first byte.</summary>
    public static int VersionOf(byte flags) => (flags & VersionMask) >> 3;

    /// <summary>The mode of the first byte.</summary>
    public static int ModeOf(byte flags) => flags & ModeMask;

    /// <summary>tshark's ver_nums: "NTP Version 1" to "NTP Version 4", else "reserved".</summary>
    public static string VersionName(int version) => version switch
    {
        1 => "NTP Version 1",
        2 => "NTP Version 2",
        3 => "NTP Version 3",
        4 => "NTP Version 4",
        _ => "reserved",
    };

    /// <summary>tshark's info_mode_types: the mode in the Info column and the protocol's heading.</summary>
    public static string ModeName(int mode) => mode switch
    {
        1 => "symmetric active",
        2 => "symmetric passive",
        3 => "client",
        4 => "server",
        5 => "broadcast",
        6 => "control",
        7 => "private",
        _ => "reserved",
    };

    /// <summary>tshark 4.0's names of ntpd's private request codes (mode 7), "Unknown" for the others.</summary>
    public static string PrivateRequestName(byte code) => code < PrivateRequestNames.Length ? PrivateRequestNames[code] : "Unknown";

    private static readonly string[] PrivateRequestNames =
    [
        "PEER_LIST", "PEER_LIST_SUM", "PEER_INFO", "PEER_STATS", "SYS_INFO", "SYS_STATS", "IO_STATS", "MEM_STATS", "LOOP_INFO",
        "TIMER_STATS", "CONFIG", "UNCONFIG", "SET_SYS_FLAG", "CLR_SYS_FLAG", "MONITOR", "NOMONITOR", "GET_RESTRICT", "RESADDFLAGS",
        "RESSUBFLAGS", "UNRESTRICT", "MON_GETLIST", "RESET_STATS", "RESET_PEER", "REREAD_KEYS", "DO_DIRTY_HACK", "DONT_DIRTY_HACK",
        "TRUSTKEY", "UNTRUSTKEY", "AUTHINFO", "TRAPS", "ADD_TRAP", "CLR_TRAP", "REQUEST_KEY", "CONTROL_KEY", "GET_CTLSTATS",
        "GET_LEAPINFO", "GET_CLOCKINFO", "SET_CLKFUDGE", "GET_KERNEL", "GET_CLKBUGINFO", "Unknown", "SET_PRECISION", "MON_GETLIST_1",
        "HOSTNAME_ASSOCID", "IF_STATS", "IF_RELOAD",
    ];

    /// <summary>The seconds since 1970 and nanoseconds tshark 4.0 makes of a 64-bit NTP timestamp (ENC_TIME_NTP).</summary>
    /// <remarks>
    /// Seconds with the top bit set count from 1900 (1968 to 2036), the others from 2036 (RFC 4330's eras); a timestamp
    /// whose seconds are 0 and whose fraction rounds to no nanosecond is tshark's "NULL" (0, 0).
    /// </remarks>
    public static (long Seconds, int Nanoseconds) TimeOf(ulong timestamp)
    {
        uint seconds = (uint)(timestamp >> 32), fraction = (uint)timestamp;
        int nanoseconds = (int)(1000000000 * (fraction / 4294967296.0));
        if (seconds == 0 && nanoseconds == 0)
            return (0, 0);
        const long From1900To1970 = 2208988800L, From1970To2036 = 2085978496L;
        return ((seconds & 0x80000000) != 0 ? seconds - From1900To1970 : seconds + From1970To2036, nanoseconds);
    }
}

/// <summary>
/// Walks an NTP message as tshark 4.0's dissect_ntp adds its items: the flags and, by mode, the time header with its
/// extension fields and MAC, the control header, or the private header. An item whose bytes the capture did not keep
/// ends the walk there, as tshark's exception does. Bounded by the message's length.
/// </summary>
public static class NtpWalk
{
    /// <summary>
    /// Visits the items of <paramref name="message"/> (captured bytes) of <paramref name="reported"/> bytes; returns how it
    /// ended and, in <paramref name="stopOffset"/>, where a read failed.
    /// </summary>
    public static NtpWalkStatus Run<TVisitor>(ReadOnlySpan<byte> message, int reported, ref TVisitor visitor, out int stopOffset)
        where TVisitor : struct, INtpVisitor
    {
        var walker = new Walker<TVisitor>(message, reported);
        walker.Walk(ref visitor);
        stopOffset = walker.StopOffset;
        return walker.Status;
    }

    /// <summary>The status a walk of <paramref name="message"/> ends with (no items kept).</summary>
    public static NtpWalkStatus StatusOf(ReadOnlySpan<byte> message, int reported, out int stopOffset)
    {
        var none = new NoVisitor();
        return Run(message, reported, ref none, out stopOffset);
    }

    private struct NoVisitor : INtpVisitor
    {
        public readonly bool Item(NtpValue which, int offset, int length, ulong number) => true;
    }

    private ref struct Walker<TVisitor>(ReadOnlySpan<byte> message, int reported) where TVisitor : struct, INtpVisitor
    {
        private readonly ReadOnlySpan<byte> _m = message;
        private readonly int _reported = Math.Max(reported, message.Length);
        public NtpWalkStatus Status;
        public int StopOffset = -1;

        /// <summary>True when bytes [offset, offset + length) were captured; else records tshark's exception.</summary>
        private bool Need(int offset, int length)
        {
            if (offset + length <= _m.Length)
                return true;
            Status = offset + length > _reported ? NtpWalkStatus.Malformed : NtpWalkStatus.Truncated;
            StopOffset = Math.Min(offset, _m.Length);
            return false;
        }

        private bool Add(ref TVisitor visitor, NtpValue which, int offset, int length, ulong number)
        {
            if (visitor.Item(which, offset, length, number))
                return true;
            Status = NtpWalkStatus.Stopped;
            return false;
        }

        /// <summary>A big-endian number of 1, 2, 4 or 8 bytes as one item, when captured.</summary>
        private bool Number(ref TVisitor visitor, NtpValue which, int offset, int length)
        {
            if (!Need(offset, length))
                return false;
            var bytes = _m.Slice(offset, length);
            ulong number = length switch
            {
                1 => bytes[0],
                2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
                4 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
                _ => BinaryPrimitives.ReadUInt64BigEndian(bytes),
            };
            return Add(ref visitor, which, offset, length, number);
        }

        public void Walk(ref TVisitor visitor)
        {
            if (!Need(0, 1))
                return;
            byte flags = _m[0];
            int mode = NtpMessage.ModeOf(flags);
            if (!Add(ref visitor, NtpValue.Flags, 0, 1, flags))
                return;
            if (mode == NtpMessage.ModePrivate)
            {
                if (!Add(ref visitor, NtpValue.PrivateResponse, 0, 1, (ulong)(flags >> 7))
                    || !Add(ref visitor, NtpValue.PrivateMore, 0, 1, (ulong)((flags >> 6) & 1))
                    || !Add(ref visitor, NtpValue.Version, 0, 1, (ulong)NtpMessage.VersionOf(flags))
                    || !Add(ref visitor, NtpValue.Mode, 0, 1, (ulong)mode))
                    return;
                WalkPrivate(ref visitor);
                return;
            }
            if (!Add(ref visitor, NtpValue.Leap, 0, 1, (ulong)(flags >> 6))
                || !Add(ref visitor, NtpValue.Version, 0, 1, (ulong)NtpMessage.VersionOf(flags))
                || !Add(ref visitor, NtpValue.Mode, 0, 1, (ulong)mode))
                return;
            if (mode == NtpMessage.ModeControl)
                WalkControl(ref visitor);
            else
                WalkTime(ref visitor);
        }

        private void WalkTime(ref TVisitor visitor)
        {
            if (!Number(ref visitor, NtpValue.Stratum, NtpMessage.Field.Stratum, 1)
                || !Number(ref visitor, NtpValue.Poll, NtpMessage.Field.Poll, 1)
                || !Number(ref visitor, NtpValue.Precision, NtpMessage.Field.Precision, 1)
                || !Number(ref visitor, NtpValue.RootDelay, NtpMessage.Field.RootDelay, 4)
                || !Number(ref visitor, NtpValue.RootDispersion, NtpMessage.Field.RootDispersion, 4)
                || !Number(ref visitor, NtpValue.ReferenceId, NtpMessage.Field.ReferenceId, 4)
                || !Number(ref visitor, NtpValue.ReferenceTime, NtpMessage.Field.ReferenceTime, 8)
                || !Number(ref visitor, NtpValue.OriginTime, NtpMessage.Field.OriginTime, 8)
                || !Number(ref visitor, NtpValue.ReceiveTime, NtpMessage.Field.ReceiveTime, 8)
                || !Number(ref visitor, NtpValue.TransmitTime, NtpMessage.Field.TransmitTime, 8))
                return;
            // Where the extension fields end: tshark walks lengths of at least 16 that fit the datagram (as far as the
            // capture goes), then takes what follows as the MAC; one shorter than 20 bytes (other than a 4-byte crypto-NAK of zeros) gives the last
            // extension field back to the MAC.
            int end = NtpMessage.Field.Extensions, last = 0;
            while (_reported - end >= 16)
            {
                // tshark 4.0 ends this guess where the capture ends, without an exception.
                if (end + 4 > _m.Length)
                    break;
                int length = BinaryPrimitives.ReadUInt16BigEndian(_m[(end + 2)..]);
                if (length < 16 || _reported - end < length)
                    break;
                end += length;
                last = length;
            }
            int macLength = _reported - end;
            if (macLength == 0 || macLength == 4 && IsZero(end))
            {
            }
            else if (macLength < 20)
                end -= last;
            int at = NtpMessage.Field.Extensions;
            while (at < end)
            {
                if (!Need(at + 2, 2))
                    return;
                int length = BinaryPrimitives.ReadUInt16BigEndian(_m[(at + 2)..]);
                // The extension's own item (FT_NONE) is added whatever the capture kept; its fields are read.
                if (!Add(ref visitor, NtpValue.Extension, at, length, 0)
                    || !Number(ref visitor, NtpValue.ExtensionType, at, 2)
                    || !Number(ref visitor, NtpValue.ExtensionLength, at + 2, 2))
                    return;
                if (length < 8 || length % 4 != 0)
                {
                    // tshark's expert item, and its walk goes on from the datagram's end: nothing more.
                    return;
                }
                if (!Need(at + 4, length - 4) || !Add(ref visitor, NtpValue.ExtensionValue, at + 4, length - 4, 0))
                    return;
                at += length;
            }
            if (_reported - at >= 4)
            {
                if (!Need(at, 4) || !Add(ref visitor, NtpValue.KeyId, at, 4, 0))
                    return;
            }
            at += 4;
            if (_reported - at > 0)
            {
                if (!Need(at, _reported - at))
                    return;
                Add(ref visitor, NtpValue.Mac, at, _reported - at, 0);
            }
        }

        /// <summary>Whether the 4 bytes at <paramref name="offset"/> are zero; a read past the capture is tshark's exception (not zero).</summary>
        private bool IsZero(int offset)
        {
            if (!Need(offset, 4))
                return false;
            return BinaryPrimitives.ReadUInt32BigEndian(_m[offset..]) == 0;
        }

        private void WalkControl(ref TVisitor visitor)
        {
            if (!Need(1, 1))
                return;
            byte flags2 = _m[1];
            if (!Add(ref visitor, NtpValue.ControlFlags2, 1, 1, flags2)
                || !Add(ref visitor, NtpValue.ControlResponse, 1, 1, (ulong)(flags2 >> 7))
                || !Add(ref visitor, NtpValue.ControlError, 1, 1, (ulong)((flags2 >> 6) & 1))
                || !Add(ref visitor, NtpValue.ControlMore, 1, 1, (ulong)((flags2 >> 5) & 1))
                || !Add(ref visitor, NtpValue.ControlOpcode, 1, 1, (ulong)(flags2 & 0x1f))
                || !Number(ref visitor, NtpValue.ControlSequence, 2, 2)
                || !Need(6, 2)
                || !Number(ref visitor, NtpValue.ControlStatus, 4, 2)
                || !Number(ref visitor, NtpValue.ControlAssociation, 6, 2)
                || !Number(ref visitor, NtpValue.ControlOffset, 8, 2)
                || !Number(ref visitor, NtpValue.ControlCount, 10, 2))
                return;
            int association = BinaryPrimitives.ReadUInt16BigEndian(_m[6..]);
            int count = BinaryPrimitives.ReadUInt16BigEndian(_m[10..]);
            int opcode = flags2 & 0x1f;
            bool authenticated = (flags2 & 0x80) == 0;
            const int Data = 12;
            if (count != 0)
            {
                if (!Add(ref visitor, NtpValue.ControlData, Data, count, 0))
                    return;
                switch (opcode)
                {
                    case 1 when association == 0:
                        // <association, status> pairs; tshark's 16-bit count wraps below 4 and reads on until an exception.
                        ushort left = (ushort)count;
                        for (int at = Data; left != 0; at += 4, left -= 4)
                        {
                            if (!Add(ref visitor, NtpValue.ControlItem, at, 4, 0)
                                || !Number(ref visitor, NtpValue.ControlAssociation, at, 2)
                                || !Number(ref visitor, NtpValue.ControlStatus, at + 2, 2))
                                return;
                        }
                        break;
                    case >= 1 and <= 5 or 7:
                        if (!Need(Data, count))
                            return;
                        break;
                    case >= 8 and <= 12:
                        if (!Need(Data, count))
                            return;
                        authenticated = true;
                        break;
                }
            }
            if (!authenticated)
                return;
            // Requests (and the text messages) may end in padding to 8 bytes and an MD5 or SHA-1 authenticator.
            int offset = Data + count, remaining = _reported - offset;
            int padding = (offset & 7) != 0 ? 8 - (offset & 7) : 0;
            if (remaining <= padding)
                return;
            if (padding != 0)
            {
                if (!Need(offset, padding) || !Add(ref visitor, NtpValue.Padding, offset, padding, 0))
                    return;
                offset += padding;
                remaining -= padding;
            }
            if (remaining is 20 or 24)
            {
                if (Number(ref visitor, NtpValue.KeyIndex, offset, 4) && Need(offset + 4, remaining - 4))
                    Add(ref visitor, NtpValue.KeySignature, offset + 4, remaining - 4, 0);
            }
        }

        private void WalkPrivate(ref TVisitor visitor)
        {
            if (!Need(1, 1))
                return;
            byte authSequence = _m[1];
            if (!Add(ref visitor, NtpValue.PrivateAuthSequence, 1, 1, authSequence)
                || !Add(ref visitor, NtpValue.PrivateAuth, 1, 1, (ulong)(authSequence >> 7))
                || !Add(ref visitor, NtpValue.PrivateSequence, 1, 1, (ulong)(authSequence & 0x7f))
                || !Number(ref visitor, NtpValue.PrivateImplementation, 2, 1)
                || !Number(ref visitor, NtpValue.PrivateRequestCode, 3, 1))
                return;
            const byte Xntpd = 3;
            if (_m[2] == Xntpd)
            {
                // The count and size of the data items; the items themselves (per request code) are not walked.
                if (!Need(4, 4)
                    || !Add(ref visitor, NtpValue.PrivateItemCount, 4, 2, (ulong)(BinaryPrimitives.ReadUInt16BigEndian(_m[4..]) & 0xfff)))
                    return;
                Add(ref visitor, NtpValue.PrivateItemSize, 6, 2, (ulong)(BinaryPrimitives.ReadUInt16BigEndian(_m[6..]) & 0xfff));
                return;
            }
            if ((authSequence & 0x80) == 0)
                return;
            // Other implementations' authenticated requests: a timestamp, key ID and MAC at fixed offsets.
            const int Timestamp = 184, Key = 192, Mac = 196;
            if (!Number(ref visitor, NtpValue.PrivateTimestamp, Timestamp, 8) || !Need(Key, 4) || !Add(ref visitor, NtpValue.KeyId, Key, 4, 0))
                return;
            if (_reported > Mac && Need(Mac, _reported - Mac))
                Add(ref visitor, NtpValue.Mac, Mac, _reported - Mac, 0);
        }
    }
}
