using SocialKpi.Domain.Objectives;

namespace SocialKpi.Web.Features.Objectives;

/// <summary>An objective as typed in the form or sent to the API, before it is checked.</summary>
public sealed class ObjectiveDraft
{
    public string? Name { get; set; }

    public ObjectiveCategory? Category { get; set; }

    public string? CustomCategory { get; set; }

    public ObjectiveFamily? Family { get; set; }

    public string? Description { get; set; }

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public string? Owner { get; set; }

    public static ObjectiveDraft From(Objective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return new()
        {
            Name = objective.Name,
            Category = objective.Category,
            CustomCategory = objective.CustomCategory,
            Family = objective.Family,
            Description = objective.Description,
            StartDate = objective.StartDate,
            EndDate = objective.EndDate,
            Owner = objective.Owner,
        };
    }
}

/// <summary>What makes an objective valid: the same rules for the objectives page and for the REST API.</summary>
public static class ObjectiveRules
{
    /// <summary>Checks <paramref name="draft"/>; when nothing is wrong, copies it (trimmed) onto <paramref name="objective"/>.</summary>
    public static RuleViolations ValidateAndApply(ObjectiveDraft draft, Objective objective)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(objective);
        var errors = new RuleViolations();
        var name = errors.RequiredText("name", draft.Name, 200);
        var category = errors.Required("category", draft.Category);
        var customCategory = errors.OptionalText("customCategory", draft.CustomCategory, 100);
        if (category == ObjectiveCategory.Custom && customCategory is null)
        {
            errors.Add("customCategory", "RuleCustomCategoryRequired");
        }

        var description = errors.OptionalText("description", draft.Description, 4000);
        var owner = errors.OptionalText("owner", draft.Owner, 256);
        var start = errors.Required("startDate", draft.StartDate);
        var end = errors.Required("endDate", draft.EndDate);
        if (start is not null && end is not null && end <= start)
        {
            errors.Add("endDate", "RuleEndAfterStart", start.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        objective.Name = name!;
        objective.Category = category!.Value;
        objective.CustomCategory = category == ObjectiveCategory.Custom ? customCategory : null;
        objective.Family = draft.Family;
        objective.Description = description;
        objective.StartDate = start!.Value;
        objective.EndDate = end!.Value;
        objective.Owner = owner;
        return errors;
    }
}
