using WgeoFlows.Matching;
using WgeoFlows.Matching.Partners;

namespace WgeoFlows.Tests.Matching;

public class SpreadsheetTextTests
{
    [Theory]
    [InlineData("=SUM(A1:A9)", "'=SUM(A1:A9)")]
    [InlineData("+33 1 23", "'+33 1 23")]
    [InlineData("-minus", "'-minus")]
    [InlineData("@home", "'@home")]
    [InlineData("'s-Hertogenbosch", "''s-Hertogenbosch")]
    [InlineData("''=twice", "'''=twice")]
    [InlineData("Société Générale", "Société Générale")]
    [InlineData("مؤسسة", "مؤسسة")]
    [InlineData("", "")]
    public void A_cell_that_would_start_a_formula_is_escaped_and_reads_back_as_it_was(string value, string escaped)
    {
        SpreadsheetText.Escape(value).ShouldBe(escaped);
        SpreadsheetText.Unescape(escaped).ShouldBe(value);
    }

    [Theory]
    [InlineData("'s-Hertogenbosch")]
    [InlineData("'")]
    [InlineData("O'Brien")]
    public void A_hand_written_cell_with_an_apostrophe_that_escapes_nothing_is_read_as_written(string cell) =>
        SpreadsheetText.Unescape(cell).ShouldBe(cell);

    [Fact]
    public void The_search_folds_case_and_accents_in_every_script()
    {
        PartnerListFilter.Fold("SOCIÉTÉ Générale d'Énergie").ShouldBe("societe generale d'energie");
        // Vowel marks are dropped: a name written with them is found by text typed without.
        PartnerListFilter.Fold("مُؤَسَّسَة").ShouldBe(PartnerListFilter.Fold("مؤسسة"));
        PartnerListFilter.Fold("绿色城市").ShouldBe("绿色城市");
    }

    [Fact]
    public void The_written_registry_quotes_commas_quotes_and_line_breaks_and_reads_back_the_same()
    {
        var partner = new Partner
        {
            Id = "p-1",
            Name = "Água, \"Limpa\"\nCoop",
            Platform = "cities",
            Country = "BR",
            Region = "latin-america-caribbean",
            GlobalSouth = true,
            Role = PartnerRole.Both,
            ThematicAreas = ["water-management", "renewable-energy"],
            SupportTypes = ["financing"],
            Languages = ["pt", "es"],
            Capacity = 2,
            Email = "agua@example.org",
            Active = false,
            Publishable = true,
        };

        var csv = PartnerCsvWriter.Write([partner]);
        var read = PartnerCsvReader.Read(csv);

        read.FileError.ShouldBeNull();
        var row = read.Rows.ShouldHaveSingleItem();
        row.FormatError.ShouldBeNull();
        row.Input.Name.ShouldBe(partner.Name);
        row.Input.ThematicAreas.ShouldBe(["water-management", "renewable-energy"]);
        row.Input.Active.ShouldBe("false");
        row.Input.Publishable.ShouldBe("true");
    }
}
