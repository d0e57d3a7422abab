using RawNet.Protocols.Decoding;

namespace RawNet.Protocols.Tests.Decoding;

public class LayerKindTests
{
    [Fact]
    public void EveryKindFitsAFilterMask()
    {
        // The display filter keeps the layers a filter tests as bits of a UInt128 (FilterNode.Bit: One << kind); a 129th kind
        // would silently alias the first, as C# masks the shift count.
        Assert.True(Enum.GetValues<LayerKind>().Max(k => (int)k) < 128);
    }
}
