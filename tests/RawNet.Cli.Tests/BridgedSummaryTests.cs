using RawNet.Output.Summary;
using RawNet.Protocols;
using RawNet.Protocols.Decoding;

namespace RawNet.Cli.Tests;

/// <summary>tcpdump's line for frames bridged inside bridged frames without end: bounded in depth, as the decoder is.</summary>
public sealed class BridgedSummaryTests
{
    /// <summary>LLC and SNAP for 00-80-C2's PID 9, LLC's pad, and a Token Ring header whose frame carries LLC: 24 bytes.</summary>
    private static readonly byte[] Level =
    [
        0xAA, 0xAA, 0x03, 0x00, 0x80, 0xC2, 0x00, 0x09, 0x00, 0x00,
        0x10, 0x40, 0xC0, 0x00, 0x00, 0x00, 0x12, 0x34, 0x02, 0x00, 0x00, 0xAB, 0xCD, 0xEF,
    ];

    [Fact]
    public void Token_Ring_bridged_in_itself_to_the_end_of_a_64_KB_frame_prints_one_bounded_line()
    {
        var frame = Enumerable.Repeat(Level, 65_000 / Level.Length).SelectMany(b => b).ToArray();
        var metadata = new FrameMetadata(0, frame.Length, frame.Length, LinkType.AtmRfc1483);
        var packet = new DecodedPacket();
        new PacketDecoder().Decode(frame, metadata, 1, packet);
        Assert.Equal(DecodeOutcome.Unsupported, packet.Outcome);
        Assert.Equal(PacketDecoder.MaxBridgedFrames, packet.Layers.ToArray().Count(l => l.Kind == LayerKind.TokenRing));

        var output = new StringWriter();
        new SummaryPrinter().Print(packet, frame, output);
        var line = output.ToString();
        // As deep as the decoder goes; below that, the SNAP header tcpdump would hand on once more.
        Assert.Contains("SNAP, oui Ethernet bridged (0x0080c2), pid Token Ring w/o FCS (0x0009)", line);
        Assert.True(line.Length < 2 * frame.Length * 3, "the line dumps the rest once");
    }
}
