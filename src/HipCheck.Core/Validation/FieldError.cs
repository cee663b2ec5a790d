namespace HipCheck.Core.Validation;

/// <summary>
/// One problem with one input field. <see cref="Field"/> is the path of the field as the API names it
/// (camelCase, e.g. <c>tests[0].left[1]</c>), so the API, the forms and the CLI report the same thing.
/// </summary>
public sealed record FieldError(string Field, string Message);

/// <summary>Collects field errors while validating an input.</summary>
public sealed class FieldErrors
{
    private readonly List<FieldError> _errors = [];

    public IReadOnlyList<FieldError> All => _errors;

    public bool IsValid => _errors.Count == 0;

    public void Add(string field, string message) => _errors.Add(new FieldError(field, message));

    public void AddRange(IEnumerable<FieldError> errors) => _errors.AddRange(errors);

    /// <summary>Forgets every error (a collector re-used row after row).</summary>
    public void Clear() => _errors.Clear();

    /// <summary>Turns ".unit" into "unit" for the errors from <paramref name="from"/> on (paths built from an empty prefix).</summary>
    internal void TrimLeadingDots(int from)
    {
        for (var i = from; i < _errors.Count; i++)
        {
            if (_errors[i].Field.StartsWith('.'))
            {
                _errors[i] = _errors[i] with { Field = _errors[i].Field[1..] };
            }
        }
    }

    /// <summary>Groups messages by field, the shape of RFC 9457 validation problem details.</summary>
    public IDictionary<string, string[]> ToDictionary() =>
        _errors.GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
