using WgeoFlows.Privacy.Erasure;
using WgeoFlows.Shared;

namespace WgeoFlows.Privacy.ChangeLog;

/// <summary>Replaces one person's address (<paramref name="normalized"/>, lower case) by <paramref name="role"/>, and nothing
/// else: what erasing a person does to the change log, where the other people's addresses are other people's data.</summary>
public sealed class AddressRewrite(string normalized, string role) : PersonalDataRewrite
{
    public override bool ErasesFreeText => false;

    protected override string? RoleFor(string address) => address == normalized ? role : null;

    /// <summary>A value that is the address exactly goes even where the pattern of addresses in text would not see one.</summary>
    public override string Text(string text) => EmailAddresses.Normalize(text) == normalized ? role : base.Text(text);
}
