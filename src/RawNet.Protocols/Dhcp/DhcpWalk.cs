using System.Buffers.Binary;

namespace RawNet.Protocols.Dhcp;

/// <summary>Which value of a DHCP message an item of <see cref="DhcpWalk"/> is (one per field of <see cref="DhcpFields"/>).</summary>
public enum DhcpValue : byte
{
    Type, HardwareType, HardwareLength, Hops, TransactionId, Seconds, Flags, Broadcast, ReservedFlags, ClientIp, YourIp,
    ServerIp, RelayIp, HardwareAddress, MacAddress, AddressPadding, ServerName, File, Bootp, Cookie, VendorOptions,
    OptionType, OptionLength, OptionValue, Padding, End, MessageType, SubnetMask, Router, DomainNameServer, HostName,
    DomainName, BroadcastAddress, RequestedIp, LeaseTime, ServerId, RequestListItem, Message, VendorClass, RenewalTime,
    RebindingTime,
}

/// <summary>How a walk over a DHCP message ended.</summary>
public enum DhcpWalkStatus : byte
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

/// <summary>Receives the items of a DHCP message in tshark's order.</summary>
public interface IDhcpVisitor
{
    /// <summary>One item: its value's offset and length in the message and its number; false stops the walk.</summary>
    bool Item(DhcpValue which, int offset, int length, ulong number);
}

/// <summary>
/// Walks a DHCP message as tshark 4.0's dissect_dhcp adds its items: the first pass over the options (<see cref="DhcpScan"/>)
/// must succeed for any item to show; then the fixed fields, the cookie or the vendor area, and each option as its type,
/// length, value and the option's own fields, until the End option; then the padding after it. Each item whose bytes the
/// capture did not keep ends the walk there, as tshark's exception does. Bounded by the message's length.
/// </summary>
public static class DhcpWalk
{
    /// <summary>
    /// Visits the items of <paramref name="message"/> (captured bytes) of <paramref name="reported"/> bytes; returns how it
    /// ended and, in <paramref name="stopOffset"/>, where a read failed.
    /// </summary>
    public static DhcpWalkStatus Run<TVisitor>(ReadOnlySpan<byte> message, int reported, ref TVisitor visitor, out int stopOffset)
        where TVisitor : struct, IDhcpVisitor
    {
        var walker = new Walker<TVisitor>(message, reported);
        walker.Walk(ref visitor);
        stopOffset = walker.StopOffset;
        return walker.Status;
    }

    /// <summary>The status a walk of <paramref name="message"/> ends with (no items kept).</summary>
    public static DhcpWalkStatus StatusOf(ReadOnlySpan<byte> message, int reported, out int stopOffset)
    {
        var none = new NoVisitor();
        return Run(message, reported, ref none, out stopOffset);
    }

    private struct NoVisitor : IDhcpVisitor
    {
        public readonly bool Item(DhcpValue which, int offset, int length, ulong number) => true;
    }

