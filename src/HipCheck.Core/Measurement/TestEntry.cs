namespace HipCheck.Core.Measurement;

/// <summary>
/// One test as entered, before validation: the shape of the API's <c>tests[]</c> items and of the form.
/// Sided tests take <see cref="Left"/> and <see cref="Right"/> trials; force tests also a <see cref="Unit"/>
/// and optionally a lever arm; the back-extension hold takes <see cref="Seconds"/>.
/// </summary>
public sealed record TestEntry(
    string? Test,
    string? Unit = null,
    IReadOnlyList<double>? Left = null,
    IReadOnlyList<double>? Right = null,
    double? LeverArmM = null,
    double? Seconds = null);
