using RawNet.Output.Summary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Tests;

/// <summary>tcpdump's OSPF lines (-n and -v) on hostile input: every prefix and random byte changes of real frames print without an exception.</summary>
public sealed class OspfSummaryTests
{
    /// <summary>An MD5 hello with an LLS block (ospfv2_md5.pcap's first frame) and an LS update of four LSAs (ospf-cases.pcap's eighth).</summary>
    private static readonly byte[][] Frames =
    [
        Convert.FromHexString("01005e000005c2004ed40000080045c00074000700000159ce640a000001e00000050201002c0a0000010000000000000002000000103c7e"
            + "c4f7fffffffc000a1201000000280a0000010000000065a867b1796ddaabd7955d8d8355dd28000000090001000400000001000200143c7e"
            + "c4f762c8761415174a83121cf9cbd5dc6558"),
        Convert.FromHexString("01005e000005020000000001080045c000c0000100000159161ec0000201e0000005020400acc0000201000000013d43"
            + "000000000000000000000000000400010001c0000201c000020180000002e87c003002000002c0000200ffffff000300000ac0000202c000020102000001"
            + "00010002c0000202c000020280000001aa9f0020ffffff00c0000201c000020200010003c6336400c0000202800000039e87001cffffff000000001400"
            + "010005cb007100c0000202800000048c1e0024ffffff008000001e0000000000000007"),
    ];

    [Fact]
    public void Cut_and_changed_OSPF_frames_print_with_and_without_v()
    {
        var random = new Random(20261206);
        var packet = new DecodedPacket();
        var decoder = new PacketDecoder();
        var printers = new[] { new SummaryPrinter(), new SummaryPrinter(new SummaryOptions(Verbose: true)) };
        foreach (var original in Frames)
        {
            for (int round = 0; round < 400; round++)
            {
                var frame = (byte[])original.Clone();
                // Round 0 keeps the frame whole; later rounds change a few bytes of the OSPF packet (its auth type and lengths often).
                for (int n = round == 0 ? 0 : random.Next(1, 4); n > 0; n--)
                    frame[34 + random.Next(random.Next(2) == 0 ? 24 : frame.Length - 34)] = (byte)random.Next(256);
                for (int cut = round == 0 ? 0 : frame.Length; cut <= frame.Length; cut++)
                {
                    var metadata = new FrameMetadata(0, cut, frame.Length, LinkType.Ethernet);
                    decoder.Decode(frame.AsSpan(0, cut), metadata, 1, packet);
                    foreach (var printer in printers)
                        printer.Print(packet, frame.AsSpan(0, cut), TextWriter.Null);
                }
            }
        }
    }
}
