using System.Numerics;
using System.Runtime.InteropServices;

namespace HipCheck.Core.Statistics.Internal;

/// <summary>SIMD sums and dot products for the block-wise passes of the regression models.</summary>
internal static class VectorSums
{
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var width = Vector<double>.Count;
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
        var acc = Vector<double>.Zero;
        for (var i = 0; i < va.Length; i++)
        {
            acc += va[i] * vb[i];
        }

        var sum = Vector.Sum(acc);
        for (var i = va.Length * width; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    public static double Sum(ReadOnlySpan<double> a)
    {
        var width = Vector<double>.Count;
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var acc = Vector<double>.Zero;
        for (var i = 0; i < va.Length; i++)
        {
            acc += va[i];
        }

        var sum = Vector.Sum(acc);
        for (var i = va.Length * width; i < a.Length; i++)
        {
            sum += a[i];
        }

        return sum;
    }

    /// <summary>target[i] = a[i] × b[i].</summary>
    public static void Multiply(ReadOnlySpan<double> a, ReadOnlySpan<double> b, Span<double> target)
    {
        var width = Vector<double>.Count;
        var va = MemoryMarshal.Cast<double, Vector<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..a.Length]);
        var vt = MemoryMarshal.Cast<double, Vector<double>>(target[..a.Length]);
        for (var i = 0; i < va.Length; i++)
        {
            vt[i] = va[i] * vb[i];
        }

        for (var i = va.Length * width; i < a.Length; i++)
        {
            target[i] = a[i] * b[i];
        }
    }

    /// <summary>target[i] = source[i] − shift.</summary>
    public static void Subtract(ReadOnlySpan<double> source, double shift, Span<double> target)
    {
        var width = Vector<double>.Count;
        var vs = MemoryMarshal.Cast<double, Vector<double>>(source);
        var vt = MemoryMarshal.Cast<double, Vector<double>>(target[..source.Length]);
        var vshift = new Vector<double>(shift);
        for (var i = 0; i < vs.Length; i++)
        {
            vt[i] = vs[i] - vshift;
        }

        for (var i = vs.Length * width; i < source.Length; i++)
        {
            target[i] = source[i] - shift;
        }
    }

    /// <summary>target[i] += factor × source[i].</summary>
    public static void AddScaled(ReadOnlySpan<double> source, double factor, Span<double> target)
    {
        var width = Vector<double>.Count;
        var vs = MemoryMarshal.Cast<double, Vector<double>>(source);
        var vt = MemoryMarshal.Cast<double, Vector<double>>(target[..source.Length]);
        var vf = new Vector<double>(factor);
        for (var i = 0; i < vs.Length; i++)
        {
            vt[i] += vf * vs[i];
        }

        for (var i = vs.Length * width; i < source.Length; i++)
        {
            target[i] += factor * source[i];
        }
    }
}
