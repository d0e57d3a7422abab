using System.Globalization;
using RawNet.Protocols.Llc;

namespace RawNet.Protocols.Tests.Llc;

public class OuiNamesTests
{
    private const string WiresharkManuf = "/usr/share/wireshark/manuf";

    [Fact]
    public void A_manufacturer_table_names_its_24_bit_assignments_by_the_long_name_else_the_short_one()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(path,
            [
                "# a comment",
                "00:00:0C\tCisco\tCisco Systems, Inc",
                "00:00:13\tCamex",
                "00:00:18\tWebster\tWebster Computer Corporation\t# and a comment",
                "00:00:19\tAppliedDy\t# a comment where the long name would be",
                "00:00:D1\tAdaptec\t\tAdaptec, Inc.\t# the long name behind two tabs, as tshark reads it",
                "00:1B:C5:00:00:00/36\tConverging\tConverging Systems Inc.",
                "01:00:0C:CC:CC:CC\tCDP/VTP/DTP/PAgP/UDLD",
                "zz:zz:zz\tNobody",
                "00:00:0D",
            ]);
            var (ouis, names) = OuiNames.Load(path);
            Assert.Equal([0x00000Cu, 0x000013u, 0x000018u, 0x000019u, 0x0000D1u], ouis);
            Assert.Equal(["Cisco Systems, Inc", "Camex", "Webster Computer Corporation", "AppliedDy", "Adaptec, Inc."], names);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void No_table_a_missing_one_or_an_unreadable_one_names_nothing()
    {
        Assert.Empty(OuiNames.Load(null).Ouis);
        Assert.Empty(OuiNames.Load("/nonexistent/wireshark/manuf").Ouis);
        Assert.Empty(OuiNames.Load(Path.GetTempPath()).Ouis); // a directory
    }

    [Fact]
    public void Every_24_bit_assignment_of_the_installed_manufacturer_table_is_named_as_tshark_reads_it()
    {
        if (!File.Exists(WiresharkManuf))
            Assert.Skip($"{WiresharkManuf} is not installed (apt-get install tshark)");
        Assert.Equal(WiresharkManuf, OuiNames.FindTable());
        int assignments = 0;
        foreach (var line in File.ReadLines(WiresharkManuf))
        {
            var fields = line.Split('\t');
            if (fields[0].Length != 8 || fields[0][2] != ':' || fields[0][5] != ':' || fields.Length < 2
                || !uint.TryParse(fields[0].Replace(":", ""), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint oui))
                continue;
            // The long name is the first field after the short one that is neither empty nor a comment.
            string name = fields.Skip(2).TakeWhile(f => !f.StartsWith('#')).FirstOrDefault(f => f.Trim().Length > 0) ?? fields[1];
            Assert.Equal(name.Trim(), OuiNames.Find(oui));
            assignments++;
        }
        Assert.Equal(assignments, OuiNames.Count);
    }

    [Fact]
    public void Looking_up_a_name_allocates_nothing()
    {
        OuiNames.Find(0x00000C);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (uint oui = 0; oui < 4096; oui++)
            OuiNames.Find(oui * 4093);
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}

public class BasicXidTests
{
    [Theory]
    [InlineData(0xAF, true), InlineData(0xBF, true), InlineData(0xAD, false), InlineData(0xE3, false), InlineData(0x2F, false)]
    public void Tells_an_xid_control_field_whatever_its_poll_bit(int control, bool xid) => Assert.Equal(xid, BasicXid.IsXid((byte)control));

    [Theory]
    [InlineData(0x01, "Type 1 LLC (Class I LLC)"), InlineData(0x21, "Type 1 LLC (Class I LLC)"), InlineData(0x07, "Type 1 and Type 2 and Type 3 LLCs (Class IV LLC)")]
    [InlineData(0x00, null), InlineData(0x08, null), InlineData(0x1F, null)]
    public void Names_the_llc_types_by_the_low_five_bits(int types, string? name) => Assert.Equal(name, BasicXid.TypesName((byte)types));

    [Theory]
    [InlineData(0x00, 0), InlineData(0x02, 1), InlineData(0xFF, 127), InlineData(0x7E, 63)]
    public void Reads_the_window_size_from_the_high_seven_bits(int value, int window) => Assert.Equal(window, BasicXid.WindowSize((byte)value));
}
