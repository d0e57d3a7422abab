using System.Buffers.Binary;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ppi;
using RawNet.Protocols.Prism;
using RawNet.Protocols.Radiotap;

namespace RawNet.Output.Columns.Info;

/// <summary>
/// The columns of a radio capture header that nothing after it set (the 802.11 frame behind it is missing or was never
/// reached): radiotap and AVS as "WLAN", PPI, and Prism, each with its version and length once the bytes that hold them
/// were captured. A header that declares more bytes than the frame has is cut; radiotap's length below its minimum
/// is only an expert note in tshark, with no mark.
/// </summary>
internal static class CaptureHeaderInfo
{
    /// <summary>Bytes of a Prism header tshark reads before it writes the Info text: message code, length and device name.</summary>
    private const int PrismInfoLength = 24;

    /// <summary>Offset and length of the Prism header's device name.</summary>
    private const int PrismDevice = 8, PrismDeviceLength = 16;

    /// <summary>Writes the Info text; true when the header was cut short.</summary>
    public static bool Write(TextLine line, in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        var bytes = source.Frame[Math.Min(layer.Offset, source.Frame.Length)..];
        long reported = source.Packet.Metadata.OriginalLength - layer.Offset;
        switch (layer.Kind)
        {
            case LayerKind.Radiotap:
            {
                if (bytes.Length < RadiotapHeader.FixedLength)
                    return true;
                int length = BinaryPrimitives.ReadUInt16LittleEndian(bytes[RadiotapHeader.Field.Length..]);
                Describe(line, "Radiotap Capture v", bytes[RadiotapHeader.Field.Version], ", Length ", length, "");
                // A length below the minimum is only an expert note in tshark: no mark.
                return length >= RadiotapHeader.MinLength && Cut(line, bytes.Length, reported, length);
            }
            case LayerKind.Ppi:
            {
                if (!PpiHeader.TryRead(bytes, out var ppi))
                    return true;
                Describe(line, "PPI version ", bytes[PpiHeader.Field.Version], ", ", ppi.Length, " bytes");
                if (bytes.Length >= ppi.Length && !ppi.FieldsFit)
                {
                    line.Append(InfoColumn.MalformedMark);
                    return false;
                }
                return Cut(line, bytes.Length, reported, ppi.Length);
            }
            case LayerKind.Avs:
            {
                if (bytes.Length < PrismHeader.AvsFixedLength)
                    return true;
                // tshark shows the version as what it adds to AVS's magic, in hex, and the length as a signed number.
                int length = BinaryPrimitives.ReadInt32BigEndian(bytes[PrismHeader.Field.AvsLength..]);
                line.Append("AVS WLAN Capture v");
                line.AppendHexDigits(BinaryPrimitives.ReadUInt32BigEndian(bytes) - PrismHeader.AvsMagic, 1);
                line.Append(", Length ");
                line.Append(length);
                return Cut(line, bytes.Length, reported, (uint)length);
            }
            default:
            {
                if (layer.HeaderLength == 0)
                    return false; // neither Prism nor AVS: tshark reads 802.11 from the first byte
                if (bytes.Length < PrismInfoLength)
                    return true;
                var device = bytes.Slice(PrismDevice, PrismDeviceLength);
                int end = device.IndexOf((byte)0);
                line.Append("Device: ");
                line.AppendFormatText(end >= 0 ? device[..end] : device);
                line.Append(", Message 0x");
                line.AppendHexDigits(BinaryPrimitives.ReadUInt32LittleEndian(bytes), 1);
                line.Append(", Length ");
                line.Append(BinaryPrimitives.ReadUInt32LittleEndian(bytes[PrismHeader.Field.PrismMessageLength..]));
                return bytes.Length < PrismHeader.PrismLength;
            }
        }
    }

    /// <summary>Appends "prefix, version, middle, length, suffix".</summary>
    private static void Describe(TextLine line, string prefix, long version, string middle, long length, string suffix)
    {
        line.Append(prefix);
        line.Append(version);
        line.Append(middle);
        line.Append(length);
        line.Append(suffix);
    }

    /// <summary>
    /// Whether a header that declares <paramref name="declared"/> bytes was cut by the capture (true); one that declares
    /// more than the frame's reported bytes is malformed, whatever the capture kept, and gets its mark here.
    /// </summary>
    private static bool Cut(TextLine line, int captured, long reported, long declared)
    {
        if (declared > reported)
        {
            line.Append(InfoColumn.MalformedMark);
            return false;
        }
        return captured < declared;
    }

    /// <summary>The protocol column: a Prism header of which the message code was not captured has set none.</summary>
    public static string Protocol(in InfoSource source, int index)
    {
        ref readonly Layer layer = ref source.Packet[index];
        return layer.Kind switch
        {
            LayerKind.Ppi => "PPI",
            LayerKind.Prism => source.Frame.Length - layer.Offset >= 4 ? "Prism" : "",
            _ => "WLAN",
        };
    }
}
