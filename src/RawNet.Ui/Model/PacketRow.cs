using RawNet.Output.Columns;

namespace RawNet.Ui.Model;

/// <summary>
/// One packet-list row: Wireshark's default columns, formatted (Protocol and Info as tshark writes them), and the first of
/// Wireshark's default colouring rules the packet matches (null: none, the row keeps the screen's colours), and the text of
/// the list's field columns (<see cref="ListColumns"/>; null when there is none).
/// </summary>
public sealed record PacketRow(long Number, double Time, string Source, string Destination, string Protocol, int Length, string Info, ColoringRule? Coloring,
    string[]? Fields = null);
