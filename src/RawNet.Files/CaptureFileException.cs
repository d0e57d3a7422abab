namespace RawNet.Files;

/// <summary>A capture file is damaged or not a capture file; the message is one line naming the file, the packet number and the byte offset.</summary>
public sealed class CaptureFileException : Exception
{
    /// <summary>Describes damage found in <paramref name="fileName"/> where packet <paramref name="packetNumber"/> would have started.</summary>
    public CaptureFileException(string fileName, long packetNumber, long byteOffset, string reason)
        : base($"{fileName}: packet {packetNumber} at byte offset {byteOffset}: {reason}")
    {
        FileName = fileName;
        PacketNumber = packetNumber;
        ByteOffset = byteOffset;
        Reason = reason;
    }

    /// <summary>The file's path or display name.</summary>
    public string FileName { get; }

    /// <summary>The 1-based number the damaged record would have had.</summary>
    public long PacketNumber { get; }

    /// <summary>The offset in the file of the damaged record, block or header.</summary>
    public long ByteOffset { get; }

    /// <summary>What is wrong, without the file name and position.</summary>
    public string Reason { get; }
}
