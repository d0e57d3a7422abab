using System.Buffers.Binary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Tunnels;

namespace RawNet.Output.Summary;

// tcpdump's Geneve printer (print-geneve.c: geneve_print), on UDP port 6081.
public sealed partial class SummaryPrinter
{
    /// <summary>
    /// tcpdump's Geneve line: "Geneve, Flags [OC], vni 0x5", the reserved byte when set, the options (their length, with
    /// -v each option), then ": " (a new line and a tab with -v) and what the protocol type names; an unknown version
    /// stops at "ERROR: unknown-version n". <paramref name="length"/> is the UDP payload's length as the header says.
    /// </summary>
    private void AppendGeneve(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ReadOnlySpan<byte> bytes, int length)
    {
        var line = _line;
        line.Append("Geneve");
        if (length < GeneveHeader.FixedLength)
        {
            line.Append(" [length ");
            line.Append(length);
            line.Append(" < 8] (invalid)");
            return;
        }
        if (bytes.Length < GeneveHeader.FixedLength)
        {
            line.Append(" [|geneve]");
            return;
        }
        int version = GeneveHeader.Version(bytes[0]);
        if (version != GeneveHeader.KnownVersion)
        {
            line.Append(" ERROR: unknown-version ");
            line.Append(version);
            return;
        }
        byte flags = bytes[GeneveHeader.Field.Flags];
        line.Append(", Flags [");
        if (flags == 0)
            line.Append("none");
        if ((flags & GeneveHeader.OamFlag) != 0)
            line.Append('O');
        if ((flags & GeneveHeader.CriticalFlag) != 0)
            line.Append('C');
        for (int bit = 1; bit <= 6; bit++)
        {
            if ((flags & (0x40 >> bit)) == 0)
                continue;
            line.Append('R');
            line.Append(bit);
        }
        line.Append("], vni ");
        line.AppendHex(BinaryPrimitives.ReadUInt32BigEndian(bytes[GeneveHeader.Field.NetworkIdentifier..]) >> 8, 0);
        byte reserved = bytes[GeneveHeader.Field.Reserved];
        if (reserved != 0)
        {
            line.Append(", rsvd ");
            line.AppendHex(reserved, 0);
        }
        int options = GeneveHeader.OptionsLength(bytes[0]);
        int left = length - GeneveHeader.FixedLength;
        if (left < options)
        {
            line.Append(" truncated-geneve - ");
            line.Append(options - left);
            line.Append(" bytes missing");
            return;
        }
        if (bytes.Length < GeneveHeader.FixedLength + options)
        {
            line.Append(" [|geneve]");
            return;
        }
        if (options > 0)
        {
            line.Append(", options [");
            if (_verbose)
                AppendGeneveOptions(bytes.Slice(GeneveHeader.Field.Options, options));
            else
            {
                line.Append(options);
                line.Append(" bytes");
            }
            line.Append(']');
        }
        line.Append(_verbose ? "\n\t" : ": ");
        ushort protocol = BinaryPrimitives.ReadUInt16BigEndian(bytes[GeneveHeader.Field.Protocol..]);
        if (AppendTunnelledOrCut(packet, frame, index, protocol, bytes[(GeneveHeader.FixedLength + options)..], left - options))
            return;
        line.Append("geneve-proto-");
        line.AppendHex(protocol, 0);
    }

    /// <summary>
    /// <see cref="AppendTunnelled"/>, and for IPv4, IPv6 or Ethernet of which RawNet has no layer (the capture kept none of
    /// it) what ethertype_print says then, <paramref name="rest"/> being the bytes captured after the tunnel header; false
    /// for any other protocol, which the tunnel's printer words itself.
    /// </summary>
    private bool AppendTunnelledOrCut(DecodedPacket packet, ReadOnlySpan<byte> frame, int index, ushort protocol, ReadOnlySpan<byte> rest, int innerLength)
    {
        if (AppendTunnelled(packet, frame, index, protocol, innerLength))
            return true;
        switch ((EtherType)protocol)
        {
            case EtherType.Ipv4:
                AppendIpVersionProblem(rest);
                return true;
            case EtherType.Ipv6:
                _line.Append(" [|ip6]");
                return true;
            case EtherType.TransparentEthernetBridging:
                _line.Append(" [|ether]");
                return true;
            default:
                return false;
        }
    }

    /// <summary>tcpdump -v's option list: "class NAME (0x101) type 0x80(C) len 8" per option, " [bad length]" at one past the options.</summary>
    private void AppendGeneveOptions(ReadOnlySpan<byte> options)
    {
        var line = _line;
        int at = 0;
        // Every option takes at least 4 bytes: at most 63 of them.
        while (at < options.Length)
        {
            if (at > 0)
                line.Append(", ");
            ushort optionClass = BinaryPrimitives.ReadUInt16BigEndian(options[at..]);
            byte type = options[at + 2];
            int length = GeneveHeader.OptionHeaderLength + (options[at + 3] & 0x1F) * 4;
            line.Append("class ");
            line.Append(GeneveClassName(optionClass));
            line.Append(" (");
            line.AppendHex(optionClass, 0);
            line.Append(") type ");
            line.AppendHex(type, 0);
            if ((type & GeneveHeader.OptionCritical) != 0)
                line.Append("(C)");
            line.Append(" len ");
            line.Append(length);
            if (length > options.Length - at)
            {
                line.Append(" [bad length]");
                return;
            }
            at += length;
        }
    }

    /// <summary>tcpdump's names of Geneve option classes.</summary>
    private static string GeneveClassName(ushort optionClass) => optionClass switch
    {
        0x0100 => "Linux",
        0x0101 => "Open vSwitch",
        0x0102 => "Open Virtual Networking (OVN)",
        0x0103 => "In-band Network Telemetry (INT)",
        0x0104 => "VMware",
        <= 0x00FF => "Standard",
        >= 0xFFF0 => "Experimental",
        _ => "Unknown",
    };
}
