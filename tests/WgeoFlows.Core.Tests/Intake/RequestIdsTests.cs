using WgeoFlows.Intake;

namespace WgeoFlows.Tests.Intake;

public class RequestIdsTests
{
    [Fact]
    public void Gives_one_submission_the_same_id_every_time() =>
        RequestIds.For("form-7f3a91").ShouldBe(RequestIds.For("form-7f3a91"));

    [Fact]
    public void Keeps_ids_stable_across_releases() =>
        // Ids are stored and mailed: a new derivation would give a redelivered submission a second request.
        // Expected value computed independently: the top 50 bits of SHA-256("wgeoflows/request-id/v1:form-7f3a91")
        // in Crockford base32 (Python hashlib).
        RequestIds.For("form-7f3a91").ShouldBe("WG-A1QP6-WC76R");

    [Fact]
    public void Formats_ids_as_WG_and_two_groups_of_five_Crockford_characters()
    {
        foreach (var submissionId in Enumerable.Range(0, 500).Select(i => $"form-{i}"))
            RequestIds.For(submissionId).ShouldMatch("^WG-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$");
    }

    [Fact]
    public void Gives_different_submissions_different_ids()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => RequestIds.For($"form-{i}")).ToList();

        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    [Fact]
    public void Distinguishes_submission_ids_that_differ_only_in_case() =>
        RequestIds.For("Form-1").ShouldNotBe(RequestIds.For("form-1"));

    [Fact]
    public void Recognises_its_own_ids_as_well_formed()
    {
        RequestIds.IsWellFormed(RequestIds.For("form-1")).ShouldBeTrue();
        RequestIds.IsWellFormed("WG-0123A-BCDEF").ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("WG-0123A-BCDE")]
    [InlineData("WG-0123ABCDEF")]
    [InlineData("wg-0123a-bcdef")]
    [InlineData("WG-0123I-BCDEF")]
    [InlineData("WG-0123U-BCDEF")]
    [InlineData("XX-0123A-BCDEF")]
    [InlineData("WG-0123A-BCDEF ")]
    [InlineData("../../etc/passwd")]
    public void Refuses_anything_else_as_malformed(string? value) =>
        RequestIds.IsWellFormed(value).ShouldBeFalse();
}
