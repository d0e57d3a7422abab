namespace RawNet.Ui.Model;

/// <summary>How a packet-list row is coloured: by its innermost protocol, or as a problem.</summary>
public enum RowColor : byte
{
    Other,
    Tcp,
    Udp,
    Arp,
    Icmp,
    /// <summary>A bad checksum, a truncated or malformed header.</summary>
    Problem,
}

/// <summary>One packet-list row: Wireshark's default columns, formatted.</summary>
public sealed record PacketRow(long Number, double Time, string Source, string Destination, string Protocol, int Length, string Info, RowColor Color);
