using RawNet.Protocols.Decoding;
using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Ax25;

/// <summary>
/// Reads the KISS and AX.25 fields (<see cref="ComputedField.Ax25KissCommand"/> to <see cref="ComputedField.Ax25Pid"/>)
/// from a layer's captured header bytes, as far as tshark's reading got: KISS adds no field when a parameter it reads
/// first is missing, and its port item always shows 0 (tshark masks the already shifted nibble with 0xf0); AX.25 shows
/// each digipeater, the control field and the protocol ID once their bytes are there (<see cref="Ax25Layout"/>).
/// </summary>
public static class Ax25FieldReader
{
    private const byte PollFinal = 0x10;

    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.Ax25KissCommand and <= ComputedField.Ax25Pid;

    /// <summary>Occurrence <paramref name="occurrence"/> of <paramref name="computed"/> in the header bytes <paramref name="header"/> at <paramref name="at"/>.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int at, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0)
            return false;
        return computed < ComputedField.Ax25Via1 ? TryReadKiss(computed, header, at, out value) : TryReadAx25(computed, header, at, out value);
    }

    private static bool TryReadKiss(ComputedField computed, ReadOnlySpan<byte> header, int at, out FieldValue value)
    {
        value = default;
        if (header.Length < 1)
            return false;
        int command = header[0] & 0x0F;
        bool hasParameter = header.Length > Ax25KissHeader.ParameterOffset;
        if (Ax25KissHeader.ReadsParameterFirst(command) && !hasParameter)
            return false;
        int p = Ax25KissHeader.ParameterOffset;
        switch (computed)
        {
            case ComputedField.Ax25KissCommand:
                value = new FieldValue((ulong)command, at, 1);
                return true;
            case ComputedField.Ax25KissPort:
                value = new FieldValue(0, at, 1);
                return true;
            case ComputedField.Ax25KissTxDelay when command == Ax25KissHeader.TxDelay:
            case ComputedField.Ax25KissPersistence when command == Ax25KissHeader.Persistence:
            case ComputedField.Ax25KissSlotTime when command == Ax25KissHeader.SlotTime:
            case ComputedField.Ax25KissTxTail when command == Ax25KissHeader.TxTail:
            case ComputedField.Ax25KissFullDuplex when command == Ax25KissHeader.FullDuplex:
                value = new FieldValue(header[p], at + p, 1);
                return true;
            case ComputedField.Ax25KissDataAck when command == Ax25KissHeader.DataFrameAck:
                // FT_UINT16 over two bytes, but tshark's value is the first byte alone.
                value = new FieldValue(header[p], at + p, Math.Min(2, header.Length - p));
                return true;
            case ComputedField.Ax25KissSetHardware when command == Ax25KissHeader.SetHardware:
                value = new FieldValue(0, at + p, Math.Max(0, header.Length - p));
                return true;
            default:
                return false;
        }
    }

    private static bool TryReadAx25(ComputedField computed, ReadOnlySpan<byte> header, int at, out FieldValue value)
    {
        value = default;
        var layout = Ax25Layout.Read(header);
        if (computed <= ComputedField.Ax25Via8)
        {
            int via = computed - ComputedField.Ax25Via1;
            int offset = Ax25Header.Field.FirstVia + via * Ax25Header.AddressLength;
            if (via >= layout.Digipeaters || offset + Ax25Header.AddressLength > header.Length)
                return false;
            value = new FieldValue(0, at + offset, Ax25Header.AddressLength);
            return true;
        }
        if (computed == ComputedField.Ax25Pid)
        {
            if (layout.PidOffset < 0)
                return false;
            value = new FieldValue(header[layout.PidOffset], at + layout.PidOffset, 1);
            return true;
        }
        if (layout.ControlOffset < 0)
            return false;
        int c = layout.ControlOffset;
        byte control = header[c];
        bool response = Ax25Header.IsResponseFrame(header);
        bool pollFinal = (control & PollFinal) != 0;
        int kind = (control & 0x01) == 0 ? 0 : (control & 0x03) == 0x01 ? 1 : 3; // I, S, U
        ulong number;
        switch (computed)
        {
            case ComputedField.Ax25Control:
                number = control;
                break;
            case ComputedField.Ax25ReceiveSequence when kind != 3:
                number = (ulong)(control >> 5);
                break;
            case ComputedField.Ax25SendSequence when kind == 0:
                number = (ulong)((control >> 1) & 0x07);
                break;
            case ComputedField.Ax25Poll when pollFinal && (kind == 0 || !response):
            case ComputedField.Ax25Final when pollFinal && kind != 0 && response:
                number = 1;
                break;
            case ComputedField.Ax25SupervisoryType when kind == 1:
                number = (ulong)((control >> 2) & 0x03);
                break;
            case ComputedField.Ax25UnnumberedCommand when kind == 3 && !response:
            case ComputedField.Ax25UnnumberedResponse when kind == 3 && response:
                number = (ulong)((control & 0xEC) >> 2);
                break;
            case ComputedField.Ax25InformationType when kind == 0:
                number = 0;
                break;
            case ComputedField.Ax25SuType when kind != 0:
                number = (ulong)(control & 0x03);
                break;
            default:
                return false;
        }
        value = new FieldValue(number, at + c, 1);
        return true;
    }
}
