using System.Globalization;
using RawNet.Testing;

namespace RawNet.Cli.Tests.Filters;

/// <summary>
/// tshark's display-filter engine run once over a capture for many expressions: a Lua tap listener per expression
/// (tshark compiles a tap's filter as it compiles <c>-Y</c>'s, and runs it on the same dissection) records the numbers
/// of the frames it passes, or the error tshark gives when it refuses the expression. One pass instead of one tshark per
/// expression: tshark's start-up and dissection were most of CI's time.
/// </summary>
/// <remarks>
/// Checked against one <c>tshark -Y EXPR -T fields -e frame.number</c> per expression on every expression the display
/// filter oracle uses: the same frames, and the same expressions refused
/// (<see cref="TsharkDisplayFilterOracleTests.OneTsharkPassSelectsWhatOneTsharkPerExpressionSelects"/> keeps checking
/// a sample).
/// </remarks>
internal sealed class TsharkFilterBatch
{
    /// <summary>
    /// Reads the expressions (one a line) from its first argument, registers a listener for each, and writes one line per
    /// expression to its second argument when tshark has read the file: the index, then "frames" and the numbers, or
    /// "refused" and tshark's message on one line.
    /// </summary>
    private const string Script = """
        local args = { ... }
        local expressions = {}
        for line in io.lines(args[1]) do expressions[#expressions + 1] = line end
        local results = {}
        for i, expression in ipairs(expressions) do
          local ok, listener = pcall(Listener.new, nil, expression)
          if ok then
            local frames = {}
            results[i] = frames
            function listener.packet(pinfo) frames[#frames + 1] = pinfo.number end
          else
            results[i] = tostring(listener):gsub("%s+", " ")
          end
        end
        local last = Listener.new("frame", nil)
        function last.draw()
          local out = assert(io.open(args[2], "w"))
          for i = 1, #expressions do
            local r = results[i]
            if type(r) == "table" then
              out:write(i, "\tframes\t", table.concat(r, ","), "\n")
            else
              out:write(i, "\trefused\t", r, "\n")
            end
          end
          out:close()
        end
        """;

    private readonly Dictionary<string, HashSet<long>> _frames = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _refusals = new(StringComparer.Ordinal);

    /// <summary>Runs tshark once over <paramref name="capture"/> with every expression of <paramref name="expressions"/>.</summary>
    public static TsharkFilterBatch Run(string tshark, string capture, IEnumerable<string> expressions)
    {
        var distinct = expressions.Distinct(StringComparer.Ordinal).ToList();
        if (distinct.Any(e => e.Contains('\n') || e.Contains('\r')))
            throw new ArgumentException("an expression spans lines", nameof(expressions));
        var directory = Directory.CreateTempSubdirectory("rawnet-filter-batch-");
        try
        {
            string script = Path.Combine(directory.FullName, "filters.lua");
            string input = Path.Combine(directory.FullName, "expressions.txt");
            string output = Path.Combine(directory.FullName, "results.txt");
            File.WriteAllText(script, Script);
            File.WriteAllLines(input, distinct);
            var run = ExternalTool.Run(tshark,
                // -T fields: the tree tshark builds to print, as under -Y; with -q alone a protocol's bytes are not all in
                // it, and a slice of them (tcp[20:4]) matches nothing.
                ["-n", "-r", capture, "-T", "fields", "-e", "frame.number",
                 "-X", "lua_script:" + script, "-X", "lua_script1:" + input, "-X", "lua_script1:" + output],
                TimeSpan.FromMinutes(5));
            if (run.ExitCode != 0 || !File.Exists(output))
                throw new InvalidOperationException($"tshark with the filter script exited {run.ExitCode}: {run.StdErr}");
            var batch = new TsharkFilterBatch();
            foreach (var line in File.ReadAllLines(output))
            {
                var parts = line.Split('\t', 3);
                string expression = distinct[int.Parse(parts[0], CultureInfo.InvariantCulture) - 1];
                if (parts[1] == "frames")
                    batch._frames[expression] = parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries).Select(n => long.Parse(n, CultureInfo.InvariantCulture)).ToHashSet();
                else
                    batch._refusals[expression] = parts[2];
            }
            if (batch._frames.Count + batch._refusals.Count != distinct.Count)
                throw new InvalidOperationException($"tshark's filter script answered for {batch._frames.Count + batch._refusals.Count} of {distinct.Count} expressions");
            return batch;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    /// <summary>Whether the batch held <paramref name="expression"/> and tshark accepted it.</summary>
    public bool Answers(string expression) => _frames.ContainsKey(expression);

    /// <summary>The frames tshark selects with <paramref name="expression"/>, or null when it refuses it.</summary>
    public HashSet<long>? Frames(string expression) =>
        _frames.TryGetValue(expression, out var frames) ? frames
        : _refusals.ContainsKey(expression) ? null
        : throw new ArgumentException($"'{expression}' was not in the batch", nameof(expression));

    /// <summary>tshark's message refusing <paramref name="expression"/>, or null when it accepts it.</summary>
    public string? Refusal(string expression) => _refusals.GetValueOrDefault(expression);
}
