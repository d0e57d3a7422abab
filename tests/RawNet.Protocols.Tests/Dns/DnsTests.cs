using System.Diagnostics;
using RawNet.Protocols.Decoding;
using RawNet.Protocols.Dns;
using RawNet.Protocols.Fields;
using static RawNet.Protocols.Tests.Dns.DnsMessages;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Dns;

/// <summary>DNS through the decoder and the field table: layers, outcomes and every field's value as tshark prints it.</summary>
public class DnsTests
{
    [Fact]
    public void QueryDecodesToADnsLayer()
    {
        var frame = Frame(Query());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal([LayerKind.Frame, LayerKind.Ethernet, LayerKind.Ipv4, LayerKind.Udp, LayerKind.Dns], Decode.Kinds(packet));
        Assert.Equal((MessageOffset, 33, 33, LayerStatus.Complete), (packet[4].Offset, packet[4].HeaderLength, packet[4].Extent, packet[4].Status));
        Assert.Equal("0x1234", Decode.Field(packet, frame, "dns.id"));
        Assert.Equal("0x0100", Decode.Field(packet, frame, "dns.flags"));
        Assert.Equal("0", Decode.Field(packet, frame, "dns.flags.response"));
        Assert.Equal("1", Decode.Field(packet, frame, "dns.flags.recdesired"));
        Assert.Null(Decode.Field(packet, frame, "dns.flags.rcode")); // responses only
        Assert.Null(Decode.Field(packet, frame, "dns.flags.authenticated")); // queries: only when set
        Assert.Equal("1", Decode.Field(packet, frame, "dns.count.queries"));
        Assert.Equal("www.example.com", Decode.Field(packet, frame, "dns.qry.name"));
        Assert.Equal("15", Decode.Field(packet, frame, "dns.qry.name.len"));
        Assert.Equal("3", Decode.Field(packet, frame, "dns.count.labels"));
        Assert.Equal("1", Decode.Field(packet, frame, "dns.qry.type"));
        Assert.Equal("0x0001", Decode.Field(packet, frame, "dns.qry.class"));
        Assert.Null(Decode.Field(packet, frame, "dns.resp.name"));
        Assert.Null(Decode.Field(packet, frame, "dns.qry.qu")); // mDNS only
    }

    [Fact]
    public void ResponseFieldsOfEveryType()
    {
        var frame = Frame(Response(), 53, 40000);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        string? F(string name) => Decode.Field(packet, frame, name);
        Assert.Equal("1", F("dns.flags.authoritative"));
        Assert.Equal("0", F("dns.flags.rcode"));
        Assert.Equal("www.example.com,www.example.com,www.example.com,example.com,example.com,example.com,example.com,<Root>", F("dns.resp.name"));
        Assert.Equal("5,1,28,15,2,16,6,33,41", F("dns.resp.type"));
        Assert.Equal("0x0001,0x0001,0x0001,0x0001,0x0001,0x0001,0x0001,0x0001", F("dns.resp.class")); // not the OPT record's
        Assert.Equal("300,300,60,300,86400,300,900,300", F("dns.resp.ttl"));
        Assert.Equal("6,4,16,8,6,15,39,12,0", F("dns.resp.len"));
        Assert.Equal("cdn.example.com", F("dns.cname"));
        Assert.Equal("198.18.0.2", F("dns.a"));
        Assert.Equal("2001:db8::80", F("dns.aaaa"));
        Assert.Equal("10", F("dns.mx.preference"));
        Assert.Equal("mx1.example.com", F("dns.mx.mail_exchange"));
        Assert.Equal("ns1.example.com", F("dns.ns"));
        Assert.Equal("v=spf1 -all,hi", F("dns.txt"));
        Assert.Equal("11,2", F("dns.txt.length"));
        Assert.Equal("ns1.example.com", F("dns.soa.mname"));
        Assert.Equal("hostmaster.example.com", F("dns.soa.rname"));
        Assert.Equal(("2023111401", "7200", "3600", "1209600", "300"),
            (F("dns.soa.serial_number"), F("dns.soa.refresh_interval"), F("dns.soa.retry_interval"), F("dns.soa.expire_limit"), F("dns.soa.minimum_ttl")));
        Assert.Equal(("_sip", "_udp", "example.com"), (F("dns.srv.service"), F("dns.srv.proto"), F("dns.srv.name")));
        Assert.Equal(("10", "60", "5060", "sip.example.com"), (F("dns.srv.priority"), F("dns.srv.weight"), F("dns.srv.port"), F("dns.srv.target")));
        Assert.Equal(("1232", "0x00", "0", "0x8000", "1", "0x0000"), (F("dns.rr.udp_payload_size"), F("dns.resp.ext_rcode"),
            F("dns.resp.edns0_version"), F("dns.resp.z"), F("dns.resp.z.do"), F("dns.resp.z.reserved")));
    }

