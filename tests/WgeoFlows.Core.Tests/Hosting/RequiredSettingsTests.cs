using Microsoft.Extensions.Configuration;
using WgeoFlows.Hosting;

namespace WgeoFlows.Tests.Hosting;

/// <summary>Outside Development the Functions app refuses to start on a secret it must not run with, naming the key and
/// why, never the value (functions/WgeoFlows.Functions/Program.cs calls <see cref="RequiredSettings.EnsurePresent"/>).</summary>
public sealed class RequiredSettingsTests
{
    private const string Reference = "@Microsoft.KeyVault(SecretUri=https://kv-wgeo-abc.vault.azure.net/secrets/links-signing-key)";

    /// <summary>What a deployment from docs/deploy.md has: 64 characters of base64 for each generated key.</summary>
    private static Dictionary<string, string?> Production() => new()
    {
        ["Intake:WebhookSecret"] = "q0Yb8tT2rW9sKx1mZ3nV5cL7pH4jF6gD8aS0dQ2wE4rT6yU8iO0pA1sD3fG5hJ7k",
        ["Links:SigningKey"] = "Zm9vYmFyYmF6cXV4Y29yZ2VncmF1bHRnYXJwbHl3YWxkb2ZyZWRwbHVnaHh5enp5",
        ["Admin:ApiKey"] = "c2VjcmV0LWFkbWluLWtleS1mb3Itc2NyaXB0cy1vbmx5LWV4YW1wbGUtdmFsdWUx",
        ["SendGrid:ApiKey"] = "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",
        ["Mail:From"] = "noreply@wgeo.example",
    };

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    private static IConfiguration With(string key, string? value)
    {
        var settings = Production();
        settings[key] = value;
        return Configuration(settings);
    }

    private static string StartFailure(IConfiguration configuration) =>
        Should.Throw<InvalidOperationException>(() => RequiredSettings.EnsurePresent(configuration)).Message;

    public static TheoryData<string> Secrets() => new(RequiredSettings.Secrets);

    public static TheoryData<string> GeneratedKeys() => new(RequiredSettings.GeneratedKeys);

