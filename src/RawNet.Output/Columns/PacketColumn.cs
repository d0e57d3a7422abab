using RawNet.Protocols.Decoding;

namespace RawNet.Output.Columns;

/// <summary>A text column that <c>-T fields</c> prints by tshark's name, next to the field tables' fields.</summary>
public enum PacketColumn : byte
{
    /// <summary><c>_ws.col.Info</c> (<see cref="InfoColumn"/>).</summary>
    Info,
    /// <summary><c>_ws.col.Protocol</c> (<see cref="ProtocolColumn"/>).</summary>
    Protocol,
    /// <summary><c>frame.coloring_rule.name</c>: the first of <see cref="ColoringRules.Default"/> the packet matches (tshark prints it with <c>--color</c>).</summary>
    ColoringRuleName,
}

/// <summary>The names <see cref="PacketColumn"/>s go by, and the one place that writes any of them.</summary>
public static class PacketColumns
{
    /// <summary>Every column name, as tshark spells it (case matters, as in tshark).</summary>
    public static IReadOnlyList<string> Names => NameTable;

    private static readonly string[] NameTable = ["_ws.col.Info", "_ws.col.Protocol", "frame.coloring_rule.name"];

    /// <summary>The column called <paramref name="name"/>; false for a name that is no column.</summary>
    public static bool TryFind(string name, out PacketColumn column)
    {
        int index = Array.IndexOf(NameTable, name);
        column = (PacketColumn)Math.Max(index, 0);
        return index >= 0;
    }

    /// <summary>Appends the column's text for <paramref name="packet"/> (decoded from <paramref name="frame"/>).</summary>
    public static void Append(PacketColumn column, TextLine line, DecodedPacket packet, ReadOnlySpan<byte> frame)
    {
        switch (column)
        {
            case PacketColumn.Info:
                InfoColumn.Append(line, packet, frame);
                break;
            case PacketColumn.Protocol:
                line.Append(ProtocolColumn.Of(packet, frame));
                break;
            default:
                if (ColoringRules.Match(packet, frame) is { } rule)
                    line.Append(rule.Name);
                break;
        }
    }
}
