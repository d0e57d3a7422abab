#!/usr/bin/env python3
"""Issue 15's agreement figure for one lab capture with TCP_INFO samples (rawnet lab traffic upload -w FILE.pcapng):

  tcp-info-agreement.py RAWNET FILE.pcapng SENDER_ADDRESS

For each sample of the sender's socket: tcpi_unacked x MSS against tshark's tcp.analysis.bytes_in_flight of a data
segment the sender sent, within two MSS. Prints the share that agree when that segment is the nearest in time (the
issue's measure), the last at or before the sample, and the first after it; then sorts the samples that disagree with
the last one before them by what the sample says the sender was waiting for: nothing written (notsent 0), the peer's
window, the congestion window, or none of these (ACKs came in and were counted, and the next segment had not left yet).
"""
import bisect, collections, random, subprocess, sys

rawnet, path, sender = sys.argv[1:4]
samples = []  # (time relative to the first packet, mss, unacked, cwnd, notsent, snd_wnd)
for line in subprocess.run([rawnet, "stats", path, "--tcp-info"], capture_output=True, text=True, check=True).stdout.splitlines()[2:]:
    f = line.split()
    samples.append((float(f[0]), int(f[3]), int(f[7]), int(f[4]), int(f[-2]), int(f[-1])))
tshark = lambda expr, *fields: [l.split("\t") for l in subprocess.run(
    ["tshark", "-r", path, "-Y", expr, "-T", "fields", *sum((["-e", x] for x in fields), [])],
    capture_output=True, text=True, check=True).stdout.splitlines()]
data = [(float(t), int(b)) for t, b in tshark(f"ip.src=={sender} && tcp.len>0", "frame.time_relative", "tcp.analysis.bytes_in_flight") if b]
times = [t for t, _ in data]
acks = [float(t) for t, in tshark(f"ip.dst=={sender} && tcp", "frame.time_relative")]

def before(t):
    i = bisect.bisect_right(times, t) - 1
    return i if i >= 0 else None
def after(t):
    i = bisect.bisect_left(times, t)
    return i if i < len(times) else None
def nearest(t):
    found = [i for i in (before(t), after(t)) if i is not None]
    return min(found, key=lambda i: abs(times[i] - t)) if found else None

def share(pairs):
    """(value, other, mss) triples, a None value left out: 'A of B (P%)' for those within two MSS of each other."""
    compared = [abs(a - b) <= 2 * mss for a, b, mss in pairs if a is not None]
    return f"{sum(compared)} of {len(compared)} ({100 * sum(compared) / max(len(compared), 1):.1f}%)"

print(f"{path}: {len(samples)} samples, {len(data)} data segments of {sender}")
for name, pick in (("nearest segment (the issue's measure)", nearest), ("last segment at or before the sample", before), ("first segment after the sample", after)):
    picked = ((pick(t), unacked * mss, mss) for t, mss, unacked, *_ in samples)
    print(f"  {name}: {share((None if i is None else data[i][1], kernel, mss) for i, kernel, mss in picked)} within two MSS")
why = collections.Counter()
for t, mss, unacked, cwnd, notsent, window in samples:
    i = before(t)
    if i is None or abs(data[i][1] - unacked * mss) <= 2 * mss:
        continue
    acked_since = bisect.bisect_right(acks, t) - bisect.bisect_right(acks, times[i])
    if unacked * mss > data[i][1]:
        why["the kernel counts more than the trace"] += 1
    elif notsent == 0:
        why["fewer: application-limited (notsent 0)"] += 1
    elif (unacked + 1) * mss > window:
        why["fewer: the peer's window was full"] += 1
    elif unacked >= cwnd:
        why["fewer: cwnd was full"] += 1
    else:
        why[f"fewer: {'ACKs' if acked_since else 'no ACK'} arrived since the last segment, data waiting, cwnd and window open"] += 1
for reason, count in why.most_common():
    print(f"  disagreeing with the last segment: {count:5} {reason}")

# The capture's own bytes in flight after each TCP packet (sent - acknowledged, as captured up to then).
state_times, state = [], []
sent = acked = 0
for t, src, seq, length, ack in tshark("tcp", "frame.time_relative", "ip.src", "tcp.seq", "tcp.len", "tcp.ack"):
    if src == sender:
        sent = max(sent, int(seq) + int(length))
    else:
        acked = max(acked, int(ack))
    state_times.append(float(t))
    state.append(sent - acked)
def in_flight_at(t):
    i = bisect.bisect_right(state_times, t) - 1
    return state[i] if i >= 0 else None
mss = samples[0][1] if samples else 1448
dice = random.Random(1)
for name, instants in (("at the sample times", [s[0] for s in samples]),
                       ("at 5,000 random times", [dice.uniform(times[0], times[-1]) for _ in range(5000)] if times else [])):
    picked = ((nearest(t), in_flight_at(t)) for t in instants)
    print(f"  the trace against itself {name} (the measure's ceiling): "
          f"{share((None if i is None or now is None else data[i][1], now, mss) for i, now in picked)}")
print(f"  the kernel against the capture's bytes in flight at the sample's instant: "
      f"{share((in_flight_at(t), unacked * mss, mss) for t, mss, unacked, *_ in samples)}")