    [Fact]
    public void FieldValuesPointAtTheirBytes()
    {
        var frame = Frame(Response(), 53, 40000);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.True(FieldCatalog.TryFind("dns.cname", out var cname));
        Assert.True(FieldReader.TryRead(cname[0], packet, 4, frame, 0, out var value));
        Assert.Equal((MessageOffset + 45, 6), (value.Offset, value.Length));
        Assert.True(FieldCatalog.TryFind("dns.a", out var a));
        Assert.True(FieldReader.TryRead(a[0], packet, 4, frame, 0, out value));
        Assert.Equal(new byte[] { 198, 18, 0, 2 }, frame.AsSpan(value.Offset, value.Length).ToArray());
    }

    [Fact]
    public void MulticastDnsSplitsTheClass()
    {
        var frame = Frame(MulticastResponse(), 5353, 5353);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("0x0001", Decode.Field(packet, frame, "dns.resp.class"));
        Assert.Equal("1", Decode.Field(packet, frame, "dns.resp.cache_flush"));
        // The same message on port 53 is plain DNS: the class is the whole field.
        var plain = Frame(MulticastResponse(), 53, 5353);
        var decoded = Decode.Frame(plain, LinkType.Ethernet);
        Assert.Equal("0x8001", Decode.Field(decoded, plain, "dns.resp.class"));
        Assert.Null(Decode.Field(decoded, plain, "dns.resp.cache_flush"));
    }

    [Fact]
    public void UpdateNamesItsCountsAsZonesPrerequisitesAndUpdates()
    {
        var frame = Frame(Concat(Header(7, 0x2800, 1, 0, 2, 0), Question(Name("example.com"), 6)));
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Null(Decode.Field(packet, frame, "dns.count.queries"));
        Assert.Equal(("1", "0", "2"), (Decode.Field(packet, frame, "dns.count.zones"), Decode.Field(packet, frame, "dns.count.prerequisites"),
            Decode.Field(packet, frame, "dns.count.updates")));
    }

    [Fact]
    public void CaptureCutInsideARecordIsTruncatedAndKeepsTheWholeRecords()
    {
        var frame = Frame(Response(), 53, 40000);
        // Cut inside the AAAA record (the third answer).
        int cut = MessageOffset + 12 + 21 + 12 + 6 + 10 + 4 + 5;
        var packet = Decode.Frame(frame[..cut], LinkType.Ethernet, originalLength: frame.Length);
        Assert.Equal(DecodeOutcome.Truncated, packet.Outcome);
        Assert.Equal(LayerKind.Dns, packet.StoppedAt);
        Assert.Equal(LayerStatus.Truncated, packet[4].Status);
        Assert.Equal(cut - MessageOffset, packet[4].HeaderLength);
        Assert.Equal("5,1", Decode.Field(packet, frame[..cut], "dns.resp.type"));
        Assert.Null(Decode.Field(packet, frame[..cut], "dns.aaaa"));
    }

    [Fact]
    public void HeaderCutFieldByField()
    {
        var message = Query();
        // Two bytes: no ID yet (tshark reads it with the flags); four: ID and flags; six: the question count too.
        Assert.Null(Fields(message[..2], "dns.id"));
        Assert.Equal("0x1234", Fields(message[..4], "dns.id"));
        Assert.Null(Fields(message[..5], "dns.count.queries"));
        Assert.Equal("1", Fields(message[..6], "dns.count.queries"));
    }

