namespace RawNet.Ui.Input;

/// <summary>What the session must do after a key, beyond the changes the key made to the model.</summary>
public enum KeyOutcome : byte
{
    /// <summary>Nothing more: draw again.</summary>
    Continue,
    /// <summary>Quit the UI.</summary>
    Quit,
    /// <summary>Open the interfaces screen (list the interfaces, check the right to capture).</summary>
    OpenInterfaces,
    /// <summary>Start a capture on the interfaces screen's selected interface with its filter.</summary>
    StartCapture,
    /// <summary>Stop the running capture.</summary>
    StopCapture,
    /// <summary>Open the craft screen (made the first time: check the right to capture).</summary>
    OpenCraft,
}
