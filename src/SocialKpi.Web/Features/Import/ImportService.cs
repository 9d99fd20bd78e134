using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SocialKpi.Data;
using SocialKpi.Domain.Importing;
using SocialKpi.Domain.Workspaces;
using SocialKpi.Web.Api;
using SocialKpi.Web.Security;

namespace SocialKpi.Web.Features.Import;

/// <summary>
/// An uploaded file being imported: kept in a temporary file (never in memory) until the import ends; what was
/// detected about it, and the mapping the user is shaping.
/// </summary>
public sealed class ImportSession : IDisposable
{
    internal ImportSession(int workspaceId, string fileName, string path, FileInspection inspection, ImportCatalogue catalogue, ImportMapping? mapping)
    {
        WorkspaceId = workspaceId;
        FileName = fileName;
        TempPath = path;
        Inspection = inspection;
        Catalogue = catalogue;
        Mapping = mapping ?? new ImportMapping();
    }

    public int WorkspaceId { get; }

    public string FileName { get; }

    public string TempPath { get; }

    public FileInspection Inspection { get; }

    public FileLayout? Layout => Inspection.Layout;

    public ImportCatalogue Catalogue { get; }

    public ImportMapping Mapping { get; set; }

    public void Dispose() => File.Delete(TempPath);
}

/// <summary>An import as listed on the page: the batch and whether it can still be undone.</summary>
public sealed record ImportBatchView(ImportBatch Batch);

