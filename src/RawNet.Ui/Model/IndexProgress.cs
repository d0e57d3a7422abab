namespace RawNet.Ui.Model;

/// <summary>How far indexing a capture file has got: bytes read of the file's length, frames found.</summary>
public readonly record struct IndexProgress(long BytesRead, long FileLength, int Frames)
{
    /// <summary>0 to 1.</summary>
    public double Fraction => FileLength <= 0 ? 1 : Math.Clamp((double)BytesRead / FileLength, 0, 1);
}
