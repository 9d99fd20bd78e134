using ScottPlot;
using SkiaSharp;

namespace SocialKpi.Web.Features.Reports;

/// <summary>
/// The report's typefaces: DejaVu Sans (regular and bold, licence beside the files) cut down to Latin text (Fonts/README.md),
/// read from the assembly once. It carries every French accent, €, ’, −, ×, ÷ and the narrow no-break space .NET puts in
/// French numbers; SkiaSharp embeds font files whole, so the small files keep the PDF small.
/// </summary>
internal static class ReportFonts
{
    public const string Family = "SocialKpi Report Sans";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<bool> Registered = new(() =>
    {
        // ScottPlot looks fonts up by name through its resolvers; this one answers for the report's family only.
        Fonts.FontResolvers.Insert(0, new Resolver());
        return true;
    });

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>Makes <see cref="Family"/> known to ScottPlot; safe to call from any thread, any number of times.</summary>
    public static void RegisterWithScottPlot() => _ = Registered.Value;

    /// <summary>The text with every character the report's font cannot draw replaced by "?", so nothing prints as an empty box.</summary>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var font = new SKFont(Regular);
        if (font.ContainsGlyphs(text))
        {
            return text;
        }

        var printable = new System.Text.StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            printable.Append(rune.Value < 0x20 || font.GetGlyph(rune.Value) != 0 ? rune.ToString() : "?");
        }

        return printable.ToString();
    }

    private static SKTypeface Load(string file)
    {
        using var stream = typeof(ReportFonts).Assembly.GetManifestResourceStream("SocialKpi.Reports." + file)
            ?? throw new InvalidOperationException($"The report font {file} is missing from the assembly.");
        return SKTypeface.FromStream(stream) ?? throw new InvalidOperationException($"The report font {file} cannot be read.");
    }

    private sealed class Resolver : IFontResolver
    {
        public SKTypeface? CreateTypeface(string fontName, bool bold, bool italic) =>
            fontName == Family ? (bold ? Bold : Regular) : null;

        public SKTypeface? CreateTypeface(string fontName, FontWeight weight, FontSlant slant, FontSpacing spacing) =>
            CreateTypeface(fontName, weight >= FontWeight.SemiBold, slant != FontSlant.Upright);
    }
}
