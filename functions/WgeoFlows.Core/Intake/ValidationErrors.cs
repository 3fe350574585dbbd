namespace WgeoFlows.Intake;

/// <summary>Collects the errors of a validation run, by JSON path, in the order found: the first
/// <see cref="SubmissionValidator.MaxErrors"/> of them, then a count of the rest under "$", so that the answer to a hostile
/// body stays small however many fields it gets wrong.</summary>
internal sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);
    private int kept;
    private int dropped;

    public bool Any => errors.Count > 0 || dropped > 0;

    public void Add(string path, string message)
    {
        if (kept >= SubmissionValidator.MaxErrors)
        {
            dropped++;
            return;
        }
        if (!errors.TryGetValue(path, out var messages)) errors[path] = messages = [];
        messages.Add(message);
        kept++;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary()
    {
        var answer = errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
        if (dropped > 0)
        {
            var more = $"{dropped:N0} more error(s) are not listed: correct the fields above and send again.";
            answer["$"] = answer.TryGetValue("$", out var root) ? [.. root, more] : [more];
        }
        return answer;
    }
}