    [Fact]
    public void A_production_configuration_starts()
    {
        RequiredSettings.Problems(Configuration(Production())).ShouldBeEmpty();
        RequiredSettings.EnsurePresent(Configuration(Production()));
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void A_missing_secret_stops_the_start_with_its_key_named(string key)
    {
        var message = StartFailure(With(key, null));

        message.ShouldContain($"{key} is missing");
        RequiredSettings.Problems(With(key, "  ")).ShouldHaveSingleItem().ShouldBe(new SettingProblem(key, SettingProblemReason.Missing));
    }

    [Theory]
    [MemberData(nameof(Secrets))]
    public void An_unresolved_key_vault_reference_stops_the_start_with_its_key_named_and_not_its_text(string key)
    {
        var message = StartFailure(With(key, Reference));

        message.ShouldContain($"{key} is a Key Vault reference that App Service could not resolve");
        message.ShouldContain("restart the app");
        message.ShouldNotContain("SecretUri");
        message.ShouldNotContain("vault.azure.net");
    }

    [Fact]
    public void A_key_vault_reference_is_recognised_whatever_its_case_and_leading_space()
    {
        RequiredSettings.IsKeyVaultReference("  @microsoft.keyvault(VaultName=kv;SecretName=s)").ShouldBeTrue();
        RequiredSettings.IsKeyVaultReference("Microsoft.KeyVault is not a reference").ShouldBeFalse();
    }

    [Fact]
    public void An_unresolved_key_vault_reference_in_any_other_setting_stops_the_start()
    {
        var message = StartFailure(With("SendGrid:EventWebhookPublicKey", Reference));

        message.ShouldContain("SendGrid:EventWebhookPublicKey is a Key Vault reference that App Service could not resolve");
    }

    [Theory]
    [InlineData("Intake:WebhookSecret", "dev-webhook-secret")]
    [InlineData("Links:SigningKey", "dev-link-signing-key")]
    [InlineData("Admin:ApiKey", "dev-admin-key")]
    [InlineData("SendGrid:ApiKey", "SG.local-sink")]
    [InlineData("Admin:ApiKey", "dev-a-key-long-enough-to-pass-the-length-check")]
    [InlineData("Links:SigningKey", "DEV-LINK-SIGNING-KEY")]
    public void A_development_value_stops_the_start(string key, string value)
    {
        var message = StartFailure(With(key, value));

        message.ShouldContain($"{key} is a development value published in this repository");
        message.ShouldNotContain(value, Case.Insensitive);
    }

    [Theory]
    [MemberData(nameof(GeneratedKeys))]
    public void A_generated_key_shorter_than_32_bytes_stops_the_start(string key)
    {
        var message = StartFailure(With(key, new string('k', 31)));

        message.ShouldContain($"{key} is shorter than 32 bytes");
        message.ShouldNotContain(new string('k', 31));
    }

    [Theory]
    [MemberData(nameof(GeneratedKeys))]
    public void A_generated_key_of_32_bytes_starts(string key) =>
        RequiredSettings.Problems(With(key, new string('k', 32))).ShouldBeEmpty();

    [Fact]
    public void A_key_is_measured_in_bytes_not_characters()
    {
        // Eleven euro signs are 33 bytes of UTF-8 (the HMAC key bytes); eleven ASCII letters would be 11.
        RequiredSettings.Problems(With("Links:SigningKey", new string('€', 11))).ShouldBeEmpty();
        RequiredSettings.Problems(With("Links:SigningKey", new string('é', 15))).ShouldHaveSingleItem().Reason.ShouldBe(SettingProblemReason.TooShort);
    }

    [Fact]
    public void The_sendgrid_key_is_not_measured_because_sendgrid_chooses_its_format() =>
        RequiredSettings.Problems(With("SendGrid:ApiKey", "SG.short")).ShouldBeEmpty();

    [Fact]
    public void The_typeform_secret_is_checked_only_when_it_is_set()
    {
        RequiredSettings.Problems(With("Intake:Typeform:Secret", null)).ShouldBeEmpty();
        RequiredSettings.Problems(With("Intake:Typeform:Secret", "a-secret-set-on-the-typeform-webhook")).ShouldBeEmpty();

        StartFailure(With("Intake:Typeform:Secret", Reference)).ShouldContain("Intake:Typeform:Secret is a Key Vault reference");
        StartFailure(With("Intake:Typeform:Secret", "dev-typeform-secret")).ShouldContain("Intake:Typeform:Secret is a development value");
    }

    [Fact]
    public void Every_offending_key_is_named_once_in_one_message_without_any_value()
    {
        var settings = Production();
        settings["Intake:WebhookSecret"] = null;
        settings["Links:SigningKey"] = Reference;
        settings["Admin:ApiKey"] = "short-admin-key";
        settings["SendGrid:ApiKey"] = "SG.local-sink";

        var problems = RequiredSettings.Problems(Configuration(settings));
        var message = StartFailure(Configuration(settings));

        problems.ShouldBe(
        [
            new SettingProblem("Intake:WebhookSecret", SettingProblemReason.Missing),
            new SettingProblem("Links:SigningKey", SettingProblemReason.UnresolvedKeyVaultReference),
            new SettingProblem("Admin:ApiKey", SettingProblemReason.TooShort),
            new SettingProblem("SendGrid:ApiKey", SettingProblemReason.DevelopmentValue),
        ]);
        message.ShouldStartWith("WgeoFlows cannot start: Intake:WebhookSecret is missing; Links:SigningKey is a Key Vault reference");
        foreach (var value in new[] { "SecretUri", "short-admin-key", "SG.local-sink" }) message.ShouldNotContain(value);
    }
}
