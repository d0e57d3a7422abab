using System.Runtime.InteropServices;
using RawNet.Capture.Sources;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Testing;

namespace RawNet.Capture.Tests.Sources;

/// <summary>
/// What happens without CAP_NET_RAW, and giving root up after opening. Both change the process's identity, so each
/// runs as an explicit probe test in a child copy of this test program; the visible tests start the child and check it passed.
/// </summary>
public sealed partial class PrivilegeTests
{
    [Fact]
    public void Users_are_looked_up_and_a_missing_one_is_an_error_before_anything_changes()
    {
        Assert.Equal((0u, 0u), Privileges.LookUp("root"));
        Assert.Null(Privileges.LookUp("rn-no-such-user"));
        var e = Assert.Throws<ArgumentException>(() => Privileges.DropTo("rn-no-such-user"));
        Assert.StartsWith("no such user rn-no-such-user", e.Message);
    }

    [Fact]
    public void Root_becomes_the_named_user_else_the_sudo_user_else_nobody_and_Z_root_stays_root()
    {
        ExternalTool.RequireRoot();
        var nobody = new Account("nobody", 65534, 65534);
        Assert.Null(Privileges.Target("root", "4242", "4343"));
        Assert.Equal(nobody, Privileges.Target("nobody", "4242", "4343"));
        // A uid the password database does not know still works: its groups are its gid alone.
        Assert.Equal(new Account(null, 4242, 4343), Privileges.Target(null, "4242", "4343"));
        Assert.Equal(new Account("nobody", 65534, 65534), Privileges.Target(null, "65534", "65534"));
        Assert.Equal(nobody, Privileges.Target(null, null, null));
        // sudo run by root, or garbage in the variables: not an invoking user to go back to.
        Assert.Equal(nobody, Privileges.Target(null, "0", "0"));
        Assert.Equal(nobody, Privileges.Target(null, "x", "4343"));
        Assert.Equal(nobody, Privileges.Target(null, "4242", null));
        Assert.Throws<ArgumentException>(() => Privileges.Target("rn-no-such-user", null, null));
    }

    [Fact]
    public void Without_cap_net_raw_opening_is_refused_with_both_fixes_named()
    {
        ExternalTool.RequireRoot();
        var setpriv = ExternalTool.Require("setpriv", "util-linux");
        RunProbe(nameof(Probe_unprivileged_open_is_refused), setpriv,
            "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all");
    }

    [Fact]
    public void Dropping_to_nobody_after_opening_keeps_the_socket_and_loses_the_right_to_open_another()
    {
        ExternalTool.RequireRoot();
        RunProbe(nameof(Probe_drop_to_nobody_after_opening));
    }

    [Fact(Explicit = true)]
    public void Probe_unprivileged_open_is_refused()
    {
        Assert.NotEqual(0u, geteuid());
        var e = Assert.Throws<CapturePermissionException>(() => AfPacketCaptureSource.Open(new CaptureOptions("lo")));
        Assert.Equal(1, e.Errno);
        Assert.Contains("cannot capture on lo: capturing needs CAP_NET_RAW; run as root", e.Message);
        Assert.EndsWith("sudo setcap cap_net_raw,cap_net_admin=eip " + Environment.ProcessPath, e.Message);
    }

    [Fact(Explicit = true)]
    public void Probe_drop_to_nobody_after_opening()
    {
        Assert.Equal(0u, geteuid());
        // Only opened, never sent on: the host's loopback is just a device that exists everywhere.
        using var source = AfPacketCaptureSource.Open(new CaptureOptions("lo", Filter: "ether proto 0x88b5", BufferBytes: 1 << 20));
        Privileges.DropTo("nobody");
        Assert.Equal(65534u, geteuid());
        Assert.Equal(65534u, getegid());
        source.GetStatistics();
        Assert.False(source.TryNext(TimeSpan.FromMilliseconds(50), out _));
        Assert.Throws<CapturePermissionException>(() => AfPacketCaptureSource.Open(new CaptureOptions("lo")));
        Assert.Throws<UnauthorizedAccessException>(() => Privileges.DropTo("root"));
    }

    /// <summary>Runs one explicit probe of this class in a child copy of the test program (behind <paramref name="wrapper"/>, if any) and checks it passed.</summary>
    private static void RunProbe(string probe, string? wrapper = null, params string[] wrapperArguments)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "RawNet.Capture.Tests");
        if (!File.Exists(program))
            Assert.Skip("the test program's apphost is missing: " + program);
        List<string> arguments = [.. wrapperArguments, "env", "HOME=/tmp", program,
            "-method", $"{typeof(PrivilegeTests).FullName}.{probe}", "-explicit", "only", "-noColor"];
        var (exitCode, stdout, stderr) = wrapper is null
            ? ExternalTool.Run("env", arguments.Skip(1), TimeSpan.FromSeconds(60))
            : ExternalTool.Run(wrapper, arguments, TimeSpan.FromSeconds(60));
        Assert.True(exitCode == 0 && stdout.Contains("Total: 1, Errors: 0, Failed: 0, Skipped: 0"), stdout + stderr);
    }

    [LibraryImport("libc")]
    private static partial uint geteuid();

    [LibraryImport("libc")]
    private static partial uint getegid();
}
