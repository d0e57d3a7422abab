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
        switch (layer.Kind)
        {
            case LayerKind.Radiotap:
                // A length below the minimum is only an expert note in tshark: no mark.
                return bytes.Length < RadiotapHeader.FixedLength || Describe(line, bytes.Length, "Radiotap Capture v", bytes[RadiotapHeader.Field.Version],
                    ", Length ", BinaryPrimitives.ReadUInt16LittleEndian(bytes[RadiotapHeader.Field.Length..]), "", RadiotapHeader.MinLength);
            case LayerKind.Ppi:
                return bytes.Length < PpiHeader.FixedLength || Describe(line, bytes.Length, "PPI version ", bytes[PpiHeader.Field.Version],
                    ", ", BinaryPrimitives.ReadUInt16LittleEndian(bytes[PpiHeader.Field.Length..]), " bytes", 0);
            case LayerKind.Avs:
                return bytes.Length < PrismHeader.AvsFixedLength || Describe(line, bytes.Length, "AVS WLAN Capture v",
                    BinaryPrimitives.ReadUInt32BigEndian(bytes) & 0xFF, ", Length ", PrismHeader.AvsLength(bytes), "", 0);
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

    /// <summary>
    /// Appends "prefix, version, middle, length, suffix"; true when the header declares more bytes than the
    /// <paramref name="captured"/> ones (and at least <paramref name="minimum"/>).
    /// </summary>
    private static bool Describe(TextLine line, int captured, string prefix, long version, string middle, long length, string suffix, int minimum)
    {
        line.Append(prefix);
        line.Append(version);
        line.Append(middle);
        line.Append(length);
        line.Append(suffix);
        return length >= minimum && captured < length;
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
