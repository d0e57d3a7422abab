using System.Buffers.Binary;

namespace RawNet.Protocols.Dns;

/// <summary>How DNS messages follow each other over TCP (RFC 1035 4.2.2): each after a two-byte length that does not count itself.</summary>
public static class DnsStreamFraming
{
    /// <summary>The length before each message.</summary>
    public const int LengthSize = DnsPorts.StreamLengthSize;

    /// <summary>
    /// The <see cref="Decoding.Layer.Detail"/> of the bytes after a segment's whole messages when the capture cut the
    /// length there: tshark's DNS dissector read them in the same call, and threw (no data, DNS in frame.protocols).
    /// </summary>
    public const byte LengthCutReadByDns = 4;

    /// <summary>True for the bytes of a length the capture cut that DNS's call read (<see cref="LengthCutReadByDns"/>).</summary>
    public static bool IsLengthCut(in Decoding.Layer layer) => layer.Kind == Decoding.LayerKind.Payload && layer.Detail == LengthCutReadByDns;

    /// <summary>
    /// The message at the start of <paramref name="bytes"/> (of which <paramref name="available"/> bytes exist, captured
    /// or not): its length, and whether all of it is there. False when not even the length is.
    /// </summary>
    public static bool TryMessageAt(ReadOnlySpan<byte> bytes, int available, out int messageLength, out bool whole)
    {
        messageLength = 0;
        whole = false;
        if (bytes.Length < LengthSize || available < LengthSize)
            return false;
        messageLength = BinaryPrimitives.ReadUInt16BigEndian(bytes);
        whole = messageLength <= available - LengthSize;
        return true;
    }

    /// <summary>How many bytes at the start of <paramref name="bytes"/> are whole messages with their lengths; the rest begins one that is not.</summary>
    public static int WholeMessagesLength(ReadOnlySpan<byte> bytes)
    {
        int at = 0;
        while (TryMessageAt(bytes[at..], bytes.Length - at, out int length, out bool whole) && whole)
            at += LengthSize + length;
        return at;
    }
}
