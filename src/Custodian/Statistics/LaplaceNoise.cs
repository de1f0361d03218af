using System.Security.Cryptography;

namespace Custodian.Statistics;

/// <summary>Laplace noise from a cryptographic random source, for differentially private counts and sums.</summary>
public static class LaplaceNoise
{
    /// <summary>A sample of Laplace(0, <paramref name="scale"/>).</summary>
    public static double Sample(double scale)
    {
        Span<byte> bytes = stackalloc byte[8];
        RandomNumberGenerator.Fill(bytes);
        // A uniform value in (-0.5, 0.5), never exactly ±0.5, from 53 random bits.
        var uniform = ((BitConverter.ToUInt64(bytes) >> 11) + 0.5) / (1UL << 53) - 0.5;
        return -scale * Math.Sign(uniform) * Math.Log(1 - (2 * Math.Abs(uniform)));
    }
}
