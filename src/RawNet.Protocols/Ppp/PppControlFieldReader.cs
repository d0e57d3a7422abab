using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;
using F = RawNet.Protocols.Ppp.PppControlPacket.Field;
using O = RawNet.Protocols.Ppp.PppControlOptions;

namespace RawNet.Protocols.Ppp;

/// <summary>
/// Reads the fields of <see cref="PppControlFields"/> (<see cref="ComputedField.PppControlProtocol"/>) as tshark 4.0 adds them: the
/// code's fields within the declared length (none when that length runs past the packet), each once its bytes were
/// captured, and the options, once all of them were captured, one occurrence per option that has the field.
/// </summary>
public static class PppControlFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed == ComputedField.PppControlProtocol;

    /// <summary>Reads occurrence <paramref name="occurrence"/> of <paramref name="field"/> from the control packet's captured bytes <paramref name="header"/>.</summary>
    public static bool TryRead(FieldDefinition field, in Layer layer, ReadOnlySpan<byte> header, int occurrence, out FieldValue value)
    {
        value = default;
        if (!PppControlFields.TryGetValue(field, out var which) || !HasBody(header, out var cp))
            return false;
        if (which < PppControlValue.OptionType)
        {
            if (occurrence != 0 || !LocateBody(which, cp.Code, cp.End, out int at, out int size) || at + size > header.Length)
                return false;
            value = Value(header, at, size, layer.Offset);
            return true;
        }
        // tshark checks that all the options were captured before it shows any.
        if (header.Length < cp.Length)
            return false;
        var protocol = PppControlFields.ProtocolOf(layer.Kind);
        var walker = new PppOptionWalker(header, protocol);
        int seen = 0;
        while (walker.MoveNext(out var option))
        {
            if (which == PppControlValue.OptionLengthInvalid)
            {
                if (option.State != PppOptionState.LengthInvalid || seen++ < occurrence)
                    continue;
                value = new FieldValue(0, layer.Offset + option.Offset, Math.Min(2, option.Bytes.Length));
                return true;
            }
            if (option.State != PppOptionState.Shown)
                continue;
            // An option may hold a field more than once (an endpoint discriminator's magic numbers).
            for (int k = 0; LocateOption(which, protocol, option, k, out int at, out int size); k++)
            {
                if (at + size > option.Length || at + size > option.Bytes.Length)
                    break;
                if (seen++ < occurrence)
                    continue;
                var (mask, shift) = BitsOf(which);
                value = mask != 0
                    ? new FieldValue((ulong)((option.Bytes[at] & mask) >> shift), layer.Offset + option.Offset + at, 1)
                    : Value(option.Bytes, at, size, layer.Offset + option.Offset);
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// True when tshark reads past the header: all four bytes of it are there (a declared length past the packet's end
    /// still shows the code's fixed fields that were captured, though no data nor option).
    /// </summary>
    private static bool HasBody(ReadOnlySpan<byte> header, out PppControlPacket cp) => PppControlPacket.TryRead(header, out cp);

    /// <summary>Where the code's own field <paramref name="which"/> is; a size of the rest of the packet for data.</summary>
    private static bool LocateBody(PppControlValue which, byte code, int length, out int at, out int size)
    {
        (at, size) = (which, (PppControlCode)code) switch
        {
            (PppControlValue.RejectedProtocol, PppControlCode.ProtocolReject) => (F.RejectedProtocol, 2),
            (PppControlValue.VendorMagicNumber, PppControlCode.VendorSpecific) => (F.MagicNumber, 4),
            (PppControlValue.VendorOui, PppControlCode.VendorSpecific) => (F.VendorOui, 3),
            (PppControlValue.VendorKind, PppControlCode.VendorSpecific) => (F.VendorKind, 1),
            (PppControlValue.Data, PppControlCode.VendorSpecific) => Rest(F.VendorData, length),
            (PppControlValue.MagicNumber, >= PppControlCode.EchoRequest and <= PppControlCode.TimeRemaining) => (F.MagicNumber, 4),
            (PppControlValue.EchoData, >= PppControlCode.EchoRequest and <= PppControlCode.DiscardRequest) => Rest(F.AfterMagic, length),
            (PppControlValue.Message, PppControlCode.Identification) => Rest(F.AfterMagic, length),
            (PppControlValue.SecondsRemaining, PppControlCode.TimeRemaining) => (F.AfterMagic, 4),
            (PppControlValue.Message, PppControlCode.TimeRemaining) => Rest(F.TimeRemainingMessage, length),
            (PppControlValue.Data, >= PppControlCode.TerminateRequest and <= PppControlCode.CodeReject or > PppControlCode.TimeRemaining)
                => Rest(F.Data, length),
            _ => (0, 0),
        };
        return size > 0 && at + size <= length;
    }

    /// <summary>
    /// Where the option field <paramref name="which"/> is in <paramref name="option"/>, from the option's start; a size
    /// of the rest of the option for data.
    /// </summary>
    private static bool LocateOption(PppControlValue which, PppProtocol protocol, in PppOption option, int k, out int at, out int size)
    {
        var b = option.Bytes;
        int n = option.Length;
        if (which == PppControlValue.OptionMagicNumber && protocol == PppProtocol.Lcp && option.Type == O.EndpointDiscriminator)
        {
            // A magic-number block (RFC 1990 5.1.3, class 4) shows each of its numbers.
            (at, size) = b.Length >= 3 && b[2] == MagicBlockClass && IsMagicBlock(n) && 3 + 4 * (k + 1) <= n ? (3 + 4 * k, 4) : (0, 0);
            return size > 0;
        }
        if (k > 0)
        {
            (at, size) = (0, 0);
            return false;
        }
        bool compression = protocol != PppProtocol.Lcp && option.Type == O.IpCompressionProtocol;
        (at, size) = which switch
        {
            PppControlValue.OptionType when !(compression && protocol == PppProtocol.Ipv6cp) => (0, 1),
            PppControlValue.OptionLength when !(compression && protocol == PppProtocol.Ipv6cp) => (1, 1),
            PppControlValue.CompressionOptionType when compression => (0, 1),
            PppControlValue.CompressionOptionLength when compression => (1, 1),
            _ when protocol == PppProtocol.Lcp => LcpOption(which, option.Type, b, n),
            _ when compression => CompressionOption(which, b, n),
            PppControlValue.SourceAddress when option.Type == O.IpAddresses && protocol == PppProtocol.Ipcp => (2, 4),
            PppControlValue.DestinationAddress when option.Type == O.IpAddresses && protocol == PppProtocol.Ipcp => (6, 4),
            PppControlValue.IpAddress when option.Type == O.IpAddress => (2, 4),
            PppControlValue.MobileHomeAddress when option.Type == O.MobileIpv4 => (2, 4),
            PppControlValue.PrimaryDns when option.Type == O.PrimaryDns => (2, 4),
            PppControlValue.PrimaryNbns when option.Type == O.PrimaryNbns => (2, 4),
            PppControlValue.SecondaryDns when option.Type == O.SecondaryDns => (2, 4),
            PppControlValue.SecondaryNbns when option.Type == O.SecondaryNbns => (2, 4),
            PppControlValue.InterfaceIdentifier when option.Type == O.InterfaceIdentifier && protocol == PppProtocol.Ipv6cp => (2, 8),
            _ => (0, 0),
        };
        return size > 0;
    }

    /// <summary>The mask and shift of a field that is bits of its byte (0 for a whole value).</summary>
    private static (int Mask, int Shift) BitsOf(PppControlValue which) => which switch
    {
        PppControlValue.CompSlotId or PppControlValue.FcsNull or PppControlValue.CobsZeroElimination => (0x01, 0),
        PppControlValue.FcsCcitt16 => (0x02, 1),
        PppControlValue.CobsPreemption => (0x02, 1),
        PppControlValue.FcsCcitt32 => (0x04, 2),
        PppControlValue.CobsReserved => (0xfc, 2),
        _ => (0, 0),
    };

    private static (int At, int Size) LcpOption(PppControlValue which, byte type, ReadOnlySpan<byte> b, int n) => (which, type) switch
    {
        (PppControlValue.FcsAlternatives or PppControlValue.FcsNull or PppControlValue.FcsCcitt16 or PppControlValue.FcsCcitt32,
            O.FcsAlternatives) => (2, 1),
        (PppControlValue.DceMode, O.DceIdentifier) => (2, 1),
        (PppControlValue.MultilinkPlusUnused, O.MultilinkPlusProcedure) => (2, 2),
        (PppControlValue.LinkDiscriminator, O.LinkDiscriminator) => (2, 2),
        (PppControlValue.CobsFlags or PppControlValue.CobsReserved or PppControlValue.CobsPreemption or PppControlValue.CobsZeroElimination,
            O.Cobs) => (2, 1),
        (PppControlValue.PrefixClass, O.PrefixElision) when n >= 4 => (2, 1),
        (PppControlValue.HeaderFormatCode, O.MultilinkHeaderFormat) => (2, 1),
        (PppControlValue.MaxSuspendableClasses, O.MultilinkHeaderFormat) => (3, 1),
        (PppControlValue.MibEnum, O.Internationalization) => (2, 4),
        (PppControlValue.LanguageTag, O.Internationalization) => Rest(6, n),
        (PppControlValue.OptionOui, O.VendorSpecific) => (2, 3),
        (PppControlValue.OptionKind, O.VendorSpecific) => (5, 1),
        (PppControlValue.OptionData, O.VendorSpecific) => Rest(6, n),
        (PppControlValue.Mru, O.MaximumReceiveUnit) => (2, 2),
        (PppControlValue.AsyncMap, O.AsyncMap) => (2, 4),
        (PppControlValue.AuthenticationProtocol, O.AuthenticationProtocol) => (2, 2),
        (PppControlValue.Algorithm, O.AuthenticationProtocol) when IsChap(b) => (4, 1),
        (PppControlValue.OptionData, O.AuthenticationProtocol) when b.Length >= 4 => Rest(IsChap(b) ? 5 : 4, n),
        (PppControlValue.QualityProtocol, O.QualityProtocol) => (2, 2),
        (PppControlValue.OptionMagicNumber, O.MagicNumber) => (2, 4),
        (PppControlValue.ReportingPeriod, O.LinkQualityMonitoring) => (2, 4),
        (PppControlValue.Maximum, O.SelfDescribingPad) => (2, 1),
        (PppControlValue.Window, O.NumberedMode) => (2, 1),
        (PppControlValue.HdlcAddress, O.NumberedMode) => Rest(3, n),
        (PppControlValue.CallbackOperation, O.Callback) => (2, 1),
        (PppControlValue.CallbackMessage, O.Callback) => Rest(3, n),
        (PppControlValue.Mrru, O.MultilinkMrru) => (2, 2),
        (PppControlValue.EndpointClass, O.EndpointDiscriminator) => (2, 1),
        (PppControlValue.AuthenticationId, O.AuthenticationOption) when b.Length >= 3 => (3, b[2]),
        (PppControlValue.OptionData, O.AuthenticationOption) when b.Length >= 3 => Rest(3 + b[2], n),
        (_, O.EndpointDiscriminator) when b.Length >= 3 => EndpointAddress(which, b[2], n),
        _ => (0, 0),
    };

    /// <summary>The endpoint discriminator's address (RFC 1990 5.1.3) by its class: IPv4, an IEEE 802.1 MAC of exactly 6 bytes, a magic-number block, a directory number, or data.</summary>
    private static (int At, int Size) EndpointAddress(PppControlValue which, byte endpointClass, int n) => (which, endpointClass) switch
    {
        (_, 0) => (0, 0),
        (PppControlValue.EndpointIpAddress, 2) when n - 3 >= 4 => (3, 4),
        (PppControlValue.EndpointMacAddress, 3) when n - 3 == 6 => (3, 6),
        (PppControlValue.EndpointMagicBlock, MagicBlockClass) when IsMagicBlock(n) => (3, Math.Min(n - 3, MaxMagicBlock)),
        (PppControlValue.OptionData, MagicBlockClass) when !IsMagicBlock(n) => Rest(3, n),
        (PppControlValue.EndpointDirectoryNumber, 5) => Rest(3, n),
        (PppControlValue.OptionData, 2) when n - 3 < 4 => Rest(3, n),
        (PppControlValue.OptionData, 3) when n - 3 != 6 => Rest(3, n),
        (PppControlValue.OptionData, 1 or > 5) => Rest(3, n),
        _ => (0, 0),
    };

    private const byte MagicBlockClass = 4;

    /// <summary>tshark shows at most this much of a magic-number block as such (RFC 1990: up to five numbers).</summary>
    private const int MaxMagicBlock = 20;

    /// <summary>A magic-number block is whole numbers of 4 bytes; tshark shows anything else as data.</summary>
    private static bool IsMagicBlock(int optionLength) => optionLength > 3 && (optionLength - 3) % 4 == 0;

    /// <summary>IPCP's IP compression option (RFC 1332 3.2, RFC 2509, RFC 3241): the protocol, then its parameters.</summary>
    private static (int At, int Size) CompressionOption(PppControlValue which, ReadOnlySpan<byte> b, int n)
    {
        if (which == PppControlValue.CompressionProtocol)
            return (2, 2);
        if (b.Length < 4)
            return (0, 0);
        return (which, BinaryPrimitives.ReadUInt16BigEndian(b[2..])) switch
        {
            (PppControlValue.MaxSlotId, O.VanJacobson) => (4, 1),
            (PppControlValue.CompSlotId, O.VanJacobson) => (5, 1),
            (PppControlValue.TcpSpace, O.Iphc) => (4, 2),
            (PppControlValue.NonTcpSpace, O.Iphc) => (6, 2),
            (PppControlValue.FMaxPeriod, O.Iphc) => (8, 2),
            (PppControlValue.FMaxTime, O.Iphc) => (10, 2),
            (PppControlValue.MaxHeader, O.Iphc) => (12, 2),
            (PppControlValue.MaxCid, O.Rohc) => (4, 2),
            (PppControlValue.RohcMrru, O.Rohc) => (6, 2),
            (PppControlValue.MaxHeader, O.Rohc) => (8, 2),
            (PppControlValue.CompressionData, not (O.VanJacobson or O.Iphc or O.Rohc)) => Rest(4, n),
            _ => (0, 0),
        };
    }

    private static bool IsChap(ReadOnlySpan<byte> option) => option.Length >= 4 && BinaryPrimitives.ReadUInt16BigEndian(option[2..]) == (ushort)PppProtocol.Chap;

    /// <summary>Data from <paramref name="at"/> to <paramref name="end"/>: none when nothing is left.</summary>
    private static (int At, int Size) Rest(int at, int end) => end > at ? (at, end - at) : (0, 0);

    private static FieldValue Value(ReadOnlySpan<byte> bytes, int at, int size, int offset)
    {
        ulong number = size switch
        {
            1 => bytes[at],
            2 => BinaryPrimitives.ReadUInt16BigEndian(bytes[at..]),
            3 => (ulong)bytes[at] << 16 | BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 1)..]),
            4 => BinaryPrimitives.ReadUInt32BigEndian(bytes[at..]),
            _ => 0,
        };
        return new FieldValue(number, offset + at, size);
    }
}
