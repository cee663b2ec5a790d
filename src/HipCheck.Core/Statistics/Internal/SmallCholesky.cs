namespace HipCheck.Core.Statistics.Internal;

/// <summary>
/// LDLᵀ factorisation, solve and inverse for the small (p ≤ ~10) symmetric positive semi-definite systems of the
/// regression models: Fisher information matrices stored row-major in a <c>double[p * p]</c>.
/// As survival's <c>cholesky2</c>/<c>chsolve2</c>/<c>chinv2</c> (Therneau): a pivot that is not finite or below
/// <c>tolerance × (its original diagonal)</c> marks the column as singular; its row and column are then treated as
/// zero, so a solve gives 0 and the inverse gives 0 in that direction rather than overflowing.
/// </summary>
internal static class SmallCholesky
{
    /// <summary>Factorises <paramref name="a"/> in place (lower triangle: L below the diagonal, D on it). Returns the rank.</summary>
    public static int Factor(Span<double> a, int p, double tolerance, Span<bool> singular)
    {
        var rank = 0;
        for (var i = 0; i < p; i++)
        {
            var original = a[i * p + i];
            // Row i of L so far: a[i, k] for k < i holds L[i, k]; update the pivot with the earlier columns.
            var pivot = original;
            for (var k = 0; k < i; k++)
            {
                if (!singular[k])
                {
                    var l = a[i * p + k];
                    pivot -= l * l * a[k * p + k];
                }
            }

            if (!double.IsFinite(pivot) || original <= 0 || pivot <= tolerance * original)
            {
                singular[i] = true;
                a[i * p + i] = 0;
                for (var j = i + 1; j < p; j++)
                {
                    a[j * p + i] = 0;
                }

                continue;
            }

            singular[i] = false;
            rank++;
            a[i * p + i] = pivot;
            for (var j = i + 1; j < p; j++)
            {
                var s = a[j * p + i];
                for (var k = 0; k < i; k++)
                {
                    if (!singular[k])
                    {
                        s -= a[j * p + k] * a[i * p + k] * a[k * p + k];
                    }
                }

                a[j * p + i] = s / pivot;
            }
        }

        return rank;
    }

    /// <summary>Solves A x = b with the factor from <see cref="Factor"/>; b is overwritten by x (0 in singular directions).</summary>
    public static void Solve(ReadOnlySpan<double> factor, int p, ReadOnlySpan<bool> singular, Span<double> b)
    {
        for (var i = 0; i < p; i++)
        {
            if (singular[i])
            {
                b[i] = 0;
                continue;
            }

            var s = b[i];
            for (var k = 0; k < i; k++)
            {
                s -= factor[i * p + k] * b[k];
            }

            b[i] = s;
        }

        for (var i = 0; i < p; i++)
        {
            b[i] = singular[i] ? 0 : b[i] / factor[i * p + i];
        }

        for (var i = p - 1; i >= 0; i--)
        {
            if (singular[i])
            {
                continue;
            }

            var s = b[i];
            for (var k = i + 1; k < p; k++)
            {
                s -= factor[k * p + i] * b[k];
            }

            b[i] = s;
        }
    }

    /// <summary>The inverse (a generalised inverse with zero rows and columns for singular directions), full and symmetric.</summary>
    public static void Invert(ReadOnlySpan<double> factor, int p, ReadOnlySpan<bool> singular, Span<double> inverse)
    {
        Span<double> column = stackalloc double[p];
        for (var j = 0; j < p; j++)
        {
            column.Clear();
            column[j] = 1;
            Solve(factor, p, singular, column);
            for (var i = 0; i < p; i++)
            {
                inverse[i * p + j] = column[i];
            }
        }
    }
}
