using SocialKpi.Domain.Formulas;
using SocialKpi.Domain.Kpis;
using SocialKpi.Domain.Metrics;
using SocialKpi.Domain.Objectives;
using SocialKpi.Web.Features.Objectives;
using SocialKpi.Web.Features.Settings;

namespace SocialKpi.Web.Tests.Objectives;

public class ObjectiveRulesTests
{
    private static readonly DateOnly Start = new(2026, 1, 5);

    private static ObjectiveDraft ValidDraft() => new()
    {
        Name = "  Être vu  ",
        Category = ObjectiveCategory.Visibilite,
        StartDate = Start,
        EndDate = Start.AddMonths(6),
    };

    [Fact]
    public void A_valid_objective_is_copied_trimmed()
    {
        var objective = new Objective { Name = "" };

        var errors = ObjectiveRules.ValidateAndApply(ValidDraft(), objective);

        Assert.Empty(errors);
        Assert.Equal("Être vu", objective.Name);
        Assert.Equal(ObjectiveCategory.Visibilite, objective.Category);
    }

    [Fact]
    public void An_objective_without_name_or_ending_before_it_starts_is_refused_and_left_unchanged()
    {
        var draft = ValidDraft();
        draft.Name = " ";
        draft.EndDate = Start;
        var objective = new Objective { Name = "Avant" };

        var errors = ObjectiveRules.ValidateAndApply(draft, objective);

        Assert.Equal(["endDate", "name"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Equal("RuleEndAfterStart", errors.Single(e => e.Field == "endDate").MessageKey);
        Assert.Equal("Avant", objective.Name);
    }

    [Fact]
    public void A_custom_category_needs_its_name()
    {
        var draft = ValidDraft();
        draft.Category = ObjectiveCategory.Custom;

        var errors = ObjectiveRules.ValidateAndApply(draft, new Objective { Name = "" });

        Assert.Equal("customCategory", Assert.Single(errors).Field);
    }

    [Fact]
    public void Violations_read_in_English_for_the_API()
    {
        var draft = ValidDraft();
        draft.EndDate = Start;

        var error = Assert.Single(ObjectiveRules.ValidateAndApply(draft, new Objective { Name = "" }));

        Assert.Equal("The objective must end after it starts (2026-01-05).", error.EnglishMessage());
    }

    [Fact]
    public void A_KPI_needs_exactly_one_measure_and_a_red_threshold_above_the_amber_one()
    {
        var objective = new Objective { Id = 7, Name = "O", StartDate = Start, EndDate = Start.AddMonths(6) };
        var draft = new KpiDraft
        {
            ObjectiveId = 7, Name = "Portée", MetricKey = "reach", Formula = FormulaId.Ctr, Baseline = 0, Target = 10,
            AmberThresholdPercent = 30, RedThresholdPercent = 20,
        };

        var errors = KpiRules.ValidateAndApply(draft, new KpiContext(objective, null, new HashSet<int>()), new Kpi { Name = "" }, isNew: true);

        Assert.Equal(["formula", "redThresholdPercent"], errors.Select(e => e.Field).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_KPI_on_a_formula_takes_its_unit_and_direction_and_the_objective_end_as_deadline()
    {
        var objective = new Objective { Id = 7, Name = "O", StartDate = Start, EndDate = Start.AddMonths(6) };
        var draft = new KpiDraft { ObjectiveId = 7, Name = "Temps de réponse", Formula = FormulaId.AverageResponseTime, Baseline = 90, Target = 30 };
        var kpi = new Kpi { Name = "" };

        var errors = KpiRules.ValidateAndApply(draft, new KpiContext(objective, null, new HashSet<int>()), kpi, isNew: true);

        Assert.Empty(errors);
        Assert.Equal(Direction.LowerIsBetter, kpi.Direction);
        Assert.Equal(KpiUnit.Duration, kpi.Unit);
        Assert.Equal(objective.EndDate, kpi.Deadline);
    }

    [Fact]
    public void A_custom_metric_key_may_not_be_a_standard_one()
    {
        var draft = new MetricDraft { Key = "reach", NameFr = "Portée", NameEn = "Reach", Unit = MetricUnit.Count };

        var errors = MetricRules.Validate(draft, _ => false, _ => false);

        Assert.Equal("RuleMetricKeyStandard", Assert.Single(errors).MessageKey);
    }
}
