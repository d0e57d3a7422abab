using RawNet.Protocols.Tls;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Tls;

public class TlsRecordTests
{
    /// <summary>A Server Hello record choosing TLS 1.3 in its supported_versions extension.</summary>
    public static readonly byte[] ServerHello13 = Concat(Hex("16 0303 0038"), Hex("02 000034"), Hex("0303"), new byte[32], Hex("00 1301 00"),
        Hex("000c"), Hex("002b 0002 0304"), Hex("0033 0002 0000"));

    public static readonly byte[] ApplicationData = Hex("17 0303 0004 a5a5a5a5");

    [Fact]
    public void The_header_reads_its_fields()
    {
        Assert.True(TlsRecordHeader.TryRead(ApplicationData, out var header));
        Assert.Equal((byte)TlsContentType.ApplicationData, header.ContentType);
        Assert.Equal(0x0303, header.Version);
        Assert.Equal(4, header.FragmentLength);
        Assert.Equal(9, header.RecordLength);
        Assert.False(TlsRecordHeader.TryRead(ApplicationData.AsSpan(0, 4), out _));
    }

    [Fact]
    public void A_server_hello_sets_the_session_and_tls13_application_data_is_opaque()
    {
        var bytes = Concat(ServerHello13, ApplicationData);
        var walk = new TlsRecordWalk(bytes, bytes.Length, 0, false);
        var items = new List<(TlsItem, bool)>();
        while (walk.MoveNext())
            items.Add((walk.Item, walk.Opaque));
        Assert.Equal(TlsWalkEnd.Done, walk.End);
        Assert.Equal(0x0304, walk.Session);
        Assert.Equal([(TlsItem.Record, false), (TlsItem.Handshake, false), (TlsItem.Record, true), (TlsItem.ApplicationData, true)], items);
    }

    [Fact]
    public void Whole_records_stop_before_a_cut_header_or_record()
    {
        var bytes = Concat(ApplicationData, ApplicationData);
        Assert.Equal(18, TlsRecordWalk.WholeRecordsLength(bytes));
        Assert.Equal(9, TlsRecordWalk.WholeRecordsLength(bytes.AsSpan(0, 17)));
        Assert.Equal(9, TlsRecordWalk.WholeRecordsLength(bytes.AsSpan(0, 12)));
        // a record claiming 0xFFFF bytes waits; bytes that are no record are taken whole (tshark reads no further)
        Assert.Equal(0, TlsRecordWalk.WholeRecordsLength(Hex("17 0303 ffff 00")));
        Assert.Equal(3, TlsRecordWalk.WholeRecordsLength(Hex("01 02 03")));
    }

    [Fact]
    public void Plain_text_is_not_tls()
    {
        Assert.True(TlsRecordWalk.LooksLikeText("GET / HTTP/1.1\r\n"u8));
        Assert.False(TlsRecordWalk.LooksLikeText("GET "u8));
        Assert.False(TlsRecordWalk.LooksLikeText(ApplicationData));
    }

    [Fact]
    public void An_empty_record_at_the_end_is_malformed()
    {
        var walk = new TlsRecordWalk(Hex("17 0303 0000"), 5, 0, false);
        Assert.True(walk.MoveNext());
        Assert.Equal(TlsItem.Record, walk.Item);
        Assert.False(walk.MoveNext());
        Assert.Equal(TlsWalkEnd.Malformed, walk.End);
    }

    [Fact]
    public void Every_cut_of_a_record_stream_ends_the_walk_without_throwing()
    {
        var bytes = Concat(ServerHello13, Hex("15 0303 0002 0228"), Hex("14 0303 0001 01"), ApplicationData, Hex("63 0303 0001 00"));
        for (int cut = 0; cut <= bytes.Length; cut++)
        {
            var walk = new TlsRecordWalk(bytes.AsSpan(0, cut), bytes.Length, 0, false);
            int steps = 0;
            while (walk.MoveNext())
                Assert.True(++steps < 100);
            Assert.True(cut == bytes.Length || walk.End == TlsWalkEnd.Truncated || steps >= 0);
        }
        // hostile lengths: a handshake message claiming more than its record, a record claiming 0xFFFF
        foreach (var hostile in new[] { Hex("16 0303 0008 01ffffff 00000000"), Hex("17 0303 ffff"), Hex("16 0303 0002 0100") })
        {
            var walk = new TlsRecordWalk(hostile, hostile.Length, 0, false);
            while (walk.MoveNext())
            {
            }
        }
    }

    [Fact]
    public void A_client_hello_walk_finds_the_server_name_and_stops_at_an_extension_past_the_end()
    {
        var sni = Concat(Hex("0000 0010 000e 00 000b"), "example.org"u8.ToArray());
        var hello = Concat(Hex("0303"), new byte[32], Hex("00 0002 1301 0100"), U16((ushort)sni.Length), sni);
        var walk = new TlsHelloWalk(hello, client: true);
        var items = new List<TlsHelloItem>();
        string? name = null;
        while (walk.MoveNext())
        {
            items.Add(walk.Item);
            if (walk.Item == TlsHelloItem.ServerName)
                name = System.Text.Encoding.ASCII.GetString(hello, walk.Offset, walk.Length);
        }
        Assert.False(walk.Malformed);
        Assert.Equal("example.org", name);
        Assert.Equal(TlsHelloItem.ServerName, items[^1]);
        Assert.True(TlsHelloWalk.IsMalformed(Concat(hello[..^sni.Length], Hex("000a 0028 0000")), client: true));
        for (int cut = 0; cut <= hello.Length; cut++)
            TlsHelloWalk.IsMalformed(hello.AsSpan(0, cut), client: true);
    }
}
