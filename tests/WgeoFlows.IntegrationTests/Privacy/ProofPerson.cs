namespace WgeoFlows.Tests.Privacy;

/// <summary>
/// A fictional person whose traces the erasure proofs look for: a name, an address and a phrase that occur nowhere else, in
/// Latin with accents, Arabic and Chinese. Each needle is found by any of its fragments, so that a part of it left behind
/// (the Chinese word of the phrase in a history, the local part of the address in a key) still counts.
/// </summary>
public sealed record ProofPerson(string Tag)
{
    public string Name => $"Zéphyrine Qüixbottom-{Tag} زفيرين 泽菲琳";

    /// <summary>Submitted with capitals: the product lower-cases it in some places and not in others.</summary>
    public string Email => $"Zephyrine.Q{Tag}@Erase-Proof.example";

    public string Phrase => $"Marmaladekangaroo-{Tag} 绿色长颈鹿 الزرافة الخضراء";

    public IReadOnlyDictionary<string, string[]> Needles => new Dictionary<string, string[]>
    {
        ["name"] = [Name, "Zéphyrine", $"Qüixbottom-{Tag}", "زفيرين", "泽菲琳"],
        ["email"] = [Email, $"Zephyrine.Q{Tag}"],
        ["phrase"] = [Phrase, $"Marmaladekangaroo-{Tag}", "绿色长颈鹿", "الزرافة الخضراء"],
    };
}
