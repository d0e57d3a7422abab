namespace RawNet.Capture.Sessions;

/// <summary>When a <see cref="CaptureSession"/> stops by itself, and how much it may buffer between the capture thread and its consumers.</summary>
/// <param name="Count">Stop after this many frames reached the ring (0: no limit); frames the full ring dropped do not count.</param>
/// <param name="Duration">Stop after this long (null: no limit).</param>
/// <param name="RingBytes">The ring's arena, a power of two; it must hold two frames of the largest snap length.</param>
public sealed record CaptureSessionOptions(long Count = 0, TimeSpan? Duration = null, int RingBytes = 64 * 1024 * 1024);
