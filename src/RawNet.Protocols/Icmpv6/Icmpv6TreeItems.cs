using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Icmpv6;

/// <summary>
/// Every item of an ICMPv6 layer in tshark's tree order (<see cref="Icmpv6Body"/>'s walk: the header, then each option
/// or record with its items below it). Each step walks the message again up to the next item, so it allocates nothing.
/// </summary>
public ref struct Icmpv6TreeItems
{
    private readonly DecodedPacket _packet;
    private readonly int _index;
    private readonly ReadOnlySpan<byte> _frame;
    private readonly ReadOnlySpan<byte> _buffer;
    private int _next;

    /// <summary>After the echo's sequence number, the tracked items tshark adds there: 1 for the request, 2 for the time.</summary>
    private int _tracked;

    public Icmpv6TreeItems(DecodedPacket packet, int index, ReadOnlySpan<byte> frame)
    {
        _packet = packet;
        _index = index;
        _frame = frame;
        _buffer = packet.BufferOf(packet[index], frame);
        Field = Icmpv6Fields.Type;
    }

    /// <summary>The current item's field.</summary>
    public FieldDefinition Field { get; private set; }

    /// <summary>The current item's value.</summary>
    public FieldValue Value { get; private set; }

    /// <summary>How deep the current item lies below the layer's heading.</summary>
    public int Depth { get; private set; }

    /// <summary>Moves to the next item; false after the last.</summary>
    public bool MoveNext()
    {
        while (_tracked is 1 or 2)
        {
            var field = _tracked++ == 1 ? Icmpv6Fields.ResponseTo : Icmpv6Fields.ResponseTime;
            if (FieldReader.TryRead(field, _packet, _index, _frame, 0, out var tracked))
            {
                (Field, Value, Depth) = (field, tracked, 0);
                return true;
            }
        }
        var sink = new Icmpv6FieldReader.FindSink(null, _next);
        Icmpv6FieldReader.Walk(_packet, _index, _frame, _buffer, ref sink);
        if (!sink.Found)
            return false;
        _next++;
        var item = sink.Item;
        int offset = _packet[_index].Offset;
        Field = Icmpv6Fields.Of(item.Which);
        Value = Icmpv6FieldReader.ValueOf(item, offset, _packet[_index].Extent);
        Depth = item.Depth;
        if (item.Which == Icmpv6Value.EchoSequence)
            _tracked = 1;
        else
            _tracked = 0;
        return true;
    }
}
