using System.Text.Json;
using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Intake;

public class SubmissionFingerprintTests
{
    private static string Of(string json) => SubmissionFingerprint.Of(JsonDocument.Parse(json).RootElement);

    [Fact]
    public void Gives_the_same_body_the_same_fingerprint()
    {
        var body = SamplePayloads.Valid().ToJsonString();

        Of(body).ShouldBe(Of(body));
    }

    [Fact]
    public void Ignores_whitespace_and_indentation()
    {
        var compact = SamplePayloads.Valid().ToJsonString();
        var indented = SamplePayloads.Valid().ToJsonString(new JsonSerializerOptions { WriteIndented = true });

        Of(indented).ShouldBe(Of(compact));
    }

    [Fact]
    public void Ignores_the_order_of_properties_at_every_depth() =>
        Of("""{"a":1,"b":{"x":true,"y":[1,{"p":null,"q":"s"}]}}""")
            .ShouldBe(Of("""{ "b": { "y": [1, {"q":"s","p":null}], "x": true }, "a": 1 }"""));

    [Fact]
    public void Ignores_how_a_string_is_escaped() =>
        Of("""{"name":"Amina"}""").ShouldBe(Of("""{"name":"\u0041mina"}"""));

    [Fact]
    public void Tells_a_changed_value_apart()
    {
        var original = SamplePayloads.Valid();
        var changed = SamplePayloads.Valid();
        changed["request"]!["budgetUsd"] = 250001;

        Of(changed.ToJsonString()).ShouldNotBe(Of(original.ToJsonString()));
    }

    [Fact]
    public void Tells_apart_a_different_order_of_array_items() =>
        Of("""{"a":[1,2]}""").ShouldNotBe(Of("""{"a":[2,1]}"""));

    [Fact]
    public void Tells_apart_an_added_field() =>
        Of("""{"a":1}""").ShouldNotBe(Of("""{"a":1,"b":null}"""));

    [Fact]
    public void Tells_apart_a_string_from_a_number() =>
        Of("""{"a":1}""").ShouldNotBe(Of("""{"a":"1"}"""));

    [Fact]
    public void Keeps_property_names_and_values_apart() =>
        Of("""{"ab":"c"}""").ShouldNotBe(Of("""{"a":"bc"}"""));

    [Fact]
    public void Is_a_sha256_hex_digest() =>
        Of("{}").ShouldMatch("^sha256:[0-9a-f]{64}$");

    [Fact]
    public void Does_not_throw_on_a_string_with_a_lone_surrogate() =>
        Should.NotThrow(() => Of("""{"a":"\ud800"}"""));

    [Fact]
    public void Fingerprints_a_large_body()
    {
        var payload = SamplePayloads.Valid();
        payload["attachments"] = new System.Text.Json.Nodes.JsonArray(
            SamplePayloads.Attachment("big.pdf", "application/pdf", new byte[3 * 1024 * 1024]));

        Of(payload.ToJsonString()).ShouldNotBe(Of(SamplePayloads.Valid().ToJsonString()));
    }
}
