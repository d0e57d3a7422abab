using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ntp;

/// <summary>
/// Every item of an NTP layer in tshark's tree order (<see cref="NtpWalk"/>'s): the flags with their bits below them,
/// the header, each extension field with its type, length and value below it, the control data's items. Allocates
/// nothing; each step walks the message again up to the item (messages are short).
/// </summary>
public ref struct NtpItems
{
    private readonly ReadOnlySpan<byte> _bytes;
    private readonly int _reported;
    private readonly int _layerOffset;
    private int _index;

    /// <param name="bytes">The captured bytes of the message.</param>
    /// <param name="reported">How many bytes the datagram declares.</param>
    /// <param name="layerOffset">The layer's offset in its buffer.</param>
    public NtpItems(ReadOnlySpan<byte> bytes, int reported, int layerOffset)
    {
        _bytes = bytes;
        _reported = reported;
        _layerOffset = layerOffset;
        Field = NtpFields.FieldOf(NtpValue.Flags);
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
        NtpWalk.Run(_bytes, _reported, ref finder, out _);
        if (!finder.Found)
            return false;
        _index++;
        Field = NtpFields.FieldOf(finder.Which);
        Value = new FieldValue(finder.Number, _layerOffset + finder.Offset, finder.Length);
        Depth = finder.Which switch
        {
            NtpValue.Leap or NtpValue.Version or NtpValue.Mode or NtpValue.PrivateResponse or NtpValue.PrivateMore => 1,
            NtpValue.ExtensionType or NtpValue.ExtensionLength or NtpValue.ExtensionValue => 1,
            NtpValue.ControlResponse or NtpValue.ControlError or NtpValue.ControlMore or NtpValue.ControlOpcode => 1,
            NtpValue.PrivateAuth or NtpValue.PrivateSequence or NtpValue.ControlItem => 1,
            NtpValue.ControlAssociation when finder.InData => 2,
            _ => 0,
        };
        return true;
    }

    private struct Nth(int index) : INtpVisitor
    {
        private int _left = index;
        public bool Found, InData;
        public NtpValue Which;
        public int Offset, Length;
        public ulong Number;

        public bool Item(NtpValue which, int offset, int length, ulong number)
        {
            InData |= which == NtpValue.ControlData;
            if (_left-- > 0)
                return true;
            (Found, Which, Offset, Length, Number) = (true, which, offset, length, number);
            return false;
        }
    }
}
