namespace SocialKpi.Web.Features.Costs;

/// <summary>What is wrong with an amount, for a message in the user's language (week view) or in the API's English.</summary>
public enum CostProblem
{
    /// <summary>The text is not a number.</summary>
    NotANumber,
    /// <summary>Money spent is never negative.</summary>
    Negative,
    /// <summary>Amounts are stored in cents: at most 2 decimals.</summary>
    TooManyDecimals,
}

/// <summary>
/// The rules every cost obeys, whoever writes it: the week view and the REST API call this one place, so an amount
/// the API refuses is refused on screen too, for the same reason.
/// </summary>
public static class CostRules
{
    /// <summary>Null when <paramref name="amount"/> may be stored.</summary>
    public static CostProblem? Check(decimal amount) =>
        amount < 0 ? CostProblem.Negative
        : decimal.Round(amount, 2) != amount ? CostProblem.TooManyDecimals
        : null;
}