    private ref struct Walker<TVisitor>(ReadOnlySpan<byte> message, int reported) where TVisitor : struct, IDhcpVisitor
    {
        private readonly ReadOnlySpan<byte> _m = message;
        private readonly int _reported = reported;
        public DhcpWalkStatus Status;
        public int StopOffset = -1;

        /// <summary>True when bytes [offset, offset + length) were captured; else records tshark's exception.</summary>
        private bool Need(int offset, int length)
        {
            if (offset + length <= _m.Length)
                return true;
            Fail(offset + length > _reported ? DhcpWalkStatus.Malformed : DhcpWalkStatus.Truncated, offset);
            return false;
        }

        private void Fail(DhcpWalkStatus status, int offset)
        {
            Status = status;
            StopOffset = offset;
        }

        /// <summary>Adds an item whose bytes must be there; false ends the walk.</summary>
        private bool Add(ref TVisitor visitor, DhcpValue which, int offset, int length, ulong number)
        {
            if (!Need(offset, length))
                return false;
            if (visitor.Item(which, offset, length, number))
                return true;
            Status = DhcpWalkStatus.Stopped;
            return false;
        }

        private bool Byte(ref TVisitor visitor, DhcpValue which, int offset) => Add(ref visitor, which, offset, 1, _m.Length > offset ? _m[offset] : 0UL);

        private bool Word(ref TVisitor visitor, DhcpValue which, int offset) =>
            Add(ref visitor, which, offset, 2, _m.Length >= offset + 2 ? BinaryPrimitives.ReadUInt16BigEndian(_m[offset..]) : 0UL);

        private bool Long(ref TVisitor visitor, DhcpValue which, int offset) =>
            Add(ref visitor, which, offset, 4, _m.Length >= offset + 4 ? BinaryPrimitives.ReadUInt32BigEndian(_m[offset..]) : 0UL);

        /// <summary>A NUL-terminated or fixed string: the item covers the bytes before the first zero.</summary>
        private bool Text(ref TVisitor visitor, DhcpValue which, int offset, int length)
        {
            if (!Need(offset, length))
                return false;
            int nul = _m.Slice(offset, length).IndexOf((byte)0);
            return Add(ref visitor, which, offset, nul < 0 ? length : nul, 0);
        }

        public void Walk(ref TVisitor visitor)
        {
            var scan = DhcpScan.Of(_m, _reported);
            if (!scan.Completed)
            {
                Fail(scan.FailedAt >= _reported ? DhcpWalkStatus.Malformed : DhcpWalkStatus.Truncated, scan.FailedAt);
                return;
            }
            byte hardwareType = _m[DhcpMessage.Field.HardwareType], hardwareLength = _m[DhcpMessage.Field.HardwareLength];
            if (!Byte(ref visitor, DhcpValue.Type, DhcpMessage.Field.Op) || !Byte(ref visitor, DhcpValue.HardwareType, DhcpMessage.Field.HardwareType)
                || !Byte(ref visitor, DhcpValue.HardwareLength, DhcpMessage.Field.HardwareLength) || !Byte(ref visitor, DhcpValue.Hops, DhcpMessage.Field.Hops)
                || !Long(ref visitor, DhcpValue.TransactionId, DhcpMessage.Field.TransactionId))
                return;
            // Windows sends the seconds little-endian; tshark shows them so when that reads 1 to 255.
            if (!Need(DhcpMessage.Field.Seconds, 2))
                return;
            ushort little = BinaryPrimitives.ReadUInt16LittleEndian(_m[DhcpMessage.Field.Seconds..]);
            if (!Add(ref visitor, DhcpValue.Seconds, DhcpMessage.Field.Seconds, 2, little is > 0 and <= 0xff ? little : BinaryPrimitives.ReadUInt16BigEndian(_m[DhcpMessage.Field.Seconds..])))
                return;
            if (!Need(DhcpMessage.Field.Flags, 2))
                return;
            ushort flags = BinaryPrimitives.ReadUInt16BigEndian(_m[DhcpMessage.Field.Flags..]);
            if (!Add(ref visitor, DhcpValue.Flags, DhcpMessage.Field.Flags, 2, flags)
                || !Add(ref visitor, DhcpValue.Broadcast, DhcpMessage.Field.Flags, 2, (flags & DhcpMessage.BroadcastFlag) != 0 ? 1UL : 0UL)
                || !Add(ref visitor, DhcpValue.ReservedFlags, DhcpMessage.Field.Flags, 2, (ulong)(flags & DhcpMessage.ReservedFlags))
                || !Add(ref visitor, DhcpValue.ClientIp, DhcpMessage.Field.ClientIp, 4, 0) || !Add(ref visitor, DhcpValue.YourIp, DhcpMessage.Field.YourIp, 4, 0)
                || !Add(ref visitor, DhcpValue.ServerIp, DhcpMessage.Field.ServerIp, 4, 0) || !Add(ref visitor, DhcpValue.RelayIp, DhcpMessage.Field.RelayIp, 4, 0))
                return;
            if (hardwareLength is > 0 and <= DhcpMessage.ClientHardwareLength)
            {
                bool added = DhcpMessage.IsMacAddress(hardwareType, hardwareLength)
                    ? Add(ref visitor, DhcpValue.MacAddress, DhcpMessage.Field.ClientHardware, 6, 0)
                    : Add(ref visitor, DhcpValue.HardwareAddress, DhcpMessage.Field.ClientHardware, DhcpMessage.ClientHardwareLength, hardwareLength);
                if (!added || hardwareLength < DhcpMessage.ClientHardwareLength
                    && !Add(ref visitor, DhcpValue.AddressPadding, DhcpMessage.Field.ClientHardware + hardwareLength, DhcpMessage.ClientHardwareLength - hardwareLength, 0))
                    return;
            }
            if ((scan.Overload & DhcpMessage.OverloadServerName) == 0
                && (!Need(DhcpMessage.Field.ServerName, 1) || !Text(ref visitor, DhcpValue.ServerName, DhcpMessage.Field.ServerName, DhcpMessage.ServerNameLength)))
                return;
            if ((scan.Overload & DhcpMessage.OverloadFile) == 0
                && (!Need(DhcpMessage.Field.File, 1) || !Text(ref visitor, DhcpValue.File, DhcpMessage.Field.File, DhcpMessage.FileLength)))
                return;
            if (!scan.IsDhcp && !Add(ref visitor, DhcpValue.Bootp, 0, 0, 1))
                return;
            int at;
            if (DhcpMessage.HasCookie(_m))
            {
                if (!Add(ref visitor, DhcpValue.Cookie, DhcpMessage.Field.Vendor, DhcpMessage.CookieLength, DhcpMessage.MagicCookie))
                    return;
                at = DhcpMessage.Field.Vendor + DhcpMessage.CookieLength;
            }
            else
            {
                if (!Add(ref visitor, DhcpValue.VendorOptions, DhcpMessage.Field.Vendor, DhcpMessage.VendorAreaLength, 0))
                    return;
                at = DhcpMessage.Field.Vendor + DhcpMessage.VendorAreaLength;
            }
            bool atEnd = false;
            while (at < _reported && !atEnd)
            {
                if (!Need(at, 1))
                    return;
                byte code = _m[at];
                if (code == DhcpMessage.Option.Pad)
                {
                    int run = at + 1;
                    for (; run < _reported; run++)
                    {
                        if (!Need(run, 1))
                            return;
                        if (_m[run] != 0)
                            break;
                    }
                    if (!Add(ref visitor, DhcpValue.OptionType, at, 1, 0) || !Add(ref visitor, DhcpValue.Padding, at, run - at, 0))
                        return;
                    at = run;
                    continue;
                }
                if (code == DhcpMessage.Option.End)
                {
                    if (!Add(ref visitor, DhcpValue.OptionType, at, 1, 0) || !Add(ref visitor, DhcpValue.End, at, 1, code))
                        return;
                    atEnd = true;
                    at++;
                    continue;
                }
                if (!Need(at + 1, 1))
                    return;
                int length = _m[at + 1];
                // The option's item spans all it claims, which tshark does not check; its value's item does.
                if (!Add(ref visitor, DhcpValue.OptionType, at, 1, code) || !Byte(ref visitor, DhcpValue.OptionLength, at + 1)
                    || !Add(ref visitor, DhcpValue.OptionValue, at + 2, length, 0) || !Option(ref visitor, code, at + 2, length))
                    return;
                at += length + 2;
            }
            if (at < _reported && !Add(ref visitor, DhcpValue.Padding, at, _reported - at, 0))
                return;
        }

        /// <summary>The fields of an option tshark names, from its value of <paramref name="length"/> bytes (all captured).</summary>
        private bool Option(ref TVisitor visitor, byte code, int value, int length)
        {
            switch (code)
            {
                case 1: return Address(ref visitor, DhcpValue.SubnetMask, value, length);
                case 3: return Addresses(ref visitor, DhcpValue.Router, value, length);
                case 6: return Addresses(ref visitor, DhcpValue.DomainNameServer, value, length);
                case 12: return Text(ref visitor, DhcpValue.HostName, value, length);
                case 15: return Text(ref visitor, DhcpValue.DomainName, value, length);
                case 28: return Address(ref visitor, DhcpValue.BroadcastAddress, value, length);
                case 50: return Address(ref visitor, DhcpValue.RequestedIp, value, length);
                case 51: return Seconds(ref visitor, DhcpValue.LeaseTime, value, length);
                case 53:
                    // Read from the option's own bytes: an empty one throws (malformed: past the option's end).
                    if (length == 0)
                    {
                        Fail(DhcpWalkStatus.Malformed, value);
                        return false;
                    }
                    return Byte(ref visitor, DhcpValue.MessageType, value);
                case 54: return Address(ref visitor, DhcpValue.ServerId, value, length);
                case 55:
                    for (int i = 0; i < length; i++)
                    {
                        if (!Byte(ref visitor, DhcpValue.RequestListItem, value + i))
                            return false;
                    }
                    return true;
                case 56: return Text(ref visitor, DhcpValue.Message, value, length);
                case 58: return Seconds(ref visitor, DhcpValue.RenewalTime, value, length);
                case 59: return Seconds(ref visitor, DhcpValue.RebindingTime, value, length);
                case 60: return Text(ref visitor, DhcpValue.VendorClass, value, length);
                case 61:
                    // An Ethernet client identifier shows as the header's hardware type and MAC address.
                    if (length == 7 && _m[value] == 1)
                        return Byte(ref visitor, DhcpValue.HardwareType, value) && Add(ref visitor, DhcpValue.MacAddress, value + 1, 6, 0);
                    return true;
                default: return true;
            }
        }

        private bool Address(ref TVisitor visitor, DhcpValue which, int value, int length) =>
            length != 4 || Add(ref visitor, which, value, 4, 0);

        private bool Addresses(ref TVisitor visitor, DhcpValue which, int value, int length)
        {
            for (int i = 0; i + 4 <= length; i += 4)
            {
                if (!Add(ref visitor, which, value + i, 4, 0))
                    return false;
            }
            return true;
        }

        private bool Seconds(ref TVisitor visitor, DhcpValue which, int value, int length) =>
            length != 4 || Long(ref visitor, which, value);
    }
}
