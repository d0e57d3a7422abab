using RawNet.Protocols.Fields;
using B = RawNet.Protocols.Arcnet.ArcnetHeader.BsdField;

namespace RawNet.Protocols.Arcnet;

/// <summary>
/// Reads ARCNET's fields on the BSDs' layout (<see cref="ArcnetHeader.Bsd"/>, LINKTYPE_ARCNET_BSD) as tshark 4.0 adds
/// them, each once its bytes are captured: arcnet.protID at 2, then for the IDs of RFC 1201's header either the split flag
/// at 3 and the sequence at 4, or for an exception frame the exception flag at 3, the padding at 4, arcnet.protID again at
/// 6 (a definition of its own, so the tree keeps tshark's order), the split flag at 7 and the sequence at 8. Linux's layout is read by the fixed fields.
/// </summary>
public static class ArcnetFieldReader
{
    /// <summary>True for the computed fields this reader serves.</summary>
    public static bool Serves(ComputedField computed) => computed is >= ComputedField.ArcnetProtocolId and <= ComputedField.ArcnetSequence;

    /// <summary>Reads <paramref name="computed"/> from the layer's captured header <paramref name="header"/>, which starts at <paramref name="layerOffset"/>.</summary>
    public static bool TryRead(ComputedField computed, ReadOnlySpan<byte> header, int layerOffset, byte detail, int occurrence, out FieldValue value)
    {
        value = default;
        if (detail != ArcnetHeader.Bsd || header.Length <= B.ProtocolId)
            return false;
        bool fragment = ArcnetHeader.HasFragmentFields(header[B.ProtocolId]);
        bool exception = ArcnetHeader.IsBsdException(header);
        (int at, int size) = computed switch
        {
            ComputedField.ArcnetProtocolId when occurrence == 0 => (B.ProtocolId, 1),
            ComputedField.ArcnetProtocolIdAgain when occurrence == 0 && exception => (B.ProtocolIdAgain, 1),
            ComputedField.ArcnetExceptionFlag when occurrence == 0 && exception => (B.SplitFlag, 1),
            ComputedField.ArcnetPadding when occurrence == 0 && exception => (B.Padding, 2),
            ComputedField.ArcnetSplitFlag when occurrence == 0 && fragment => (exception ? B.ExceptionSplitFlag : B.SplitFlag, 1),
            ComputedField.ArcnetSequence when occurrence == 0 && fragment => (exception ? B.ExceptionSequence : B.Sequence, 2),
            _ => (-1, 0),
        };
        if (at < 0 || at + size > header.Length)
            return false;
        ulong number = size == 1 ? header[at] : (ulong)(header[at] << 8 | header[at + 1]);
        value = new FieldValue(number, layerOffset + at, size);
        return true;
    }
}
