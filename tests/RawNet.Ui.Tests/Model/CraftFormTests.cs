using RawNet.Capture.Layers;
using RawNet.Capture.Sources.AfPacket;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Model;

/// <summary>The craft form's run: off the UI thread, one at a time, its result or its one-line error taken in by Collect.</summary>
public sealed class CraftFormTests
{
    [Fact]
    public void The_experiment_runs_on_another_thread_with_the_forms_choices_and_its_report_lands_in_the_model()
    {
        using var entered = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        int runThread = -1, calls = 0;
        LayersOptions? seen = null;
        var report = CraftReports.StreamAndDatagram();
        var form = new CraftForm((options, token) =>
        {
            runThread = Environment.CurrentManagedThreadId;
            seen = options;
            Interlocked.Increment(ref calls);
            entered.Set();
            release.Wait(token);
            return report;
        }, null);
        form.MoveChoice(1);
        form.ToggleIpv6();
        form.EditPayload("héllo");
        Assert.True(form.Send());
        // The UI thread is free while the run blocks: it sees Running and nothing to collect, and a second Enter is refused.
        Assert.True(entered.Wait(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken));
        Assert.True(form.Running);
        Assert.False(form.Collect());
        Assert.False(form.Send());
        Assert.Null(form.Result);
        Assert.NotEqual(Environment.CurrentManagedThreadId, runThread);

        release.Set();
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)));
        Assert.False(form.Running);
        Assert.Same(report, form.Result);
        Assert.Equal(((SocketKind?)SocketKind.Datagram, true), form.ResultOf);
        Assert.Null(form.Error);
        Assert.Equal(1, calls);
        Assert.NotNull(seen);
        Assert.Equal([SocketKind.Datagram], seen.KindsToRun);
        Assert.True(seen.Ipv6);
        Assert.Equal("héllo"u8.ToArray(), seen.Payload);
    }

    [Fact]
    public void All_four_runs_every_kind_and_a_failed_run_leaves_one_line_and_the_previous_result()
    {
        var report = CraftReports.StreamAndDatagram();
        Exception? failure = null;
        LayersOptions? seen = null;
        var form = new CraftForm((options, _) =>
        {
            seen = options;
            return failure is null ? report : throw failure;
        }, null);
        form.MoveChoice(-1);
        Assert.Null(form.Kind);
        Assert.True(form.Send());
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)));
        Assert.Equal(Enum.GetValues<SocketKind>(), seen!.KindsToRun);

        failure = new CapturePermissionException("lo", 1, "/usr/bin/rawnet");
        Assert.True(form.Send());
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)));
        Assert.Equal(failure.Message, form.Error);
        Assert.Same(report, form.Result);

        failure = new InvalidOperationException("two\nlines");
        Assert.True(form.Send());
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)));
        Assert.Equal("the experiment failed: InvalidOperationException: two lines", form.Error);
    }

    [Fact]
    public void The_payload_keeps_to_the_engines_limit_in_bytes_and_an_empty_one_is_not_sent()
    {
        var form = new CraftForm((_, _) => throw new InvalidOperationException("must not run"), null);
        Assert.True(form.EditPayload(new string('x', LayersOptions.MaxPayload)));
        Assert.False(form.EditPayload(new string('x', LayersOptions.MaxPayload + 1)));
        // Two bytes each in UTF-8.
        Assert.False(form.EditPayload(new string('é', LayersOptions.MaxPayload / 2 + 1)));
        Assert.Equal(LayersOptions.MaxPayload, form.PayloadBytes);
        Assert.True(form.EditPayload(""));
        Assert.False(form.Send());
        Assert.Equal("type a payload first: 1 to 1400 bytes (/ or e edits it)", form.Error);
    }

    [Fact]
    public void X_chooses_a_transport_experiment_whose_report_replaces_the_layers_result_and_datagram_means_udp()
    {
        var layers = CraftReports.StreamAndDatagram();
        TransportOptions? seen = null;
        var transport = new TransportReport(TransportExperimentKind.Checksum, false, "lo", null, null, ["step"], [], [], [], ["finding"]);
        var form = new CraftForm((_, _) => layers, null, transport: (options, _) =>
        {
            seen = options;
            return transport;
        });
        Assert.True(form.Send());
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)));
        Assert.Same(layers, form.Result);

        // layers, writes, segment, fragment, rst, handshake, checksum: six steps on; X goes back, and wraps.
        form.MoveExperiment(6);
        Assert.Equal(TransportExperimentKind.Checksum, form.Experiment);
        form.MoveChoice(1);
        form.EditPayload("walk me");
        Assert.True(form.Send());
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)));
        Assert.Null(form.Result);
        Assert.Same(transport, form.TransportResult);
        Assert.NotNull(seen);
        Assert.Equal(TransportExperimentKind.Checksum, seen.Experiment);
        Assert.True(seen.Udp);
        Assert.Equal("walk me"u8.ToArray(), seen.Payload);
        Assert.Null(seen.Lab);
        // a: the same in the lab the form was given.
        form.ToggleLab();
        Assert.True(form.Send());
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)));
        Assert.Same(form.Lab, seen.Lab);
        Assert.Same(RawNet.Capture.Lab.TestNetwork.Default, form.Lab);
        form.MoveExperiment(-6);
        Assert.Null(form.Experiment);
        form.MoveExperiment(-1);
        Assert.Equal(TransportExperimentKind.Wire, form.Experiment);
    }
}
