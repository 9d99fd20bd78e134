using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using SocialKpi.Web.Features.Import;
using static SocialKpi.Web.Tests.Import.ImportTestContext;

namespace SocialKpi.Web.Tests.Import;

public class ImportPageTests
{
    private const string LinkedIn = """
        Date,Impressions (total),Reactions (total),Total followers
        11/02/2026,1200,35,5100
        11/03/2026,=cmd|' /C calc'!A0,30,5104
        """;

    [Fact]
    public async Task A_viewer_sees_the_imports_but_no_upload()
    {
        using var context = Start(administrator: false);
        var workspace = await DemoAsync(context);

        var page = context.Render<ImportWizard>(p => p.Add(w => w.WorkspaceId, workspace).Add(w => w.CanEdit, false));

        await page.WaitForAssertionAsync(() => Assert.Contains("seuls ses éditeurs importent", page.Markup, StringComparison.Ordinal));
        Assert.Empty(page.FindComponents<InputFile>());
        Assert.Contains("Aucun import", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_uploaded_export_shows_its_detected_mapping_then_the_dry_run_with_its_rejections()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var page = context.Render<ImportWizard>(p => p.Add(w => w.WorkspaceId, workspace).Add(w => w.CanEdit, true));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(LinkedIn, "linkedin.csv"));

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(".import-dry-run")), TimeSpan.FromSeconds(10));
        Assert.Equal("linkedin", page.Find(".import-preset").GetAttribute("value"));
        Assert.Contains("encodage UTF-8, séparateur virgule", page.Find(".import-detected").TextContent, StringComparison.Ordinal);

        page.Find(".import-dry-run").Click();

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(".import-summary")), TimeSpan.FromSeconds(10));
        Assert.Contains("Une formule de tableur", page.Find(".import-rejected").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find(".import-write").HasAttribute("disabled"));
    }

    [Fact]
    public async Task A_binary_file_gets_a_clear_message_and_no_mapping()
    {
        using var context = Start("en-US");
        var workspace = await DemoAsync(context);
        var page = context.Render<ImportWizard>(p => p.Add(w => w.WorkspaceId, workspace).Add(w => w.CanEdit, true));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary([0x4D, 0x5A, 0x00, 0x01, 0x02, 0x03], "report.csv"));

        await page.WaitForAssertionAsync(() => Assert.Contains("binary content", page.Find(".import-error").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll(".import-role"));
    }

    [Fact]
    public async Task The_dry_run_of_a_file_with_a_brand_column_lists_the_rivals_figures_under_the_rivals_name()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var page = context.Render<ImportWizard>(p => p.Add(w => w.WorkspaceId, workspace).Add(w => w.CanEdit, true));
        const string File = """
            semaine;canal;métrique;valeur;concurrent
            2030-W10;Instagram;reach;1 000;Maison Lumière
            2030-W10;Instagram;followers;22 600;atelier douce meche
            """;

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(File, "hebdo.csv"));
        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(".import-dry-run")), TimeSpan.FromSeconds(10));
        page.Find(".import-dry-run").Click();

        await page.WaitForAssertionAsync(() => Assert.NotNull(page.Find(".import-rivals")), TimeSpan.FromSeconds(10));
        var row = page.Find(".import-rivals tbody tr").TextContent;
        Assert.Contains("Atelier Douce Mèche", row, StringComparison.Ordinal);
        Assert.Contains("Abonnés", row, StringComparison.Ordinal);
        Assert.Contains("Concurrents : 1 chiffres à ajouter, 0 à modifier.", page.Markup, StringComparison.Ordinal);
        Assert.False(page.Find(".import-write").HasAttribute("disabled"));
    }
}
