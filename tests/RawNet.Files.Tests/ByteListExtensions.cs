namespace RawNet.Files.Tests;

/// <summary>Appends fixed-width integers in a chosen byte order, for the test file builders.</summary>
internal static class ByteListExtensions
{
    public static void AddUInt16(this List<byte> target, ushort value, bool bigEndian) =>
        target.AddInteger(value, bigEndian, 2);

    public static void AddUInt32(this List<byte> target, uint value, bool bigEndian) =>
        target.AddInteger(value, bigEndian, 4);

    public static void AddUInt64(this List<byte> target, ulong value, bool bigEndian) =>
        target.AddInteger(value, bigEndian, 8);

    private static void AddInteger(this List<byte> target, ulong value, bool bigEndian, int width)
    {
        for (var i = 0; i < width; i++)
        {
            var shift = bigEndian ? (width - 1 - i) * 8 : i * 8;
            target.Add((byte)(value >> shift));
        }
    }
}
