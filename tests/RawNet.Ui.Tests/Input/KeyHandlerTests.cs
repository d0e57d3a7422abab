using RawNet.Ui.Input;
using RawNet.Ui.Model;
using Xunit;

namespace RawNet.Ui.Tests.Input;

/// <summary>Keys of the interfaces screen and the replay, through the key map as a user types them.</summary>
public sealed class KeyHandlerTests
{
    private static KeyOutcome Type(CaptureView view, string keys)
    {
        var outcome = KeyOutcome.Continue;
        foreach (char c in keys)
            outcome = KeyHandler.Apply(view, KeyMap.FromChar(c));
        return outcome;
    }

    private static InterfacePicker Picker(string? problem, string? capturing) => new(
        [new("rn-test-a", "[Up, Running]"), new("lo", "[Up, Running, Loopback]")],
        (_, filter) => filter.EndsWith("port", StringComparison.Ordinal) ? "cannot compile filter: syntax error" : null,
        problem, capturing, null);

    [Fact]
    public void I_asks_the_session_for_the_interfaces_then_j_f_text_and_enter_start_a_capture_with_the_filter()
    {
        var view = Views.Open("udp-exchange.pcap");
        Assert.Equal(KeyOutcome.OpenInterfaces, Type(view, "i"));
        view.Interfaces = Picker(null, null);
        view.Screen = ScreenKind.Interfaces;
        Assert.Equal(KeyOutcome.Continue, Type(view, "jf"));
        Assert.True(view.Interfaces.EditingFilter);
        Type(view, "udp port");
        Assert.Equal("cannot compile filter: syntax error", view.Interfaces.FilterError);
        // Enter closes the field; Enter again is refused while the filter does not compile.
        Assert.Equal(KeyOutcome.Continue, Type(view, "\n\n"));
        Assert.Equal("cannot compile filter: syntax error", view.Interfaces.Message);
        Type(view, "f 53\n");
        Assert.Null(view.Interfaces.FilterError);
        Assert.Equal(KeyOutcome.StartCapture, Type(view, "\n"));
        Assert.Equal(("lo", "udp port 53"), (view.Interfaces.Selected!.Name, view.Interfaces.Filter));
        Type(view, "\e");
        Assert.Equal(ScreenKind.Main, view.Screen);
    }

    [Fact]
    public void While_capturing_the_first_row_stops_and_without_the_right_enter_explains()
    {
        var view = Views.Open("udp-exchange.pcap");
        view.Interfaces = Picker(null, "rn-test-a");
        view.Screen = ScreenKind.Interfaces;
        Assert.Equal(KeyOutcome.StopCapture, Type(view, "\n"));
        view.Interfaces = Picker("capturing needs CAP_NET_RAW; run as root", null);
        Assert.Equal(KeyOutcome.Continue, Type(view, "\n"));
        Assert.Equal("capturing needs CAP_NET_RAW; run as root", view.Interfaces.Message);
        Assert.Equal(KeyOutcome.Quit, Type(view, "q"));
    }

    [Fact]
    public void P_plus_minus_and_dot_drive_the_replay_and_escape_ends_it()
    {
        var view = Views.Open("tcp-handshake-ipv4.pcap");
        view.Clock = new ManualClock();
        Type(view, "-p");
        Assert.Equal("/2", view.Replay!.SpeedText);
        Assert.True(view.Replay.Playing);
        Type(view, "p..");
        Assert.False(view.Replay.Playing);
        Assert.Equal(3, view.ShownCount);
        Type(view, "++=");
        Assert.Equal("x4", view.Replay.SpeedText);
        Type(view, "n");
        Assert.Equal(4, view.ShownCount);
        Type(view, "\e");
        Assert.Null(view.Replay);
        Assert.Equal(10, view.ShownCount);
    }

    [Fact]
    public void C_opens_craft_where_arrows_choose_slash_types_a_payload_with_q_and_c_in_it_and_enter_sends()
    {
        var view = Views.Open("udp-exchange.pcap");
        Assert.Equal(KeyOutcome.OpenCraft, Type(view, "c"));
        var sent = new List<Capture.Layers.LayersOptions>();
        view.Craft = new CraftForm((options, _) =>
        {
            lock (sent)
                sent.Add(options);
            return CraftReports.StreamAndDatagram();
        }, null);
        view.Screen = ScreenKind.Craft;
        var form = view.Craft;

        Assert.Equal(KeyOutcome.Continue, Type(view, "ll"));
        Assert.Equal(Capture.Layers.SocketKind.Raw, form.Kind);
        KeyHandler.Apply(view, new ConsoleKeyInfo('\0', ConsoleKey.LeftArrow, false, false, false));
        Assert.Equal(Capture.Layers.SocketKind.Datagram, form.Kind);
        Type(view, "hv");
        Assert.Equal(Capture.Layers.SocketKind.Stream, form.Kind);
        Assert.True(form.Ipv6);

        // The field takes every key, q and c too; Backspace erases; Enter closes it and sends.
        Type(view, "/");
        Assert.True(form.EditingPayload);
        Assert.Equal(KeyOutcome.Continue, Type(view, "\b\b\b\b\b\b\b quick c?"));
        Assert.Equal("hello, quick c?", form.Payload);
        Type(view, "\n");
        Assert.False(form.EditingPayload);
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)));
        Assert.NotNull(form.Result);
        Assert.Equal("hello, quick c?"u8.ToArray(), Assert.Single(sent).Payload);

        // Esc in the field closes it without sending; e opens it too; Enter outside it sends again.
        Type(view, "e!\e");
        Assert.False(form.EditingPayload);
        Assert.Single(sent);
        Type(view, "\n");
        Assert.True(SpinWait.SpinUntil(form.Collect, TimeSpan.FromSeconds(10)));
        Assert.Equal("hello, quick c?!"u8.ToArray(), sent[1].Payload);

        // c and Esc go back to the packets; ? shows help; q quits.
        Type(view, "c");
        Assert.Equal(ScreenKind.Main, view.Screen);
        view.Screen = ScreenKind.Craft;
        Type(view, "\e");
        Assert.Equal(ScreenKind.Main, view.Screen);
        view.Screen = ScreenKind.Craft;
        Type(view, "?");
        Assert.Equal(ScreenKind.Help, view.Screen);
        view.Screen = ScreenKind.Craft;
        Assert.Equal(KeyOutcome.Quit, Type(view, "q"));
    }

    [Fact]
    public void On_craft_j_k_pages_and_g_G_scroll_the_result_within_its_lines()
    {
        var view = Views.Open("udp-exchange.pcap");
        view.Craft = Widgets.CraftScreenTests.WithResult(CraftReports.StreamAndDatagram());
        view.Screen = ScreenKind.Craft;
        var form = view.Craft;
        form.ResultLineCount = 50;
        form.ResultRows = 10;
        Type(view, "jjj");
        Assert.Equal(3, form.ResultTop);
        Type(view, "k");
        Assert.Equal(2, form.ResultTop);
        KeyHandler.Apply(view, new ConsoleKeyInfo('\0', ConsoleKey.PageDown, false, false, false));
        Assert.Equal(11, form.ResultTop);
        Type(view, "G");
        Assert.Equal(40, form.ResultTop);
        Type(view, "j");
        Assert.Equal(40, form.ResultTop);
        Type(view, "g");
        Assert.Equal(0, form.ResultTop);
        Type(view, "k");
        Assert.Equal(0, form.ResultTop);
    }
}
