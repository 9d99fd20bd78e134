namespace SocialKpi.Web.Resources;

/// <summary>Marker type for the UI strings: English in Strings.resx, French in Strings.fr.resx.</summary>
public sealed class Strings;
