namespace RawNet.Output.Graphs;

/// <summary>
/// The retransmission timer's round-trip estimate of RFC 6298 §2, in the textbook's names: the first sample R sets
/// EstimatedRTT = R and DevRTT = R/2; each later sample R' sets DevRTT = (1 − β)·DevRTT + β·|EstimatedRTT − R'| and then
/// EstimatedRTT = (1 − α)·EstimatedRTT + α·R', with α = 1/8 and β = 1/4; the timeout is EstimatedRTT + 4·DevRTT (RFC 6298
/// adds a clock granularity G and a floor of one second, left out here so the line follows the measurements).
/// </summary>
public struct RttEstimator
{
    /// <summary>α, the weight of a new sample in EstimatedRTT.</summary>
    public const double Alpha = 1.0 / 8;

    /// <summary>β, the weight of a new deviation in DevRTT.</summary>
    public const double Beta = 1.0 / 4;

    /// <summary>True once a sample has been taken.</summary>
    public bool HasSample { get; private set; }

    /// <summary>EstimatedRTT (RFC 6298's SRTT), in the samples' unit.</summary>
    public double EstimatedRtt { get; private set; }

    /// <summary>DevRTT (RFC 6298's RTTVAR), in the samples' unit.</summary>
    public double DevRtt { get; private set; }

    /// <summary>TimeoutInterval = EstimatedRTT + 4·DevRTT.</summary>
    public readonly double TimeoutInterval => EstimatedRtt + 4 * DevRtt;

    /// <summary>Takes one round-trip sample.</summary>
    public void Add(double sample)
    {
        if (!HasSample)
        {
            EstimatedRtt = sample;
            DevRtt = sample / 2;
            HasSample = true;
            return;
        }
        // RFC 6298 2.3: RTTVAR first, from the SRTT before this sample.
        DevRtt = (1 - Beta) * DevRtt + Beta * Math.Abs(EstimatedRtt - sample);
        EstimatedRtt = (1 - Alpha) * EstimatedRtt + Alpha * sample;
    }
}
