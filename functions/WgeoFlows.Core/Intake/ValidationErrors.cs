namespace WgeoFlows.Intake;

/// <summary>Collects the errors of a validation run, by JSON path, in the order found: the first
/// <see cref="SubmissionValidator.MaxErrors"/> of them, then a count of the rest under "$", so that the answer to a hostile
/// body stays small however many fields it gets wrong.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private int _kept;
    private int _dropped;

    public bool Any => _errors.Count > 0 || _dropped > 0;

    public void Add(string path, string message)
    {
        if (_kept >= SubmissionValidator.MaxErrors)
        {
            _dropped++;
            return;
        }
        if (!_errors.TryGetValue(path, out var messages)) _errors[path] = messages = [];
        messages.Add(message);
        _kept++;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary()
    {
        var answer = _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        if (_dropped > 0)
        {
            var more = $"{_dropped:N0} more error(s) are not listed: correct the fields above and send again.";
            answer["$"] = answer.TryGetValue("$", out var root) ? [.. root, more] : [more];
        }
        return answer;
    }
}
