using SkiaSharp;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Reporting;
using SocialKpi.Web.Features.Reports;

namespace SocialKpi.Web.Tests.Reports;

public sealed class ReportSettingsTests
{
    [Fact]
    public void A_PNG_logo_is_accepted_and_a_renamed_text_file_or_an_oversized_file_is_refused_with_a_reason()
    {
        using var bitmap = new SKBitmap(120, 40);
        using var png = bitmap.Encode(SKEncodedImageFormat.Png, 100);

        Assert.Null(WorkspaceLogos.Problem(png.ToArray()));
        Assert.Equal("LogoNotAnImage", WorkspaceLogos.Problem("not a logo, just text"u8.ToArray()));
        Assert.Equal("LogoNotAnImage", WorkspaceLogos.Problem([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3]));
        Assert.Equal("LogoTooLarge", WorkspaceLogos.Problem(new byte[WorkspaceLogo.MaxBytes + 1]));
    }

    [Fact]
    public void The_default_report_covers_the_last_13_complete_weeks_against_the_13_before()
    {
        var last = new IsoWeek(2026, 47);

        var definition = ReportDefinition.Default(1, last, "fr-FR");

        Assert.Equal((new IsoWeek(2026, 35), last), (definition.From, definition.To));
        Assert.Equal((new IsoWeek(2026, 22), new IsoWeek(2026, 34)), (definition.CompareFrom, definition.CompareTo));
        Assert.Equal(ReportSections.All, definition.Sections);
    }

    [Fact]
    public void The_next_period_of_a_report_is_the_same_number_of_weeks_right_after_it_across_the_new_year()
    {
        var definition = ReportDefinition.Default(1, new IsoWeek(2026, 47), "fr-FR") with { Comparison = ReportComparison.YearBefore };

        var next = definition.NextPeriod();

        Assert.Equal((new IsoWeek(2026, 48), new IsoWeek(2027, 7)), (next.From, next.To));
        Assert.Equal((new IsoWeek(2025, 48), new IsoWeek(2026, 7)), (next.CompareFrom, next.CompareTo));
    }

    [Fact]
    public void A_report_cannot_end_in_a_week_that_is_not_over_nor_have_no_section()
    {
        var last = new IsoWeek(2026, 47);

        Assert.Equal("ReportErrorPeriodNotOver", ReportsPageService.Problem(new ReportForm { To = last.AddWeeks(1) }, last));
        Assert.Equal("ReportErrorNoSection", ReportsPageService.Problem(new ReportForm { To = last, Sections = ReportSections.None }, last));
        Assert.Null(ReportsPageService.Problem(new ReportForm { To = last }, last));
    }

    [Fact]
    public void A_file_name_keeps_letters_and_digits_of_the_workspace_name_without_accents()
    {
        var definition = ReportDefinition.Default(1, new IsoWeek(2026, 47), "fr-FR");

        Assert.Equal("maison-lumiere-2026-W35-2026-W47.pdf", ReportRunner.FileName("Maison Lumière", definition));
        Assert.Equal("l-atelier-d-ete-2026-W35-2026-W47.pdf", ReportRunner.FileName("L’Atelier d’Été !", definition));
    }
}
