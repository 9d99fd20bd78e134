using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Localization;
using Microsoft.OpenApi;
using SocialKpi.Domain.Calendar;
using SocialKpi.Domain.Competitors;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Features.Import;
using SocialKpi.Web.Resources;

namespace SocialKpi.Web.Api;

/// <summary>Platform exports imported by scripts: the same upload, mapping, dry run, all-or-nothing write and undo as /import.</summary>
public static class ImportsApi
{
    private static readonly JsonSerializerOptions MappingJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void MapImportsApi(this RouteGroupBuilder workspace)
    {
        var imports = workspace.MapGroup("/imports").WithTags("Imports");

        // Scripts send a token, not the cookie of a page, and the cookie is SameSite=Lax (never sent by another site's
        // form post): the antiforgery token of the pages' forms has nothing to protect here.
        imports.MapPost("", ImportAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .DisableAntiforgery()
            .WithName("ImportFile")
            .WithSummary("Import a CSV or XLSX export (multipart: file, optional preset, mapping, channelId); ?dryRun=true only says what it would do")
            .WithDescription("Without a preset or mapping, the mapping is proposed from the headers as on the /import page. mapping is the JSON of " +
                "the page's mapping (columns with header, role, metricKey; rows; dateFormat; decimalSeparator; channelId). The import writes all " +
                "figures or none; with rejected rows it is refused (422, the rejections listed) unless ?skipRejected=true. Answers the batch id, " +
                "which DELETE …/imports/{batchId} undoes.")
            .AddOpenApiOperationTransformer(DescribeUpload)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);

        imports.MapDelete("/{batchId:int}", UndoAsync)
            .RequireWorkspaceRole(WorkspaceRole.Editor)
            .WithName("UndoImport")
            .WithSummary("Undo an import as a whole (editors): added figures deleted, changed ones restored; 409 if one changed since")
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<Results<Created<ImportResultDto>, Ok<ImportResultDto>, Ok<ImportPlanDto>, ValidationProblem, ProblemHttpResult>> ImportAsync(
        int workspaceId, bool? dryRun, bool? skipRejected, HttpContext http, ImportService service, IStringLocalizer<Strings> text, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(cancellationToken) : null;
        if (form?.Files.GetFile("file") is not { Length: > 0 } file)
        {
            errors.Add("file", "Send the export as the multipart/form-data field 'file' (a CSV or XLSX file).");
            return errors.ToProblem();
        }

        var preset = form["preset"].ToString();
        var mapping = form["mapping"].ToString();
        int? channelId = null;
        if (form["channelId"].ToString() is { Length: > 0 } channelText)
        {
            channelId = int.TryParse(channelText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : -1;
        }

        await using var upload = file.OpenReadStream();
        using var session = await service.OpenAsync(workspaceId, upload, file.FileName, cancellationToken: cancellationToken);
        if (session.Inspection.Error is { } fileError)
        {
            return FileProblem(text, fileError);
        }

        await ShapeMappingAsync(session, service, preset, mapping, channelId, errors, cancellationToken);
        if (!errors.Any && MappingProposer.Check(session.Mapping, session.Catalogue) is { } mappingProblem)
        {
            errors.Add("mapping", ImportText.Mapping(text, mappingProblem));
        }

        if (errors.Any)
        {
            return errors.ToProblem();
        }

        var plan = await service.DryRunAsync(session, cancellationToken: cancellationToken);
        if (plan.FileError is { } lateError)
        {
            return FileProblem(text, lateError);
        }

        if (dryRun == true)
        {
            return TypedResults.Ok(ImportPlanDto.From(plan, session.Catalogue, text));
        }

        var (batch, refusal) = await service.ImportAsync(http.User, workspaceId, session.FileName, plan, skipRejected == true, cancellationToken: cancellationToken);
        return (batch, refusal) switch
        {
            ({ } written, _) => TypedResults.Created($"/api/v1/workspaces/{workspaceId}/imports/{written.Id}",
                new ImportResultDto(written.Id, written.Added, written.Changed, plan.Unchanged, written.Rejected)),
            (_, ImportRefusal.NothingToWrite) => TypedResults.Ok(new ImportResultDto(null, 0, 0, plan.Unchanged, plan.Rejections.Count)),
            (_, ImportRefusal.HasRejections) => TypedResults.Problem(
                detail: ImportText.Refusal(text, ImportRefusal.HasRejections) + " Nothing was written; send ?skipRejected=true to import the rest.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                extensions: new Dictionary<string, object?> { ["rejected"] = plan.Rejections.Select(r => RejectionDto.From(r, text)).ToList() }),
            (_, ImportRefusal.NotAllowed) => ApiProblems.Forbidden("Only the workspace's editors import figures."),
            (_, var other) => ApiProblems.Conflict(ImportText.Refusal(text, other ?? ImportRefusal.ChangedSinceDryRun) + " Nothing was written; send the file again."),
        };
    }

    /// <summary>
    /// The form is read by the handler, not bound: a declared multipart body would make routing answer 415 to a request of
    /// another type before the workspace access check, telling a stranger the endpoint exists. The document still says it.
    /// </summary>
    private static Task DescribeUpload(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["multipart/form-data"] = new()
                {
                    Schema = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Required = new HashSet<string> { "file" },
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The CSV or XLSX export" },
                            ["preset"] = Text("A built-in preset's key (socialkpi, meta-business-suite, linkedin, x, tiktok, youtube-studio, google-analytics) or the name of a preset saved in the workspace"),
                            ["mapping"] = Text("The mapping as JSON: {columns:[{header, role, metricKey, fraction}], rows, dateFormat, decimalSeparator, channelId}"),
                            ["channelId"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Description = "The channel of every row, for a file without a channel column" },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UndoAsync(
        int workspaceId, int batchId, HttpContext http, ImportService service, IStringLocalizer<Strings> text, CancellationToken cancellationToken)
    {
        var (refusal, changedSince) = await service.UndoAsync(http.User, workspaceId, batchId, cancellationToken);
        return refusal switch
        {
            null => TypedResults.NoContent(),
            UndoRefusal.NotFound => ApiProblems.NotFound($"The workspace has no import {batchId}."),
            UndoRefusal.NotAllowed => ApiProblems.Forbidden("Only the workspace's editors undo imports."),
            UndoRefusal.ChangedSince => ApiProblems.Conflict(ImportText.Undo(text, UndoRefusal.ChangedSince, changedSince),
                new Dictionary<string, object?> { ["changedSince"] = changedSince }),
            _ => ApiProblems.Conflict(ImportText.Undo(text, refusal.Value, changedSince)),
        };
    }

    /// <summary>A preset by name (built-in key or saved), then a mapping sent whole, then a channel for files without one.</summary>
    private static async Task ShapeMappingAsync(
        ImportSession session, ImportService service, string? preset, string? mapping, int? channelId, ValidationErrors errors, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrWhiteSpace(preset))
        {
            var saved = await service.PresetsAsync(session.WorkspaceId, cancellationToken);
            if (!ImportPresets.BuiltIn.Any(p => p.Key == preset) && !saved.Any(p => p.Name == preset))
            {
                errors.Add("preset", $"No preset '{preset}': use a built-in one ({string.Join(", ", ImportPresets.BuiltIn.Select(p => p.Key))}) or one saved in the workspace.");
                return;
            }

            await service.ApplyPresetAsync(session, preset, cancellationToken);
        }

        if (!string.IsNullOrWhiteSpace(mapping))
        {
            ImportMapping? sent = null;
            try
            {
                sent = JsonSerializer.Deserialize<ImportMapping>(mapping, MappingJson);
            }
            catch (JsonException e)
            {
                errors.Add("mapping", $"Not a mapping: {e.Message}");
                return;
            }

            var headers = session.Layout?.Headers ?? [];
            if (sent is null || sent.Columns.Count != headers.Count)
            {
                errors.Add("mapping", $"The mapping must list the file's {headers.Count} columns in order ({string.Join(", ", headers)}).");
                return;
            }

            session.Mapping = sent;
        }

        if (channelId is { } channel)
        {
            if (session.Catalogue.Channels.All(c => c.Id != channel))
            {
                errors.Add("channelId", $"The workspace has no active channel {channel}.");
                return;
            }

            session.Mapping.ChannelId = channel;
        }
    }

    private static ProblemHttpResult FileProblem(IStringLocalizer<Strings> text, FileError error) => TypedResults.Problem(
        title: "The file cannot be imported",
        detail: ImportText.File(text, error) + " Nothing was written.",
        statusCode: StatusCodes.Status400BadRequest,
        extensions: new Dictionary<string, object?> { ["fileProblem"] = error.Problem.ToString(), ["line"] = error.Line > 0 ? error.Line : null });
}

/// <summary>What an import wrote; <see cref="BatchId"/> is null when every figure was already stored.</summary>
public sealed record ImportResultDto(int? BatchId, int Added, int Changed, int Unchanged, int Rejected);

/// <summary>One figure of a dry run: added (old null) or changed.</summary>
public sealed record PlannedFigureDto(string Week, int ChannelId, string Channel, string Metric, double? Old, double New);

/// <summary>A rejected row, column or week's figure, with the reason in the caller's language.</summary>
public sealed record RejectionDto(int Line, string? Column, string Reason, string Message, string? Detail)
{
    public static RejectionDto From(Rejection rejection, IStringLocalizer<Strings> text) =>
        new(rejection.Line, rejection.Column, rejection.Reason.ToString(), ImportText.Reason(text, rejection), rejection.Detail);
}

/// <summary>One rival's figure of a dry run: added (old null) or changed; metric is the benchmark key ("followers", "likes"…).</summary>
public sealed record PlannedRivalFigureDto(string Week, int CompetitorId, string Competitor, int ChannelId, string Channel, string Metric, double? Old, double New);

/// <summary>The dry run: what the import would add, change (old → new) and reject; nothing is written.</summary>
public sealed record ImportPlanDto(int Rows, int Unchanged, IReadOnlyList<PlannedFigureDto> Added, IReadOnlyList<PlannedFigureDto> Changed, IReadOnlyList<RejectionDto> Rejected)
{
    /// <summary>Rivals' figures the import would add (rows whose brand column names a tracked rival).</summary>
    public IReadOnlyList<PlannedRivalFigureDto> RivalsAdded { get; init; } = [];

    /// <summary>Rivals' figures the import would change (old → new).</summary>
    public IReadOnlyList<PlannedRivalFigureDto> RivalsChanged { get; init; } = [];

    public static ImportPlanDto From(ImportDryRun plan, ImportCatalogue catalogue, IStringLocalizer<Strings> text)
    {
        var channels = catalogue.Channels.ToDictionary(c => c.Id, c => c.Name);
        var metrics = catalogue.Metrics.ToDictionary(m => m.Id, m => m.Key);
        List<PlannedFigureDto> Figures(IEnumerable<PlannedFigure> figures) => figures
            .OrderBy(f => f.Cell.Week).ThenBy(f => f.Cell.ChannelId).ThenBy(f => f.Cell.MetricId)
            .Select(f => new PlannedFigureDto(IsoWeek.FromKey(f.Cell.Week).ToString(), f.Cell.ChannelId, channels.GetValueOrDefault(f.Cell.ChannelId, "?"),
                metrics.GetValueOrDefault(f.Cell.MetricId, "?"), f.Old, f.New))
            .ToList();
        List<PlannedRivalFigureDto> Rivals(IEnumerable<PlannedRivalFigure> figures) => figures
            .Select(f => new PlannedRivalFigureDto(IsoWeek.FromKey(f.Cell.Week).ToString(), f.Cell.CompetitorId, ImportText.RivalName(catalogue, f.Cell),
                f.Cell.ChannelId, channels.GetValueOrDefault(f.Cell.ChannelId, "?"), BenchmarkMetrics.Key(f.Cell.Metric), f.Old, f.New))
            .ToList();
        return new ImportPlanDto(plan.Rows, plan.Unchanged, Figures(plan.Added), Figures(plan.Changed), plan.Rejections.Select(r => RejectionDto.From(r, text)).ToList())
        {
            RivalsAdded = Rivals(plan.RivalAdded), RivalsChanged = Rivals(plan.RivalChanged),
        };
    }
}
