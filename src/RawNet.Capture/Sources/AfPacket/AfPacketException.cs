using System.Runtime.InteropServices;

namespace RawNet.Capture.Sources.AfPacket;

/// <summary>An AF_PACKET call failed; the message names the interface and says what went wrong in one line.</summary>
public class AfPacketException : IOException
{
    /// <summary>An error with its errno (0 when none applies).</summary>
    public AfPacketException(string message, int errno)
        : base(message) => Errno = errno;

    /// <summary>The errno of the failed call, 0 when the error is not a system call's.</summary>
    public int Errno { get; }

    /// <summary>
    /// The exception for <paramref name="errno"/> from <paramref name="call"/> on <paramref name="interfaceName"/>:
    /// EPERM/EACCES become <see cref="CapturePermissionException"/>, ENODEV/ENXIO "no such interface NAME".
    /// </summary>
    public static AfPacketException FromErrno(int errno, string call, string interfaceName) => errno switch
    {
        Interop.Errno.EPERM or Interop.Errno.EACCES => new CapturePermissionException(interfaceName, errno),
        Interop.Errno.ENODEV or Interop.Errno.ENXIO => new AfPacketException($"no such interface {interfaceName}", errno),
        Interop.Errno.ENETDOWN => new AfPacketException($"interface {interfaceName} is down", errno),
        _ => new AfPacketException($"{call} on {interfaceName}: {Marshal.GetPInvokeErrorMessage(errno)}", errno),
    };
}

/// <summary>Capture was refused for lack of CAP_NET_RAW; the message names both ways to get it.</summary>
public sealed class CapturePermissionException : AfPacketException
{
    /// <summary>The refusal for <paramref name="interfaceName"/>, naming this process's executable in the setcap advice.</summary>
    public CapturePermissionException(string interfaceName, int errno)
        : this(interfaceName, errno, Environment.ProcessPath)
    {
    }

    /// <summary>The refusal, naming <paramref name="executable"/> in the setcap advice (a placeholder when it is null or the dotnet host).</summary>
    public CapturePermissionException(string interfaceName, int errno, string? executable)
        : base(Describe(interfaceName, executable), errno)
    {
    }

    private static string Describe(string interfaceName, string? executable)
    {
        var target = executable is null || Path.GetFileNameWithoutExtension(executable) is "dotnet" or "testhost"
            ? "<path of the published rawnet>"
            : executable;
        return $"cannot capture on {interfaceName}: capturing needs CAP_NET_RAW; run as root, " +
            $"or give the binary the capability once: sudo setcap cap_net_raw,cap_net_admin=eip {target}";
    }
}
