namespace HipCheck.Core.Training;

/// <summary>What a shape stands for in an exercise drawing; renderers pick stroke, fill and CSS class from it.</summary>
public enum ShapeRole
{
    /// <summary>Head, trunk and arms.</summary>
    Body,

    /// <summary>The limb whose hip muscles the exercise trains (highlighted).</summary>
    WorkingLimb,

    /// <summary>The other leg (or an arm) that holds the position.</summary>
    SupportLimb,

    /// <summary>The floor.</summary>
    Ground,

    /// <summary>A band, a mat edge or a weight.</summary>
    Equipment,

    /// <summary>The direction of the movement.</summary>
    Arrow,
}

/// <summary>One element of a drawing, in canvas units (origin top left, y down, as in SVG).</summary>
public abstract record Shape(ShapeRole Role);

/// <summary>A straight stroke with round caps; limbs and the trunk are thick lines.</summary>
public sealed record LineShape(ShapeRole Role, double X1, double Y1, double X2, double Y2, double Width) : Shape(Role);

/// <summary>A filled circle (the head, a joint or a weight).</summary>
public sealed record CircleShape(ShapeRole Role, double Cx, double Cy, double R) : Shape(Role);

/// <summary>
/// A stroked path through the points; when <paramref name="Closed"/> it is closed and filled (an arrowhead).
/// Equality compares the points element by element, so two drawings with the same data are equal records.
/// </summary>
public sealed record PolylineShape(ShapeRole Role, IReadOnlyList<(double X, double Y)> Points, double Width, bool Closed)
    : Shape(Role)
{
    public bool Equals(PolylineShape? other) =>
        other is not null && Role == other.Role && Width.Equals(other.Width) && Closed == other.Closed
        && Points.SequenceEqual(other.Points);

    public override int GetHashCode() => HashCode.Combine(Role, Width, Closed, Points.Count);
}

/// <summary>
/// A simple vector stick-figure drawing of an exercise (side view), kept as data so that the same drawing renders to
/// SVG for the web (<see cref="IllustrationSvg"/>) and to vector graphics in the PDF guide.
/// </summary>
/// <param name="Width">Canvas width (the shipped drawings use 200).</param>
/// <param name="Height">Canvas height (the shipped drawings use 120).</param>
/// <param name="Shapes">Drawn in order: later shapes lie on top.</param>
/// <param name="AltText">What the drawing shows, for screen readers and as the SVG title.</param>
public sealed record Illustration(double Width, double Height, IReadOnlyList<Shape> Shapes, string AltText)
{
    public bool Equals(Illustration? other) =>
        other is not null && Width.Equals(other.Width) && Height.Equals(other.Height)
        && string.Equals(AltText, other.AltText, StringComparison.Ordinal) && Shapes.SequenceEqual(other.Shapes);

    public override int GetHashCode() => HashCode.Combine(Width, Height, AltText, Shapes.Count);
}