/// <summary>Upload, detection, mapping, dry run, all-or-nothing import and undo, for the page and the API.</summary>
public sealed partial class ImportService(
    IDbContextFactory<SocialKpiDbContext> dbFactory, WorkspaceAccess access, IOptions<ImportLimits> limits, TimeProvider clock, ILogger<ImportService> logger,
    Observability.SocialKpiMetrics metrics)
{
    private static readonly JsonSerializerOptions PresetJson = new(JsonSerializerDefaults.Web);

    public ImportLimits Limits => limits.Value;

    public async Task<bool> CanImportAsync(ClaimsPrincipal user, int workspaceId, CancellationToken cancellationToken = default) =>
        await access.RoleAsync(user, workspaceId, cancellationToken) >= WorkspaceRole.Editor;

    /// <summary>
    /// Copies the upload to a temporary file as it arrives (refusing it past the size limit), looks at it and proposes
    /// a mapping. The caller disposes the session, which deletes the file.
    /// </summary>
    public async Task<ImportSession> OpenAsync(
        int workspaceId, Stream upload, string fileName, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var path = Path.Combine(Path.GetTempPath(), $"socialkpi-import-{Guid.NewGuid():N}.tmp");
        var tooLarge = false;
        await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16, FileOptions.Asynchronous))
        {
            var buffer = new byte[1 << 16];
            long total = 0;
            int read;
            while ((read = await upload.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
                if (total > Limits.MaxFileBytes)
                {
                    tooLarge = true;
                    break;
                }

                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                progress?.Report(total);
            }
        }

        var catalogue = await CatalogueAsync(workspaceId, cancellationToken);
        var inspection = tooLarge ? new FileInspection(null, new FileError(FileProblem.TooLarge)) : ImportFile.Inspect(path, fileName, Limits);
        ImportMapping? mapping = null;
        if (inspection.Layout is { } layout)
        {
            var presets = await PresetsAsync(workspaceId, cancellationToken);
            mapping = MappingProposer.Propose(layout, catalogue, presets, fileName, CultureInfo.CurrentCulture);
        }

        var problem = inspection.Error?.Problem;
        LogUpload(logger, fileName, workspaceId, problem);
        return new ImportSession(workspaceId, fileName, path, inspection, catalogue, mapping);
    }

    /// <summary>Applies a built-in or saved preset to the session's columns.</summary>
    public async Task ApplyPresetAsync(ImportSession session, string preset, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        if (session.Layout is not { } layout)
        {
            return;
        }

        var saved = (await PresetsAsync(session.WorkspaceId, cancellationToken)).Where(p => p.Name == preset).ToList();
        var builtIn = ImportPresets.BuiltIn.Where(p => p.Key == preset)
            .Select(p => (p.Key, new ImportMapping { Rows = p.Rows, Columns = p.Columns.Values.ToList() })).ToList();
        var proposal = MappingProposer.Propose(layout, session.Catalogue, saved.Count > 0 ? saved : builtIn, session.FileName, CultureInfo.CurrentCulture);
        if (proposal.Preset is not null && ImportPresets.BuiltIn.FirstOrDefault(p => p.Key == preset) is { Channel: { } kind })
        {
            proposal.ChannelId = session.Catalogue.Channels.FirstOrDefault(c => c.Kind == kind)?.Id ?? proposal.ChannelId;
        }

        session.Mapping = proposal;
    }

    /// <summary>
    /// Reads the whole file with the session's mapping and compares the weekly figures with the store. A file unreadable
    /// further down than its preview gives a dry run with its <see cref="ImportDryRun.FileError"/> and nothing to write.
    /// </summary>
    public async Task<ImportDryRun> DryRunAsync(ImportSession session, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(session);
        var analysis = await Task.Run(
            () => session.Layout is { } layout
                ? ImportPlanner.Analyse(session.TempPath, layout, session.Mapping, session.Catalogue, Limits, progress, cancellationToken)
                : ImportAnalysis.Failed(session.Inspection.Error ?? new FileError(FileProblem.Unreadable)),
            cancellationToken);
        if (analysis.FileError is { } error)
        {
            return ImportDryRun.Failed(error);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ImportStore.DryRunAsync(db, session.WorkspaceId, analysis, cancellationToken);
    }

    /// <summary>
    /// Writes the dry run as the user, all or nothing. With rejections, only when <paramref name="skipRejected"/>
    /// says the user chose to import the rest.
    /// </summary>
    public async Task<(ImportBatch? Batch, ImportRefusal? Refusal)> ImportAsync(
        ClaimsPrincipal user, int workspaceId, string fileName, ImportDryRun plan, bool skipRejected,
        IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(plan);
        if (!await CanImportAsync(user, workspaceId, cancellationToken))
        {
            return (null, ImportRefusal.NotAllowed);
        }

        if (plan.FileError is not null)
        {
            return (null, ImportRefusal.NothingToWrite);
        }

        if (plan.Rejections.Count > 0 && !skipRejected)
        {
            return (null, ImportRefusal.HasRejections);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // SQLite's driver runs "async" commands synchronously: off the circuit's thread, the page stays responsive (cancel).
        var by = user.Identity?.Name;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var result = await Task.Run(() => ImportStore.WriteAsync(db, workspaceId, fileName, plan, by, clock.GetUtcNow(), progress, cancellationToken), cancellationToken);
        metrics.Imported(result.Batch, result.Refusal, started);
        if (result.Batch is { } batch)
        {
            LogImported(logger, batch.Id, batch.FileName, workspaceId, batch.Added, batch.Changed, batch.Rejected);
        }

        return result;
    }

    public async Task<(UndoRefusal? Refusal, int ChangedSince)> UndoAsync(
        ClaimsPrincipal user, int workspaceId, int batchId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await CanImportAsync(user, workspaceId, cancellationToken))
        {
            return (UndoRefusal.NotAllowed, 0);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var result = await ImportStore.UndoAsync(db, workspaceId, batchId, user.Identity?.Name, clock.GetUtcNow(), cancellationToken);
        LogUndo(logger, batchId, workspaceId, result.Refusal);
        return result;
    }

    /// <summary>The workspace's imports, newest first.</summary>
    public async Task<List<ImportBatch>> BatchesAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ImportBatches.AsNoTracking().Where(b => b.WorkspaceId == workspaceId)
            .OrderByDescending(b => b.Id).Take(20).ToListAsync(cancellationToken);
    }

    /// <summary>Saves the mapping under a name for the workspace (replacing a preset of that name).</summary>
    public async Task SavePresetAsync(ClaimsPrincipal user, int workspaceId, string name, ImportMapping mapping, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!await CanImportAsync(user, workspaceId, cancellationToken))
        {
            throw new UnauthorizedAccessException("Only the workspace's editors save import presets.");
        }

        name = name.Trim();
        name = name.Length > 100 ? name[..100] : name;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var preset = await db.ImportPresets.SingleOrDefaultAsync(p => p.WorkspaceId == workspaceId && p.Name == name, cancellationToken);
        if (preset is null)
        {
            preset = new ImportPreset { WorkspaceId = workspaceId, Name = name, Mapping = "" };
            db.ImportPresets.Add(preset);
        }

        preset.Mapping = JsonSerializer.Serialize(mapping, PresetJson);
        preset.SavedAt = clock.GetUtcNow();
        preset.SavedBy = user.Identity?.Name;
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<List<(string Name, ImportMapping Mapping)>> PresetsAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.ImportPresets.AsNoTracking().Where(p => p.WorkspaceId == workspaceId).OrderBy(p => p.Name)
            .Select(p => new { p.Name, p.Mapping }).ToListAsync(cancellationToken);
        return rows.Select(r => (r.Name, JsonSerializer.Deserialize<ImportMapping>(r.Mapping, PresetJson) ?? new ImportMapping())).ToList();
    }

    public async Task<ImportCatalogue> CatalogueAsync(int workspaceId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var metrics = (await MetricsApi.CatalogueAsync(db, workspaceId, cancellationToken)).Values
            .Select(m => new CatalogueMetric(m.Id, m.Key, m.NameFr, m.NameEn, m.Unit, m.Aggregation)).ToList();
        var channels = await db.Channels.AsNoTracking().Where(c => c.WorkspaceId == workspaceId && !c.IsArchived)
            .OrderBy(c => c.SortOrder).ThenBy(c => c.Name)
            .Select(c => new CatalogueChannel(c.Id, c.Name, c.Kind)).ToListAsync(cancellationToken);
        var ownNames = await db.Workspaces.AsNoTracking().Where(w => w.Id == workspaceId).Select(w => w.Name).ToListAsync(cancellationToken);
        var rivals = await db.Competitors.AsNoTracking().Where(c => c.WorkspaceId == workspaceId).OrderBy(c => c.Id)
            .Select(c => new CatalogueRival(c.Id, c.Name, c.IsArchived)).ToListAsync(cancellationToken);
        return new ImportCatalogue(metrics, channels) { OwnNames = ownNames, Rivals = rivals };
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Import upload {FileName} for workspace {WorkspaceId}; file problem: {Problem}")]
    private static partial void LogUpload(ILogger logger, string fileName, int workspaceId, FileProblem? problem);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Import {BatchId} of {FileName} into workspace {WorkspaceId}: {Added} added, {Changed} changed, {Rejected} rejected")]
    private static partial void LogImported(ILogger logger, int batchId, string fileName, int workspaceId, int added, int changed, int rejected);

    [LoggerMessage(Level = LogLevel.Information, Message = "Undo of import {BatchId} in workspace {WorkspaceId}; refused: {Refusal}")]
    private static partial void LogUndo(ILogger logger, int batchId, int workspaceId, UndoRefusal? refusal);
}
