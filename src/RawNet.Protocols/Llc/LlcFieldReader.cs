using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Llc;

/// <summary>
/// Reads the LLC fields that depend on the kind of control field and on SNAP (<see cref="ComputedField.LlcControl"/> to
/// <see cref="ComputedField.LlcPid"/>) as tshark adds them: the control field and its parts once the whole control field
/// is there, the SNAP fields once all five of its bytes are.
/// </summary>
public static class LlcFieldReader
{
    /// <summary>The masks of the control field's parts (tshark's xdlc), on the one-byte or the little-endian two-byte value.</summary>
    private const int ReceiveSequenceMask = 0xFE00, SendSequenceMask = 0x00FE, NumberedPollBit = 0x0100, SupervisoryMask = 0x000C,
        UnnumberedPollBit = 0x10, ModifierMask = 0xEC;

    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.LlcControl and <= ComputedField.LlcPid;

    /// <summary>Reads <paramref name="computed"/> from the LLC header's captured bytes <paramref name="header"/>, which start at <paramref name="layerOffset"/>.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, int occurrence, out FieldValue value)
    {
        value = default;
        if (occurrence != 0 || !LlcHeader.TryRead(header, out var llc) || !llc.HasControl)
            return false;
        int control = llc.Control;
        int at = layerOffset + LlcHeader.Field.Control, size = llc.ControlLength;
        var kind = llc.Kind;
        bool poll = kind == LlcFrameKind.Unnumbered ? (control & UnnumberedPollBit) != 0 : (control & NumberedPollBit) != 0;
        (bool present, ulong number) = computed switch
        {
            ComputedField.LlcControl => (true, (ulong)control),
            ComputedField.LlcReceiveSequence => (kind != LlcFrameKind.Unnumbered, (ulong)((control & ReceiveSequenceMask) >> 9)),
            ComputedField.LlcSendSequence => (kind == LlcFrameKind.Information, (ulong)((control & SendSequenceMask) >> 1)),
            // tshark adds the poll/final bit only when it is set: poll in a command, final in a response, and poll in any
            // information frame.
            ComputedField.LlcPoll => (poll && (!llc.IsResponse || kind == LlcFrameKind.Information), 1UL),
            ComputedField.LlcFinal => (poll && llc.IsResponse && kind != LlcFrameKind.Information, 1UL),
            ComputedField.LlcSupervisoryType => (kind == LlcFrameKind.Supervisory, (ulong)((control & SupervisoryMask) >> 2)),
            ComputedField.LlcCommand => (kind == LlcFrameKind.Unnumbered && !llc.IsResponse, (ulong)((control & ModifierMask) >> 2)),
            ComputedField.LlcResponse => (kind == LlcFrameKind.Unnumbered && llc.IsResponse, (ulong)((control & ModifierMask) >> 2)),
            ComputedField.LlcUnnumberedFrameType => (kind == LlcFrameKind.Unnumbered, (ulong)(control & 0x03)),
            ComputedField.LlcNumberedFrameType => (kind != LlcFrameKind.Unnumbered, (ulong)(control & 0x01)),
            _ => ReadSnap(computed, llc, header, layerOffset, out at, out size),
        };
        if (!present)
            return false;
        value = new FieldValue(number, at, size);
        return true;
    }

    private static (bool, ulong) ReadSnap(ComputedField computed, LlcHeader llc, ReadOnlySpan<byte> header, int layerOffset, out int at, out int size)
    {
        at = layerOffset + llc.SnapOffset;
        size = 3;
        // tshark adds the SNAP fields once it has all five bytes.
        if (!llc.IsSnap || header.Length < llc.HeaderLength)
            return (false, 0);
        if (computed == ComputedField.LlcOui)
            return (true, llc.Oui);
        at += LlcHeader.Field.SnapType;
        size = 2;
        // The protocol ID is "type" (an EtherType) for the encapsulating OUIs, in frames that carry information; other
        // OUIs tshark knows have PID fields of their own names, which RawNet does not show.
        return computed switch
        {
            ComputedField.LlcType => (llc.CarriesEtherType && llc.CarriesInformation, llc.ProtocolId),
            _ => (!llc.CarriesEtherType && !LlcHeader.HasOwnPidField(llc.Oui), llc.ProtocolId),
        };
    }
}
