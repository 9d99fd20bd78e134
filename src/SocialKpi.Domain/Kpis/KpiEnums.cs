namespace SocialKpi.Domain.Kpis;

/// <summary>How weekly values combine over a period.</summary>
public enum Aggregation
{
    /// <summary>Counts: likes, clicks, reach per week added up.</summary>
    Sum,
    /// <summary>Rates and durations: the mean of the weekly values.</summary>
    Average,
    /// <summary>Stocks such as followers at the end of the week: the latest value.</summary>
    Last,
}

public enum Direction
{
    HigherIsBetter,
    LowerIsBetter,
}

/// <summary>The purchase funnel of seed 004.</summary>
public enum FunnelStage
{
    Awareness,
    Interest,
    Evaluation,
    Purchase,
}

public enum KpiUnit
{
    Count,
    Percent,
    Currency,
    /// <summary>Minutes.</summary>
    Duration,
    /// <summary>A plain ratio such as ROI 2.5 (= 250 %) or a number per currency unit.</summary>
    Ratio,
}
