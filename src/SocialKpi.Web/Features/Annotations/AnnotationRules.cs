namespace SocialKpi.Web.Features.Annotations;

/// <summary>The rules of an annotation, shared by the week view and the REST API.</summary>
public static class AnnotationRules
{
    /// <summary>The longest text an annotation holds (the column's size).</summary>
    public const int MaxTextLength = 1000;
}