    private static string? Fields(byte[] message, string name)
    {
        var frame = Frame(message);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerStatus.Malformed, packet[4].Status);
        return Decode.Field(packet, frame, name);
    }

    [Fact]
    public void NotDnsOnPort53IsMalformedDns()
    {
        var frame = Frame("hello"u8.ToArray());
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal(LayerKind.Dns, packet.StoppedAt);
        Assert.Equal("0x6865", Decode.Field(packet, frame, "dns.id")); // 5 bytes: the ID and flags ("he"), then nothing whole
        Assert.Null(Decode.Field(packet, frame, "dns.count.queries"));
    }

    [Fact]
    public void LoopingAndOversizedNamesAreShownNotFatal()
    {
        var loop = Frame(Concat(Header(32, 0x0100, 1, 0, 0, 0), Pointer(12), U16(1), U16(1)));
        var packet = Decode.Frame(loop, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Ok, packet.Outcome);
        Assert.Equal("<Name contains a pointer that loops>", Decode.Field(packet, loop, "dns.qry.name"));
        Assert.Equal("36", Decode.Field(packet, loop, "dns.qry.name.len"));
        Assert.Equal("1", Decode.Field(packet, loop, "dns.qry.type"));
    }

    [Fact]
    public void RecordDataNameThatCannotBeReadStopsAfterTheRecord()
    {
        // An MX whose exchange points past the message, then an A record: the MX's own fields, no preference, no A.
        var message = Concat(Header(46, 0x8180, 0, 2, 0, 0), Record([0], 15, 5, [0, 10, 0xC0, 0xFF]), Record([0], 1, 5, [1, 2, 3, 4]));
        var frame = Frame(message, 53, 40000);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal(DecodeOutcome.Malformed, packet.Outcome);
        Assert.Equal("15", Decode.Field(packet, frame, "dns.resp.type"));
        Assert.Null(Decode.Field(packet, frame, "dns.mx.preference"));
        Assert.Null(Decode.Field(packet, frame, "dns.a"));
    }

    [Fact]
    public void TxtStringsAsTsharkReadsThem()
    {
        // A zero byte ends a string, bytes past ASCII are U+FFFD; a length running past the message shows, its string not.
        var message = Concat(Header(44, 0x8180, 0, 1, 0, 0), Record([0], 16, 5, [4, (byte)'a', 0, (byte)'b', (byte)'c', 2, 0xE9, (byte)'t', 9]));
        var frame = Frame(message, 53, 40000);
        var packet = Decode.Frame(frame, LinkType.Ethernet);
        Assert.Equal("a,\uFFFDt", Decode.Field(packet, frame, "dns.txt"));
        Assert.Equal("4,2,9", Decode.Field(packet, frame, "dns.txt.length"));
    }

    [Fact]
    public void HundredsOfRecordsWithLongPointerChainsReadInLinearTime()
    {
        // Record 1's data holds a label and 127 pointers each to the one before; the CNAME records that follow point
        // their owner and data at the chain's end, so every name costs 127 jumps. Reading every occurrence of a field in
        // turn, as the printers do, must not walk the records from the start each time. Wall-clock limits failed on
        // busy machines, so the time is compared with itself: the same number of reads over a message 10 times
        // longer takes about as long when each read goes on from the last, and 10 times longer when it starts over.
        var (large, largeFrame) = ChainedCnames(599);
        Assert.Equal(DecodeOutcome.Unsupported, large.Outcome); // more records than MaxRecords
        Assert.True(FieldCatalog.TryFind("dns.cname", out var cname));
        Assert.Equal(DnsRecordReader.MaxRecords - 1, ReadAll(cname[0], large, largeFrame));
        Assert.Equal("a", Decode.Field(large, largeFrame, "dns.cname")!.Split(',')[^1]);
        var (small, smallFrame) = ChainedCnames(50);
        Assert.Equal(50, ReadAll(cname[0], small, smallFrame));

        long bestLarge = long.MaxValue, bestSmall = long.MaxValue;
        for (int round = 0; round < 5; round++)
        {
            bestLarge = Math.Min(bestLarge, Time(() => { for (int pass = 0; pass < 4; pass++) ReadAll(cname[0], large, largeFrame); }));
            bestSmall = Math.Min(bestSmall, Time(() => { for (int pass = 0; pass < 44; pass++) ReadAll(cname[0], small, smallFrame); }));
        }
        // 4 × 511 reads against 44 × 50: linear is a ratio near 1, quadratic near 10.
        Assert.True(bestLarge < 4 * bestSmall, $"{bestLarge} ticks for the long message against {bestSmall} for the short one");

        static int ReadAll(FieldDefinition field, DecodedPacket packet, byte[] frame)
        {
            int n = 0;
            while (FieldReader.TryRead(field, packet, 4, frame, n, out _))
                n++;
            return n;
        }

        static long Time(Action action)
        {
            var watch = Stopwatch.StartNew();
            action();
            return watch.ElapsedTicks;
        }
    }

    /// <summary>A response whose first record holds a chain of 127 pointers, and <paramref name="count"/> CNAMEs at its end.</summary>
    private static (DecodedPacket Packet, byte[] Frame) ChainedCnames(int count)
    {
        const int start = 12 + 1 + 10;
        var chain = new List<byte> { 1, (byte)'a', 0 };
        int previous = start;
        for (int i = 0; i < 127; i++)
        {
            int at = start + chain.Count;
            chain.AddRange(Pointer(previous));
            previous = at;
        }
        var records = Enumerable.Range(0, count).SelectMany(_ => Record(Pointer(previous), 5, 5, Pointer(previous)));
        var message = Concat(Header(1, 0x8180, 0, (ushort)(count + 1), 0, 0), Record([0], 999, 5, chain.ToArray()), records.ToArray());
        var frame = Frame(message, 53, 40000);
        return (Decode.Frame(frame, LinkType.Ethernet), frame);
    }

    [Fact]
    public void TruncateAtEveryPrefix()
    {
        Decode.EveryPrefix(Frame(Query()), LinkType.Ethernet);
        Decode.EveryPrefix(Frame(Response(), 53, 40000), LinkType.Ethernet);
        Decode.EveryPrefix(Frame(MulticastResponse(), 5353, 5353), LinkType.Ethernet);
    }

    [Fact]
    public void HostileMessagesNeverThrowHangOrGrow()
    {
        // Random and mutated messages on port 53: decoding and every field stay bounded in time and never throw.
        var random = new Random(53);
        var decoder = new PacketDecoder();
        var packet = new DecodedPacket();
        Span<char> text = stackalloc char[FieldFormatter.MaxLength];
        var seeds = new[] { Query(), Response(), MulticastResponse() };
        var watch = Stopwatch.StartNew();
        for (int i = 0; i < 20000; i++)
        {
            byte[] message;
            if (i % 2 == 0)
            {
                message = (byte[])seeds[i % seeds.Length].Clone();
                for (int m = random.Next(1, 6); m > 0; m--)
                    message[random.Next(message.Length)] = (byte)random.Next(256);
                if (random.Next(4) == 0)
                    message = message[..random.Next(message.Length)];
            }
            else
            {
                message = new byte[random.Next(0, 600)];
                random.NextBytes(message);
                if (message.Length > 12)
                {
                    // Mostly compression pointers and small counts, the shapes that stress the walk.
                    for (int p = 12; p + 1 < message.Length; p += random.Next(2, 9))
                    {
                        message[p] = (byte)(0xC0 | random.Next(2));
                        message[p + 1] = (byte)random.Next(256);
                    }
                }
            }
            var frame = Frame(message, (ushort)(i % 3 == 0 ? 5353 : 53), 40000);
            decoder.Decode(frame, new FrameMetadata(0, frame.Length, frame.Length, LinkType.Ethernet), i, packet);
            Decode.AllFields(packet, frame, text);
        }
        Assert.True(watch.ElapsedMilliseconds < 20000, $"{watch.ElapsedMilliseconds} ms");
    }
}
