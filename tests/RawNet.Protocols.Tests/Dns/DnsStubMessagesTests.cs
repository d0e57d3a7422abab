using System.Net;
using RawNet.Protocols.Dns;

namespace RawNet.Protocols.Tests.Dns;

/// <summary>The stub resolver's and the lab server's messages: built, read back, and hostile responses refused.</summary>
public sealed class DnsStubMessagesTests
{
    [Fact]
    public void A_query_reads_back_as_its_one_question()
    {
        var query = DnsStubMessages.Query(0x1234, "b.lab.example", DnsRecordType.AAAA);
        Assert.Equal(Convert.FromHexString("1234010000010000000000000162036c6162076578616d706c650000" + "1c0001"), query);
        Assert.True(DnsStubMessages.TryReadQuestion(query, out var name, out var type, out var end));
        Assert.Equal(("b.lab.example.", DnsRecordType.AAAA, query.Length), (name, type, end));
    }

    [Fact]
    public void A_response_with_an_alias_points_each_owner_at_the_name_before_it()
    {
        var query = DnsStubMessages.Query(7, "www.lab.example.", DnsRecordType.A);
        DnsStubMessages.TryReadQuestion(query, out _, out _, out var end);
        var response = DnsStubMessages.Response(query, end, DnsResponseCode.NoError,
            [new DnsAnswer(DnsRecordType.CNAME, 300, Target: "b.lab.example."), new DnsAnswer(DnsRecordType.A, 300, IPAddress.Parse("198.18.0.2"))]);
        // QR, AA and RD (copied from the query) set; one question, two answers.
        Assert.Equal(Convert.FromHexString("000785000001000200000000"), response[..12]);
        var answers = new List<string>();
        Assert.True(DnsStubMessages.TryReadResponse(response, out var id, out var rcode, answers));
        Assert.Equal((7, DnsResponseCode.NoError), (id, rcode));
        Assert.Equal(["CNAME b.lab.example.", "A 198.18.0.2"], answers);
        // The A record's owner is a pointer to the CNAME's target, inside the first answer's data.
        int cnameData = end + 12;
        Assert.Equal([(byte)0xC0, (byte)cnameData], response[^16..^14]);
    }

    [Theory]
    [InlineData("000181800001000100000000" + "01610000010001" + "c00c00010001000000000004c6120002", true)]  // an A owned by the question: fine
    [InlineData("000181800000000100000000" + "c00c00010001000000000004c6120002", false)]                  // a pointer to itself: a loop
    [InlineData("000181800000000100000000" + "3f6162", false)]                                            // a label running past the end
    [InlineData("000181800000000100000000" + "0161000001000100000000" + "0004c612", false)]                // RDATA cut short
    [InlineData("0001", false)]                                                                             // no header
    [InlineData("000101000001000000000000" + "01610000010001", false)]                                    // a query, not a response
    public void Hostile_responses_are_refused_without_a_throw_or_a_hang(string hex, bool readable)
    {
        var answers = new List<string>();
        Assert.Equal(readable, DnsStubMessages.TryReadResponse(Convert.FromHexString(hex), out _, out _, answers));
        if (readable)
            Assert.Equal(["A 198.18.0.2"], answers);
    }

    [Fact]
    public void Names_longer_than_dns_allows_are_refused_when_written_and_read()
    {
        var label = new string('x', 63);
        Assert.Throws<ArgumentException>(() => DnsStubMessages.Query(1, new string('y', 64) + ".example", DnsRecordType.A));
        Assert.Throws<ArgumentException>(() => DnsStubMessages.Query(1, string.Join('.', Enumerable.Repeat(label, 4)), DnsRecordType.A));
        // 4 labels of 63 on the wire (256 bytes with the root) in a hand-made query: refused as a question.
        var message = new List<byte>(Convert.FromHexString("000101000001000000000000"));
        for (int i = 0; i < 4; i++)
        {
            message.Add(63);
            message.AddRange(System.Text.Encoding.ASCII.GetBytes(label));
        }
        message.AddRange([0, 0, 1, 0, 1]);
        Assert.False(DnsStubMessages.TryReadQuestion([.. message], out _, out _, out _));
    }
}
