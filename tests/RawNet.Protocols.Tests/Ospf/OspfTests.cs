using RawNet.Protocols.Decoding;
using RawNet.Protocols.Ospf;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ospf;

public class OspfTests
{
    /// <summary>An Ethernet frame with an OSPFv2 hello (frame 1 of captures/ospf/ospf-cases.pcap).</summary>
    public static byte[] V2Hello() => Hex("01005e000005020000000001080045c00040000100000159169ec0000201e00000050201002cc000020100000001789a0000"
        + "0000000000000000ffffff00000a020100000028c000020100000000");

    /// <summary>An Ethernet frame with an OSPFv2 LS update of router, network, summary and AS-external LSAs (frame 8).</summary>
    public static byte[] V2Update() => Hex("01005e000005020000000001080045c000c0000100000159161ec0000201e0000005020400acc0000201000000013d43"
        + "000000000000000000000000000400010001c0000201c000020180000002e87c003002000002c0000200ffffff000300000ac0000202c000020102000001"
        + "00010002c0000202c000020280000001aa9f0020ffffff00c0000201c000020200010003c6336400c0000202800000039e87001cffffff000000001400"
        + "010005cb007100c0000202800000048c1e0024ffffff008000001e0000000000000007");

    /// <summary>An Ethernet frame with an OSPFv3 LS update over IPv6 (frame 11).</summary>
    public static byte[] V3Update() => Hex("33330000000502000000000186dd60000000003c5901fe800000000000000000000000000001ff0200000000000000000000000000050304003c"
        + "c000020100000000a5330100000000010001200100000000c000020180000001702e002800000000020000010000000500000006c0000202");

    private static int Count(ReadOnlySpan<byte> ospf, OspfValue value)
    {
        var walk = new OspfWalk(ospf, ospf.Length);
        int n = 0;
        while (walk.Next(out var item))
            n += item.Value == value ? 1 : 0;
        Assert.False(walk.Failed);
        return n;
    }

    [Fact]
    public void TheHeaderReadsItsFirstFourBytes()
    {
        var ospf = V2Hello().AsSpan(34);
        Assert.True(OspfHeader.TryRead(ospf, out var header));
        Assert.Equal((2, 1, 44), (header.Version, header.Type, header.PacketLength));
        Assert.False(OspfHeader.TryRead(ospf[..3], out _));
    }

    [Fact]
    public void TheWalkShowsEachLsaHeaderOfAnUpdate()
    {
        Assert.Equal(4, Count(V2Update().AsSpan(34), OspfValue.LsaSequence));
        Assert.Equal(1, Count(V3Update().AsSpan(54), OspfValue.V3LsaRouter));
    }

    [Fact]
    public void EveryPrefixDecodesWithoutAnExceptionAndIsMarked()
    {
        Decode.EveryPrefix(V2Hello(), LinkType.Ethernet);
        Decode.EveryPrefix(V2Update(), LinkType.Ethernet);
        Decode.EveryPrefix(V3Update(), LinkType.Ethernet);
    }

    [Fact]
    public void AHelloShowsTsharksFields()
    {
        var frame = V2Hello();
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("eth:ethertype:ip:ospf", Decode.Protocols(packet, frame));
        Assert.Equal("192.0.2.1", Decode.Field(packet, frame, "ospf.hello.designated_router"));
        Assert.Equal("0x02", Decode.Field(packet, frame, "ospf.v2.options"));
        Assert.Equal("1", Decode.Field(packet, frame, "ospf.v2.options.e"));
    }

    [Fact]
    public void AnLsaCountPastThePacketEndsTheWalkAsMalformed()
    {
        var frame = V2Update();
        frame[34 + 24 + 3] = 0xff;
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(LayerStatus.Malformed, packet[packet.LayerCount - 1].Status);
    }
}
