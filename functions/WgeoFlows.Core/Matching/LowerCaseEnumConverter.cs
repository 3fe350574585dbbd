using System.Text.Json;
using System.Text.Json.Serialization;

namespace WgeoFlows.Matching;

/// <summary>Writes and reads an enum as the contract spells its values (<c>provider</c>, <c>backup</c>, …), never as a number.</summary>
public sealed class LowerCaseEnumConverter<TEnum>() : JsonStringEnumConverter<TEnum>(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)
    where TEnum : struct, Enum;
