using System.Buffers.Binary;
using RawNet.Protocols.Conversations;
using RawNet.Protocols.Crafting;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Icmp;

namespace RawNet.Protocols.Tests.Conversations;

/// <summary>
/// The tracker's state for the Info column, as tshark 4.0 keeps it in one pass: ICMP and ICMPv6 echo replies paired with
/// their requests ("(request in N)"), and a second host claiming an IPv4 address in ARP ("duplicate use of A detected!").
/// </summary>
public sealed class EchoAndArpTrackingTests
{
    /// <summary>Crafts, decodes and analyses each expression in order as frames 1, 2, ...; returns the analyses' results.</summary>
    private static (uint RequestIn, uint Duplicate)[] Track(params string[] expressions)
    {
        var tracker = new ConversationTracker();
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        var results = new (uint, uint)[expressions.Length];
        for (int i = 0; i < expressions.Length; i++)
        {
            Assert.True(CraftExpression.TryParse(expressions[i], out var craft, out var error), $"{expressions[i]}: {error}");
            byte[] frame = craft.Build().ToArray();
            var metadata = new FrameMetadata(1_700_000_000_000_000_000 + i * 1_000_000L, frame.Length, frame.Length, craft.LinkType);
            decoder.Decode(frame, metadata, i + 1, packet);
            tracker.Analyze(packet, frame);
            results[i] = (packet.Analysis.EchoRequestFrame, packet.Analysis.ArpDuplicateAddress);
        }
        return results;
    }

    private static uint[] RequestIn(params string[] expressions) => Track(expressions).Select(r => r.RequestIn).ToArray();

    private const string Request = "eth / ipv4 src=198.18.0.1 dst=198.18.0.2 / icmp type=echo-request id=7 seq=1 / 'abc'";
    private const string Reply = "eth / ipv4 src=198.18.0.2 dst=198.18.0.1 / icmp type=echo-reply id=7 seq=1 / 'abc'";

    [Fact]
    public void A_reply_is_paired_with_its_request_once_and_a_request_never_learns_its_reply()
    {
        Assert.Equal([0u, 1u, 0u], RequestIn(Request, Reply, Reply));
    }

    [Fact]
    public void A_repeated_request_replaces_the_first_so_the_reply_names_the_latest()
    {
        Assert.Equal([0u, 0u, 2u, 0u], RequestIn(Request, Request, Reply, Reply));
    }

    [Fact]
    public void Only_a_reply_with_the_same_payload_matches_because_the_checksum_is_part_of_the_key()
    {
        string other = Reply.Replace("'abc'", "'abd'");
        Assert.Equal([0u, 0u, 1u], RequestIn(Request, other, Reply));
    }

    [Fact]
    public void A_reply_from_a_third_host_is_unpaired_but_one_in_the_same_direction_pairs()
    {
        string third = Reply.Replace("src=198.18.0.2", "src=198.18.0.3");
        string sameWay = Reply.Replace("src=198.18.0.2 dst=198.18.0.1", "src=198.18.0.1 dst=198.18.0.2");
        Assert.Equal([0u, 0u, 1u], RequestIn(Request, third, sameWay));
    }

    [Fact]
    public void Icmpv6_echo_pairs_the_same_way_and_a_request_with_a_bad_checksum_never_pairs()
    {
        Assert.Equal([0u, 1u], RequestIn(
            "eth / ipv6 / icmpv6 type=echo-request id=3 seq=9 / 'ping'",
            "eth / ipv6 src=2001:db8::2 dst=2001:db8::1 / icmpv6 type=echo-reply id=3 seq=9 / 'ping'"));
        Assert.Equal([0u, 0u], RequestIn(Request.Replace("seq=1", "seq=1 chksum=0x1234"), Reply));
    }

    [Fact]
    public void Echo_messages_quoted_in_an_icmp_error_are_left_alone()
    {
        string error = "eth / ipv4 src=198.18.0.2 dst=198.18.0.1 / icmp type=dest-unreach code=1 / ipv4 src=198.18.0.2 dst=198.18.0.1 / icmp type=echo-reply id=7 seq=1";
        Assert.Equal([0u, 0u, 1u], RequestIn(Request, error, Reply));
    }

    [Fact]
    public void Requests_past_the_bound_forget_the_oldest()
    {
        var matcher = new EchoMatcher();
        byte[] a = [198, 18, 0, 1], b = [198, 18, 0, 2];
        byte[] message = new byte[8];
        for (int n = 0; n <= EchoMatcher.MaxRequests; n++)
        {
            message[0] = 8;
            BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), (uint)n);
            Assert.Equal(0u, matcher.Observe(a, b, message, icmpv6: false, (uint)n + 1));
        }
        // A reply to the first request (checksum field 0 moved by type 8 -> 0 is 0x0800) and to the last.
        message[0] = 0;
        BinaryPrimitives.WriteUInt16BigEndian(message.AsSpan(2), 0x0800);
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), 0);
        Assert.Equal(0u, matcher.Observe(b, a, message, icmpv6: false, 1_000_000));
        BinaryPrimitives.WriteUInt32BigEndian(message.AsSpan(4), EchoMatcher.MaxRequests);
        Assert.Equal((uint)EchoMatcher.MaxRequests + 1, matcher.Observe(b, a, message, icmpv6: false, 1_000_001));
    }

    [Fact]
    public void A_second_mac_for_an_address_is_a_duplicate_unless_a_replys_target_check_decides()
    {
        var results = Track(
            "eth / arp op=reply hwsrc=02:00:00:00:00:02 psrc=10.0.0.2 hwdst=02:00:00:00:00:01 pdst=10.0.0.1",
            // Another MAC for 10.0.0.2: detected by the sender check, then cleared by the target check (tshark 4.0).
            "eth / arp op=reply hwsrc=02:00:00:00:00:03 psrc=10.0.0.2 hwdst=02:00:00:00:00:01 pdst=10.0.0.1",
            // A request is checked on its sender only, and the first MAC still holds the address.
            "eth / arp op=request hwsrc=02:00:00:00:00:03 psrc=10.0.0.2 pdst=10.0.0.9",
            // A broadcast MAC and the address 0.0.0.0 bind nothing.
            "eth / arp op=request hwsrc=ff:ff:ff:ff:ff:ff psrc=10.0.0.2 pdst=10.0.0.9",
            "eth / arp op=request hwsrc=02:00:00:00:00:04 psrc=0.0.0.0 pdst=10.0.0.2");
        Assert.Equal([0u, 0u, 0x0A000002u, 0u, 0u], results.Select(r => r.Duplicate).ToArray());
    }
}
