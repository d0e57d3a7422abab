using DuckDB.NET.Data;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Parquet;

/// <summary>
/// <c>rawnet read -T parquet</c> read back by DuckDB (the engine as the oracle): counts and sums equal what
/// <c>rawnet stats</c> and <c>-T fields</c> say, columns have their types, a dataset directory is partitioned by date and
/// hour as Hive names it; a target that exists, a folder that cannot be written and a full disk are one line each and
/// leave nothing an engine would read.
/// </summary>
public sealed class ParquetExportTests
{
    private static readonly string Lossy = Path.Combine(TestPaths.Captures, "tcp-analysis", "lab-upload-lossy.pcapng");
    private static readonly string Udp = Path.Combine(TestPaths.Captures, "udp-exchange.pcap");

    private static List<object?[]> Query(string sql)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
        {
            var values = new object?[reader.FieldCount];
            reader.GetValues(values!);
            rows.Add([.. values.Select(v => v is DBNull ? null : v)]);
        }
        return rows;
    }

    private static string Temp(string name) => Path.Combine(Directory.CreateTempSubdirectory("rawnet-parquet-").FullName, name);

    [Fact]
    public void One_file_of_two_captures_has_a_row_per_packet_and_the_numbers_stats_and_fields_give()
    {
        var target = Temp("both.parquet");
        var (code, stdout, stderr) = InProcessRawNet.Run("read", Lossy, Udp, "-T", "parquet", "-w", target);
        Assert.Equal(0, code);
        Assert.Equal("", stdout);
        Assert.Equal($"rawnet: wrote 202 rows from 2 captures to {target}\n", stderr);
        var rows = Query($"select file, count(*), sum(\"frame.len\"), sum(\"tcp.len\"), count(*) filter (where \"tcp.analysis.duplicate_ack\"), " +
            $"count(*) filter (where \"tcp.analysis.fast_retransmission\"), max(\"tcp.analysis.bytes_in_flight\"), count(distinct \"tcp.stream\") from '{target}' group by file order by file");
        Assert.Equal(2, rows.Count);
        // rawnet stats on the same capture: 195 packets, 168,422 bytes; TCP analysis: duplicate_ack 19, fast_retransmission 1.
        Assert.Equal(["lab-upload-lossy.pcapng", 195L, 168422m, 155308m, 19L, 1L, 50680L, 1L], rows[0].Select(Normal));
        Assert.Equal("udp-exchange.pcap", rows[1][0]);
        Assert.Equal(7L, Normal(rows[1][1]));
        // Row by row, the typed values are the ones -T fields prints.
        var fields = InProcessRawNet.Run("read", Lossy, "-T", "fields", "-e", "frame.number", "-e", "ip.src", "-e", "tcp.srcport", "-e", "tcp.seq", "-e", "tcp.analysis.ack_rtt", "-e", "tcp.flags.syn").StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var parquet = Query($"select \"frame.number\", \"ip.src\", \"tcp.srcport\", \"tcp.seq\", \"tcp.analysis.ack_rtt\", \"tcp.flags.syn\" from '{target}' where file = 'lab-upload-lossy.pcapng' order by \"frame.number\"");
        Assert.Equal(fields, parquet.Select(r => string.Join('\t', r[0], r[1], r[2], r[3],
            r[4] is double rtt ? rtt.ToString("0.000000000", System.Globalization.CultureInfo.InvariantCulture) : "", r[5] is bool syn ? (syn ? "1" : "0") : "")));
    }

    /// <summary>Captures with every kind of row the default columns meet: tunnels and ICMP quotes (a field twice in a packet), VLAN tags, IPv6, fragments, cut frames, every TCP analysis flag.</summary>
    public static TheoryData<string> RowCaptures => new(
        "icmp-errors.pcap", "ip-fragments.pcap", "truncated.pcap", "bad-checksums.pcap", "tcp-handshake-ipv6.pcap",
        Path.Combine("tcp-analysis", "lab-upload-lossy.pcapng"), Path.Combine("tcp-analysis", "tcp-analysis-ipv6.pcap"),
        Path.Combine("tcp-analysis", "tcp-zero-window.pcap"), Path.Combine("tcp-analysis", "tcp-keep-alive.pcap"),
        Path.Combine("tcp-analysis", "tcp-spurious-retransmission.pcap"), Path.Combine("tcp-analysis", "udp-streams.pcap"),
        Path.Combine("tables", "table-expert-cases.pcap"), Path.Combine("link", "mpls.pcap"), Path.Combine("link", "nsh.pcap"),
        Path.Combine("link", "pppoe.pcap"), Path.Combine("wifi", "radiotap.pcap"),
        // eth.src from a DOCSIS header (not the bytes path of the address texts), two Ethernet and IP layers in a tunnel.
        Path.Combine("pseudo-link", "docsis.pcap"), Path.Combine("link", "l2tp.pcap"));

    /// <summary>
    /// Every default column of every row holds what <c>-T fields</c> prints for that field: numbers equal (a typed column
    /// keeps a field's first occurrence), flags as 1/0, analysis markers false where -T fields prints nothing, texts
    /// character for character (all occurrences, comma-separated).
    /// </summary>
    [Theory]
    [MemberData(nameof(RowCaptures))]
    public void Every_default_column_of_every_row_is_what_fields_prints(string capture)
    {
        var path = Path.Combine(TestPaths.Captures, capture);
        Assert.True(File.Exists(path), path);
        var target = Temp("rows.parquet");
        Assert.Equal(0, InProcessRawNet.Run("read", path, "-T", "parquet", "-w", target).ExitCode);
        var names = RawNet.Parquet.ParquetColumns.DefaultNames.Where(n => n != "frame.time_epoch").ToArray();
        var fields = InProcessRawNet.Run(["read", path, "-T", "fields", .. names.SelectMany(n => new[] { "-e", n })]).StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rows = Query($"select {string.Join(", ", names.Select(n => $"\"{n}\""))} from '{target}' order by \"frame.number\"");
        Assert.Equal(fields.Length, rows.Count);
        for (int r = 0; r < rows.Count; r++)
        {
            var printed = fields[r].Split('\t');
            for (int c = 0; c < names.Length; c++)
                Assert.True(Same(printed[c], rows[r][c]), $"{capture} frame {r + 1} {names[c]}: -T fields '{printed[c]}', Parquet '{rows[r][c]}'");
        }
    }

    /// <summary>Whether a Parquet value is what -T fields printed for the field.</summary>
    private static bool Same(string printed, object? stored)
    {
        string first = printed.Split(',')[0];
        return stored switch
        {
            null => printed == "",
            string text => text == printed,
            bool flag => first == (flag ? "1" : "0") || !flag && printed == "",
            double seconds => first != "" && Math.Abs(double.Parse(first, System.Globalization.CultureInfo.InvariantCulture) - seconds) < 1e-9,
            _ => first != "" && Convert.ToInt64(stored, System.Globalization.CultureInfo.InvariantCulture) ==
                (first.StartsWith("0x", StringComparison.Ordinal) ? Convert.ToInt64(first[2..], 16) : long.Parse(first, System.Globalization.CultureInfo.InvariantCulture)),
        };
    }

    private static object? Normal(object? value) => value switch
    {
        int i => (long)i,
        System.Numerics.BigInteger b => (decimal)b,
        double d => (decimal)d,
        _ => value,
    };

    [Fact]
    public void The_columns_have_the_types_engines_expect_and_the_timestamp_is_the_packets()
    {
        var target = Temp("typed.parquet");
        Assert.Equal(0, InProcessRawNet.Run("read", Lossy, "-T", "parquet", "-w", target, "-e", "frame.time_epoch", "-e", "ip.src", "-e", "tcp.srcport",
            "-e", "tcp.flags.syn", "-e", "tcp.analysis.retransmission", "-e", "tcp.analysis.ack_rtt", "-e", "_ws.col.Info").ExitCode);
        var types = Query($"select column_name, column_type from (describe select * from '{target}')").ToDictionary(r => (string)r[0]!, r => (string)r[1]!);
        Assert.Equal("VARCHAR", types["file"]);
        Assert.Equal("BIGINT", types["frame.time_epoch_ns"]);
        Assert.StartsWith("TIMESTAMP", types["frame.time_epoch"]);
        Assert.Equal("VARCHAR", types["ip.src"]);
        Assert.Equal("BIGINT", types["tcp.srcport"]);
        Assert.Equal("BOOLEAN", types["tcp.flags.syn"]);
        Assert.Equal("BOOLEAN", types["tcp.analysis.retransmission"]);
        Assert.Equal("DOUBLE", types["tcp.analysis.ack_rtt"]);
        Assert.Equal("VARCHAR", types["_ws.col.Info"]);
        var first = Query($"select \"frame.time_epoch_ns\", epoch_us(\"frame.time_epoch\"), \"tcp.analysis.retransmission\" from '{target}' order by \"frame.time_epoch_ns\" limit 1").Single();
        var epoch = InProcessRawNet.Run("read", Lossy, "-c", "1", "-T", "fields", "-e", "frame.time_epoch").StdOut.Trim();
        Assert.Equal(long.Parse(epoch.Replace(".", "")), (long)first[0]!);
        Assert.Equal((long)first[0]! / 1000, Convert.ToInt64(first[1]));
        Assert.Equal(false, first[2]);
    }

    [Fact]
    public void A_dataset_directory_is_partitioned_by_date_and_hour()
    {
        var target = Temp("dataset");
        var (code, _, stderr) = InProcessRawNet.Run("read", Lossy, Udp, "-T", "parquet", "-w", target);
        Assert.Equal(0, code);
        Assert.Equal($"rawnet: wrote 202 rows from 2 captures to {target} (2 files in date=/hour= partitions)\n", stderr);
        Assert.True(File.Exists(Path.Combine(target, "date=2026-12-03", "hour=22", "part-00000.parquet")));
        Assert.True(File.Exists(Path.Combine(target, "date=2023-11-14", "hour=22", "part-00000.parquet")));
        var rows = Query($"select date::varchar, hour, count(*) from read_parquet('{target}/**/*.parquet', hive_partitioning = true) group by all order by 1");
        Assert.Equal([["2023-11-14", 22L, 7L], ["2026-12-03", 22L, 195L]], rows.Select(r => r.Select(Normal).ToArray()));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(Path.GetDirectoryName(target)!), e => e.Contains("rawnet-partial"));
    }

    [Fact]
    public void A_target_that_exists_or_cannot_be_written_is_one_line_and_nothing_is_left()
    {
        var target = Temp("exists.parquet");
        File.WriteAllText(target, "mine");
        var (code, _, stderr) = InProcessRawNet.Run("read", Lossy, "-T", "parquet", "-w", target);
        Assert.Equal(1, code);
        Assert.Equal($"rawnet: {target}: exists; rawnet does not write over a Parquet target (remove it, or name another)\n", stderr);
        Assert.Equal("mine", File.ReadAllText(target));

        var missing = Path.Combine(Path.GetDirectoryName(target)!, "no", "such.parquet");
        (code, _, stderr) = InProcessRawNet.Run("read", Lossy, "-T", "parquet", "-w", missing);
        Assert.Equal(1, code);
        Assert.Equal($"rawnet: {missing}: no such directory {Path.GetDirectoryName(missing)}\n", stderr);

        (code, _, stderr) = InProcessRawNet.Run("read", Lossy, "-T", "parquet");
        Assert.Equal(2, code);
        Assert.StartsWith("rawnet: -T parquet needs -w TARGET", stderr);
        (code, _, stderr) = InProcessRawNet.Run("read", Lossy, Udp);
        Assert.Equal(2, code);
        Assert.StartsWith("rawnet: several files are read together only with -T parquet", stderr);
        (code, _, stderr) = InProcessRawNet.Run("read", Lossy, "-T", "parquet", "-w", Temp("x.parquet"), "-e", "no.such.field");
        Assert.Equal(2, code);
        Assert.StartsWith("rawnet: unknown field 'no.such.field'", stderr);
    }

    [Fact]
    public void A_full_disk_is_one_line_and_leaves_no_file_an_engine_would_read()
    {
        ExternalTool.RequireRoot();
        var unshare = ExternalTool.Require("unshare", "util-linux");
        var dir = Directory.CreateTempSubdirectory("rawnet-parquet-full-").FullName;
        // A 16 KiB tmpfs in a mount namespace of the test's own; the lab captures' rows with their Info text need more.
        var big = string.Join(' ', Directory.GetFiles(Path.Combine(TestPaths.Captures, "lab"), "*.pcapng").Order().Select(f => $"'{f}'"));
        var script = $"""
            mkdir -p '{dir}.out'
            mount -t tmpfs -o size=16k tmpfs '{dir}' || exit 90
            dotnet '{RawNetProcess.AssemblyPath}' read {big} -T parquet -w '{dir}/out' -e _ws.col.Info -e frame.number 2>'{dir}.out/err'
            echo "exit $?" >> '{dir}.out/err'
            ls -A '{dir}' > '{dir}.out/ls'
            """;
        var run = ExternalTool.Run(unshare, ["-m", "bash", "-c", script], TimeSpan.FromSeconds(120));
        Assert.True(run.ExitCode == 0, run.StdErr);
        var err = File.ReadAllText(Path.Combine(dir + ".out", "err")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, err.Length);
        Assert.Matches($@"^rawnet: {System.Text.RegularExpressions.Regex.Escape(dir)}/out: No space left on device.* nothing is left under that name$", err[0]);
        Assert.Equal("exit 1", err[1]);
        // Nothing at all: no out, no staging directory.
        Assert.Equal("", File.ReadAllText(Path.Combine(dir + ".out", "ls")));
    }
}
