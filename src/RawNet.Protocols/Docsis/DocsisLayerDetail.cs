namespace RawNet.Protocols.Docsis;

/// <summary>What the decoder packs into a docsis layer's <see cref="Decoding.Layer.Detail"/>: how far tshark read, and whether a privacy element turned encryption on.</summary>
public static class DocsisLayerDetail
{
    /// <summary>Bit set when the payload is encrypted (tshark shows it as docsis.encrypted_payload, not as Ethernet).</summary>
    public const byte Encrypted = 0x10;

    /// <summary>The detail for <paramref name="reach"/> and <paramref name="encrypted"/>.</summary>
    public static byte Pack(DocsisReach reach, bool encrypted) => (byte)((byte)reach | (encrypted ? Encrypted : 0));

    /// <summary>How far tshark read the header.</summary>
    public static DocsisReach Reach(byte detail) => (DocsisReach)(detail & 0x03);

    /// <summary>Whether the payload is encrypted.</summary>
    public static bool IsEncrypted(byte detail) => (detail & Encrypted) != 0;
}
