using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Dhcp;

/// <summary>
/// Every item of a DHCP layer in tshark's tree order (<see cref="DhcpWalk"/>'s): the fixed fields, the flags' bits below
/// the flags, each option's type with its length, value and own fields below it. Allocates nothing; each step walks the
/// message again up to the item (messages are short).
/// </summary>
public ref struct DhcpItems
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private readonly int _layerOffset;
    private int _index;

    /// <param name="bytes">The captured bytes of the message.</param>
    /// <param name="reported">How many bytes the datagram declares.</param>
    /// <param name="layerOffset">The layer's offset in its buffer.</param>
    public DhcpItems(ReadOnlySpan<byte> bytes, int reported, int layerOffset)
    {
        _bytes = bytes;
        _reported = reported;
        _layerOffset = layerOffset;
        Field = DhcpFields.FieldOf(DhcpValue.Type);
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
        var finder = new Nth(_index);
        DhcpWalk.Run(_bytes, _reported, ref finder, out _);
        if (!finder.Found)
            return false;
        _index++;
        Field = DhcpFields.FieldOf(finder.Which);
        Value = new FieldValue(finder.Number, _layerOffset + finder.Offset, finder.Length);
        Depth = finder.Which switch
        {
            DhcpValue.Broadcast or DhcpValue.ReservedFlags => 1,
            DhcpValue.HardwareType or DhcpValue.MacAddress => finder.InOption ? 1 : 0,
            DhcpValue.Padding => finder.AfterEnd ? 0 : 1,
            >= DhcpValue.OptionLength => 1,
            _ => 0,
        };
        return true;
    }

    private struct Nth(int index) : IDhcpVisitor
    {
        private int _left = index;
        public bool Found, InOption, AfterEnd;
        public DhcpValue Which;
        public int Offset, Length;
        public ulong Number;

        public bool Item(DhcpValue which, int offset, int length, ulong number)
        {
            if (which is DhcpValue.Cookie or DhcpValue.VendorOptions)
                InOption = true;
            if (_left-- > 0)
            {
                AfterEnd |= which == DhcpValue.End;
                return true;
            }
            (Found, Which, Offset, Length, Number) = (true, which, offset, length, number);
            return false;
        }
    }
}
