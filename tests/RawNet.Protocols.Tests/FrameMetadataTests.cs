using System.Runtime.CompilerServices;

namespace RawNet.Protocols.Tests;

/// <summary>FrameMetadata keeps its interface as a number (CaptureInterfaces), and nothing else a reference.</summary>
public sealed class FrameMetadataTests
{
    [Fact]
    public void The_metadata_every_packet_copies_holds_no_reference()
    {
        // A reference would cost a GC write barrier on every copy into a decoded packet (docs/performance.md).
        Assert.False(RuntimeHelpers.IsReferenceOrContainsReferences<FrameMetadata>());
    }

    [Fact]
    public void An_interface_comes_back_from_the_metadata_and_equal_ones_share_a_number()
    {
        var eth = new CaptureInterface(0, "eth-frame-metadata-test", "first");
        var metadata = new FrameMetadata(1, 60, 60, LinkType.Ethernet, Interface: eth);
        Assert.Equal(eth, metadata.Interface);
        Assert.Equal(CaptureInterfaces.HandleOf(eth), CaptureInterfaces.HandleOf(new CaptureInterface(0, "eth-frame-metadata-test", "first")));
        Assert.NotEqual(CaptureInterfaces.HandleOf(eth), CaptureInterfaces.HandleOf(new CaptureInterface(1, "eth-frame-metadata-test", "first")));
        Assert.Null((metadata with { Interface = null }).Interface);
        Assert.Equal(0, CaptureInterfaces.HandleOf(null));
        Assert.Null(CaptureInterfaces.Of(0));
        Assert.Null(CaptureInterfaces.Of(-1));
        Assert.Equal(eth, (metadata with { SectionNumber = 2 }).Interface);
    }
}
