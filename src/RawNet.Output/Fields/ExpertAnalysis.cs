using RawNet.Output.Columns;
using RawNet.Output.Columns.Info;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Expert;

namespace RawNet.Output.Fields;

/// <summary>
/// Puts an <see cref="ExpertFinder"/> behind a conversation tracker for outputs that show the expert items' fields
/// (<see cref="ExpertFields"/>: <c>_ws.expert</c>, <c>_ws.malformed</c>), with tshark's tree built (as <c>-T fields</c>, <c>-V</c>
/// and display filters build it). A packet is malformed when its Info column ends as tshark's does after its malformed
/// exception ("[Malformed Packet]", or a contained item longer than its container), the one judgement RawNet makes of
/// that (<see cref="InfoColumn"/>); a packet only cut short by the capture ("[Packet size limited during capture]") is not,
/// and is kept as tshark's <c>_ws.short</c> instead (<see cref="PacketAnalysis.ShortIn"/>).
/// </summary>
public static class ExpertAnalysis
{
    /// <summary>Gives <paramref name="tracker"/> a finder when <paramref name="used"/> (and it has none yet).</summary>
    public static void AttachIf(bool used, ConversationTracker? tracker)
    {
        if (used && tracker is not null && tracker.Expert is null)
            tracker.Expert = CreateFinder();
    }

    /// <summary>A finder that judges malformed packets by their Info column.</summary>
    public static ExpertFinder CreateFinder() => new() { TreeBuilt = true, Exceptions = new InfoMarks().MalformedIn };

    /// <summary>tshark's short name of Ethernet, the protocol that reads a cut 802.3 frame's trailer.</summary>
    private const string EthernetName = "Ethernet";

    /// <summary>tshark's short name of DNS.</summary>
    private const string DnsName = "DNS";

    /// <summary>Reads the end of each packet's Info column into a line of its own, so judging allocates nothing.</summary>
    private sealed class InfoMarks
    {
        private readonly TextLine _line = new();

        private const string RedbackColumn = "RBN";

        public string? MalformedIn(DecodedPacket packet, ReadOnlySpan<byte> frame, out string? shortIn)
        {
            shortIn = null;
            _line.Clear();
            InfoColumn.Append(_line, packet, frame);
            var text = _line.Text;
            // a malformed layer in a cut 802.3 frame: its mark, then the trailer's "size limited"
            bool cut = text.EndsWith(InfoColumn.SizeLimitedMark, StringComparison.Ordinal);
            if (cut)
                text = text[..^InfoColumn.SizeLimitedMark.Length];
            bool malformed = text.EndsWith(InfoColumn.MalformedMark, StringComparison.Ordinal)
                || text.EndsWith(Ieee80211Info.ContainedItemMark, StringComparison.Ordinal);
            if (!malformed && !cut)
                return null;
            string protocol = ProtocolColumn.InnermostOf(packet, frame);
            protocol = protocol.Length > 0 ? protocol : RawNet.Protocols.Fields.FieldCatalog.DisplayName(packet[packet.LayerCount - 1].Kind);
            // epon's first read throws before its Protocol column: the exception still names it by its short name.
            if (packet[packet.LayerCount - 1].Kind == LayerKind.Epon)
                protocol = "EPON";
            // An IPv6 extension header's dissector names itself, where IPv6's column stays.
            if (IpInfo.ExtensionProtocolName(packet[packet.LayerCount - 1].Kind) is { } extension)
                protocol = extension;
            // Redback's column is "RBN", its name "Redback"; the PPP and IP behind it throw before they write a column.
            if (protocol == RedbackColumn)
                protocol = packet[packet.LayerCount - 1].Kind switch
                {
                    LayerKind.Ppp => "PPP",
                    LayerKind.Ipv4 => "IPv4",
                    LayerKind.Ipv6 => "IPv6",
                    _ => "Redback",
                };
            // IGMP's Protocol column names the version ("IGMPv3"); the exception names the protocol.
            if (packet[packet.LayerCount - 1].Kind == LayerKind.Igmp && protocol.StartsWith("IGMP", StringComparison.Ordinal))
                protocol = "IGMP";
            if (malformed)
            {
                // the cut 802.3 frame's trailer is Ethernet's to read, after the malformed layer gave up
                if (cut)
                    shortIn = EthernetName;
                return protocol;
            }
            // tshark's _ws.short: the dissector that read past the capture's end, named as the Protocol column names it
            // (DNS over TCP reads a length the capture cut before it writes the columns).
            shortIn = RawNet.Protocols.Dns.DnsStreamFraming.IsLengthCut(packet[packet.LayerCount - 1]) ? DnsName : protocol;
            return null;
        }
    }
}
