using SocialKpi.Domain.Competitors;

namespace SocialKpi.Web.Features.SocialProof;

/// <summary>
/// One colour per brand, the same on every chart of the page: ours in the app's primary blue, rivals in a muted palette
/// chosen to stay apart from it and from each other (colour-blind safe, Okabe–Ito).
/// </summary>
public static class BrandColors
{
    public const string OwnBrand = "#0072B2";

    private static readonly string[] Rivals = ["#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#999999"];

    public static string Rival(int index) => Rivals[index % Rivals.Length];

    /// <summary>The colour of each brand, in order: the page and the PDF report give a brand the same one.</summary>
    public static IReadOnlyList<string> For(IEnumerable<BrandFigures> brands)
    {
        ArgumentNullException.ThrowIfNull(brands);
        var rival = 0;
        return brands.Select(b => b.IsOwnBrand ? OwnBrand : Rival(rival++)).ToList();
    }
}
