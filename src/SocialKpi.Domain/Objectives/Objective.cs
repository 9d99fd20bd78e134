using SocialKpi.Domain.Kpis;

namespace SocialKpi.Domain.Objectives;

/// <summary>What the social media work must achieve over a period, measured by weighted KPIs.</summary>
public class Objective
{
    public int Id { get; set; }

    public int WorkspaceId { get; set; }

    public required string Name { get; set; }

    public ObjectiveCategory Category { get; set; }

    /// <summary>The category's name when <see cref="Category"/> is <see cref="ObjectiveCategory.Custom"/>.</summary>
    public string? CustomCategory { get; set; }

    /// <summary>Social or financial, as in Return on Objectives (seed 003). Optional.</summary>
    public ObjectiveFamily? Family { get; set; }

    public string? Description { get; set; }

    public DateOnly StartDate { get; set; }

    public DateOnly EndDate { get; set; }

    /// <summary>Who answers for the objective (a name or an e-mail).</summary>
    public string? Owner { get; set; }

    public bool IsArchived { get; set; }

    public List<Kpi> Kpis { get; set; } = [];
}

/// <summary>The four objectives of community management (seed 000), plus custom ones.</summary>
public enum ObjectiveCategory
{
    Trafic,
    Visibilite,
    Image,
    Notoriete,
    Custom,
}

public enum ObjectiveFamily
{
    Social,
    Financial,
}
