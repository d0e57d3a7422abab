using RawNet.Protocols.Dns;
using static RawNet.Protocols.Tests.Dns.DnsMessages;
using static RawNet.Protocols.Tests.PacketBytes;

namespace RawNet.Protocols.Tests.Dns;

/// <summary>The header view and the walk over questions and records.</summary>
public class DnsRecordReaderTests
{
    [Fact]
    public void HeaderDeconstructs()
    {
        Assert.True(DnsHeader.TryRead(Response(), out var header));
        Assert.Equal(0x1234, header.Id);
        Assert.Equal(0x8580, header.Flags);
        Assert.True(header.IsResponse);
        Assert.Equal((0, 0), (header.Opcode, header.Rcode));
        Assert.Equal((1, 8, 0, 1), (header.QuestionCount, header.AnswerCount, header.AuthorityCount, header.AdditionalCount));
        Assert.False(DnsHeader.TryRead(new byte[11], out _));
    }

    [Fact]
    public void WalksEverySectionInOrder()
    {
        var message = Response();
        var reader = new DnsRecordReader(message, message.Length);
        var records = new List<DnsRecord>();
        while (reader.TryNext(out var record))
            records.Add(record);
        Assert.Equal(DnsWalkStatus.Complete, reader.Status);
        Assert.Equal(message.Length, reader.Offset);
        Assert.Equal([DnsSection.Question, .. Enumerable.Repeat(DnsSection.Answer, 8), DnsSection.Additional], records.Select(r => r.Section));
        Assert.Equal([1, 5, 1, 28, 15, 2, 16, 6, 33, 41], records.Select(r => (int)r.Type));
        Assert.Equal((12, 29, 0), (records[0].Offset, records[0].TypeOffset, records[0].DataLength));
        Assert.Equal((33, 35, 45, 6), (records[1].Offset, records[1].TypeOffset, records[1].DataOffset, records[1].DataLength));
        Assert.Equal((41, 1232, 0x8000u), ((int)records[^1].Type, (int)records[^1].Class, records[^1].Ttl));
    }

    [Fact]
    public void MoreRecordsCountedThanPresentIsMalformed()
    {
        var message = Concat(Header(1, 0x8180, 1, 3, 0, 0), Question(Name("a.example"), 1), Record(Pointer(12), 1, 5, [1, 2, 3, 4]));
        var reader = new DnsRecordReader(message, message.Length);
        Assert.Equal(DnsWalkStatus.Malformed, reader.SkipAll());
        Assert.Equal(message.Length, reader.StopOffset);
    }

    [Fact]
    public void RecordDataPastTheEndIsMalformedOrTruncated()
    {
        var message = Concat(Header(1, 0x8180, 1, 1, 0, 0), Question(Name("a.example"), 1),
            Concat(Pointer(12), U16(1), U16(1), U32(5), U16(40), [1, 2, 3, 4]));
        Assert.Equal(DnsWalkStatus.Malformed, new DnsRecordReader(message, message.Length).SkipAll());
        Assert.Equal(DnsWalkStatus.Truncated, new DnsRecordReader(message, message.Length + 36).SkipAll());
    }

    [Fact]
    public void EveryCutOfAMessageIsTruncatedAndOnlyWholeRecordsAreReturned()
    {
        var message = Response();
        var whole = new DnsRecordReader(message, message.Length);
        var ends = new List<int>();
        while (whole.TryNext(out var record))
            ends.Add(record.End);
        for (int cut = 0; cut < message.Length; cut++)
        {
            var reader = new DnsRecordReader(message.AsSpan(0, cut), message.Length);
            int returned = 0;
            while (reader.TryNext(out var record))
            {
                Assert.True(record.End <= cut);
                returned++;
            }
            Assert.Equal(DnsWalkStatus.Truncated, reader.Status);
            Assert.Equal(ends.Count(end => end <= cut), returned);
            // The same bytes as a whole message: malformed.
            Assert.Equal(DnsWalkStatus.Malformed, new DnsRecordReader(message.AsSpan(0, cut), cut).SkipAll());
        }
    }

    [Fact]
    public void HostileCountsStopAtMaxRecords()
    {
        // 65535 root-name questions counted, 4,000 present: the walk stops after MaxRecords.
        var message = Concat(Header(1, 0x0100, 0xFFFF, 0xFFFF, 0xFFFF, 0xFFFF), Enumerable.Repeat(Question([0], 1), 4000).SelectMany(q => q).ToArray());
        var reader = new DnsRecordReader(message, message.Length);
        int n = 0;
        while (reader.TryNext(out _))
            n++;
        Assert.Equal(DnsRecordReader.MaxRecords, n);
        Assert.Equal(DnsWalkStatus.TooManyRecords, reader.Status);
    }
}
