using RawNet.Protocols.Fields;

namespace RawNet.Protocols.Decoding;

/// <summary>The frame's own fields (<c>frame.number</c>, <c>frame.time_epoch</c>, <c>frame.len</c>, <c>frame.cap_len</c>, <c>frame.protocols</c>): from the record as wiretap reads it (<see cref="DecodedPacket.WiretapFrame"/>), not its bytes.</summary>
internal static class FrameFieldReader
{
    public static bool TryRead(ComputedField computed, DecodedPacket packet, int occurrence, out FieldValue value)
    {
        value = default;
        // the chain is written from the layers when shown (ProtocolChain): tshark has it for every frame
        if (computed == ComputedField.FrameProtocols)
            return FieldValues.Single(occurrence, 0, 0, 0, out value);
        ulong? number = computed switch
        {
            ComputedField.FrameNumber => (ulong)packet.FrameNumber,
            ComputedField.FrameTimeEpoch => (ulong)packet.WiretapFrame.TimestampNanoseconds,
            ComputedField.FrameLength => (ulong)packet.WiretapFrame.OriginalLength,
            ComputedField.FrameCapturedLength => (ulong)packet.WiretapFrame.CapturedLength,
            _ => null,
        };
        return number is { } n && FieldValues.Single(occurrence, n, 0, 0, out value);
    }
}
