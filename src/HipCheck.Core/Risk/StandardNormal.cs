namespace HipCheck.Core.Risk;

/// <summary>The standard normal distribution.</summary>
public static class StandardNormal
{
    /// <summary>
    /// Φ(z), the standard normal cumulative distribution function, to about 1e-14 absolute error (relative error
    /// below 1e-7 even in the far tail, |z| &gt; 7, where the continued fraction takes over).
    /// Algorithm 5666 of Hart et al. (Computer Approximations, 1968) as given by G. West, "Better approximations to
    /// cumulative normal functions", Wilmott Magazine 2005: a rational approximation for |z| &lt; 7.07 and a continued
    /// fraction beyond. NaN in, NaN out.
    /// </summary>
    public static double Cdf(double z)
    {
        if (double.IsNaN(z))
        {
            return double.NaN;
        }

        var x = Math.Abs(z);
        double tail;
        if (x > 37)
        {
            tail = 0;
        }
        else
        {
            var e = Math.Exp(-x * x / 2);
            if (x < 7.07106781186547)
            {
                var p = 3.52624965998911E-02 * x + 0.700383064443688;
                p = p * x + 6.37396220353165;
                p = p * x + 33.912866078383;
                p = p * x + 112.079291497871;
                p = p * x + 221.213596169931;
                p = p * x + 220.206867912376;
                var q = 8.83883476483184E-02 * x + 1.75566716318264;
                q = q * x + 16.064177579207;
                q = q * x + 86.7807322029461;
                q = q * x + 296.564248779674;
                q = q * x + 637.333633378831;
                q = q * x + 793.826512519948;
                q = q * x + 440.413735824752;
                tail = e * p / q;
            }
            else
            {
                var f = x + 0.65;
                f = x + 4 / f;
                f = x + 3 / f;
                f = x + 2 / f;
                f = x + 1 / f;
                tail = e / f / 2.506628274631;
            }
        }

        return z > 0 ? 1 - tail : tail;
    }
}
