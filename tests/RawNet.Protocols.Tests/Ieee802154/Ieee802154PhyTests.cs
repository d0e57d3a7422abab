using RawNet.Protocols.Decoding;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Ieee802154;

/// <summary>Link types 215 (non-ASK PHY header) and 283 (TAP header) before an 802.15.4 frame.</summary>
public class Ieee802154PhyTests
{
    private static readonly byte[] Mac = [0x61, 0x98, 0x05, 0xCD, 0xAB, 0x01, 0x00, 0x02, 0x00];
    private static readonly byte[] IphcUdp = [0x7E, 0x33, 0xF0, 0x9C, 0x40, 0x00, 0x09, 0x12, 0x34, .. "hello"u8];

    private static byte[] Phy(byte[] frame, int? length = null) => Concat([0, 0, 0, 0, 0xA7, (byte)(length ?? frame.Length)], frame);

    private static byte[] Tap(byte[] frame, params byte[][] tlvs)
    {
        var body = Concat(tlvs);
        return Concat([0, 0, (byte)(4 + body.Length), 0], body, frame);
    }

    /// <summary>A TLV padded to 4 bytes.</summary>
    private static byte[] Tlv(int type, byte[] value) => Concat([(byte)type, 0, (byte)value.Length, 0], value, new byte[(4 - value.Length % 4) % 4]);

    /// <summary>The frames Samples.cs decodes without allocating: one behind each header.</summary>
    public static (LinkType Link, byte[] Frame)[] SampleFrames()
    {
        var frame = Ieee802154Tests.Frame(Mac, IphcUdp);
        return [(LinkType.Ieee802154NonAskPhy, Phy(frame)), (LinkType.Ieee802154Tap, Tap(frame, Tlv(0, [1]), Tlv(3, [11, 0, 0]), Tlv(10, [0xD0])))];
    }

    [Fact]
    public void NonAskPhyHeaderThenTheFrameAsLongAsThePhrSays()
    {
        var (link, frame) = SampleFrames()[0];
        var packet = Decode.Frame(frame, link);
        Assert.Equal("wpan-nonask-phy:6lowpan:ipv6:udp:data", Decode.Protocols(packet, frame));
        Assert.Equal("0xa7", Decode.Field(packet, frame, "wpan-nonask-phy.sfd"));
        Assert.Equal("0x19", Decode.Field(packet, frame, "wpan-nonask-phy.frame_length"));
        Assert.Equal("1", Decode.Field(packet, frame, "wpan.fcs_ok"));
        Assert.Equal("40000", Decode.Field(packet, frame, "udp.srcport"));
        // bytes past the PHR's length are not the frame's: its FCS is read from the PHR's end, and fails
        var longer = Concat(frame, [0xEE, 0xEE]);
        var extra = Decode.Frame(longer, link);
        Assert.Equal("1", Decode.Field(extra, longer, "wpan.fcs_ok"));
        var shorter = Phy(Ieee802154Tests.Frame(Mac, IphcUdp), 20);
        Assert.Equal("0", Decode.Field(Decode.Frame(shorter, link), shorter, "wpan.fcs_ok"));
        // a length below the FCS: the header from the captured bytes, then malformed
        var tiny = Phy(Ieee802154Tests.Frame(Mac, IphcUdp), 1);
        var malformed = Decode.Frame(tiny, link);
        Assert.Equal(DecodeOutcome.Malformed, malformed.Outcome);
        Assert.Equal("0x0002", Decode.Field(malformed, tiny, "wpan.src16"));
        Assert.Null(Decode.Field(malformed, tiny, "wpan.fcs_ok"));
    }

    [Fact]
    public void TapTlvsSayTheFcsAndCarryValues()
    {
        var (link, frame) = SampleFrames()[1];
        var packet = Decode.Frame(frame, link);
        Assert.Equal("wpan-tap:6lowpan:ipv6:udp:data", Decode.Protocols(packet, frame));
        Assert.Equal("0,3,10", Decode.Field(packet, frame, "wpan-tap.tlv.type"));
        Assert.Equal("1,3,1", Decode.Field(packet, frame, "wpan-tap.tlv.length"));
        Assert.Equal("1", Decode.Field(packet, frame, "wpan-tap.fcs_type"));
        Assert.Equal("11", Decode.Field(packet, frame, "wpan-tap.ch_num"));
        Assert.Equal("208", Decode.Field(packet, frame, "wpan-tap.lqi"));
        Assert.Equal("25", Decode.Field(packet, frame, "wpan-tap.data_length"));
        Assert.Equal("1", Decode.Field(packet, frame, "wpan.fcs_ok"));
        // without an FCS-type TLV the frame has no FCS: its last two bytes are payload
        var bare = Tap(Ieee802154Tests.Frame(Mac, IphcUdp));
        Assert.Null(Decode.Field(Decode.Frame(bare, link), bare, "wpan.fcs"));
        // another version: tshark's dissector refuses it, nothing is shown
        var other = (byte[])frame.Clone();
        other[0] = 1;
        var refused = Decode.Frame(other, link);
        Assert.Equal("", Decode.Protocols(refused, other));
        Assert.Null(Decode.Field(refused, other, "wpan-tap.length"));
    }

    [Fact]
    public void EveryPrefixAndDamageDecodesWithoutThrowing()
    {
        Span<char> text = stackalloc char[RawNet.Protocols.Fields.FieldFormatter.MaxLength];
        foreach (var (link, whole) in SampleFrames())
        {
            // tshark's cuts differ from other link types' (a cut TAP frame shows no 802.15.4): every prefix decodes
            // without throwing and keeps its first layer
            for (int prefix = 0; prefix < whole.Length; prefix++)
            {
                var cut = Decode.Frame(whole[..prefix], link, originalLength: whole.Length);
                Assert.True(cut.LayerCount >= 2);
                Decode.AllFields(cut, whole.AsSpan(0, prefix), text);
            }
            for (int at = 0; at < Math.Min(whole.Length, 24); at++)
            {
                foreach (byte value in new byte[] { 0x00, 0xFF, 0x01, 0x7F, 0x80 })
                {
                    var frame = (byte[])whole.Clone();
                    frame[at] = value;
                    var packet = Decode.Frame(frame, link);
                    foreach (var name in new[] { "wpan-tap.tlv.padding", "wpan-tap.ch_page", "wpan-nonask-phy.phr", "wpan.src16", "udp.srcport" })
                        Decode.Field(packet, frame, name);
                }
            }
        }
    }
}
