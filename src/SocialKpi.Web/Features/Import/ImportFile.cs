using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using CsvHelper.Configuration;
using MiniExcelLibs;

namespace SocialKpi.Web.Features.Import;

/// <summary>Why a whole file cannot be imported; nothing is written.</summary>
public enum FileProblem
{
    Empty,
    TooLarge,
    Binary,
    OldExcelFormat,
    UnreadableSpreadsheet,
    LineTooLong,
    TooManyColumns,
    NoHeader,
    NoData,
    Unreadable,
}

/// <summary>The limits a file must respect (configuration section SocialKpi:Import).</summary>
public sealed class ImportLimits
{
    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>A longer line is not a platform export (a binary file or a broken quote swallowing the file).</summary>
    public int MaxLineChars { get; set; } = 64 * 1024;

    public int MaxColumns { get; set; } = 300;
}

public enum ImportFileKind
{
    Csv,
    Xlsx,
}

/// <summary>What was detected about a file: enough to read it again row by row.</summary>
public sealed record FileLayout(
    ImportFileKind Kind, string EncodingName, char Delimiter, IReadOnlyList<string> Headers, IReadOnlyList<FileRow> Sample, long Bytes)
{
    public Encoding Encoding => ImportFile.EncodingByName(EncodingName);
}

/// <summary>
/// One data row: its line in the file (as a text editor numbers it) and its cells; <see cref="BrokenQuotes"/> when the
/// CSV reader met a stray or unclosed quote in it (its cells then cannot be trusted).
/// </summary>
public sealed record FileRow(int Line, string[] Cells, bool BrokenQuotes = false);

/// <summary>A file problem with the line it was found on (0 when not tied to a line).</summary>
public sealed record FileError(FileProblem Problem, int Line = 0);

/// <summary>The outcome of looking at a file: its layout, or why it cannot be read.</summary>
public sealed record FileInspection(FileLayout? Layout, FileError? Error);

/// <summary>Thrown while streaming rows when the file turns out unreadable further down; caught by the importer.</summary>
#pragma warning disable CA1032, CA1064 // internal signal between the reader and the importer, never thrown to callers
internal sealed class ImportFileException(FileError error) : Exception(error.Problem.ToString())
#pragma warning restore CA1032, CA1064
{
    public FileError Error { get; } = error;
}

/// <summary>
/// Reads CSV and XLSX exports without holding them in memory: one pass over the bytes detects the encoding (UTF-8,
/// UTF-8 with BOM, UTF-16 with BOM, otherwise Windows-1252), binary content and over-long lines; then CsvHelper or
/// MiniExcel stream the rows. Every failure becomes a <see cref="FileError"/>, never an exception to the caller.
/// </summary>
public static class ImportFile
{
    public const int SampleRows = 20;

    public const string Utf8 = "UTF-8";
    public const string Utf8Bom = "UTF-8 BOM";
    public const string Utf16 = "UTF-16";
    public const string Windows1252 = "Windows-1252";

    private static readonly char[] Delimiters = [';', ',', '\t', '|'];

    static ImportFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding EncodingByName(string name) => name switch
    {
        Utf8Bom or Utf8 => new UTF8Encoding(false, false),
        Utf16 => Encoding.Unicode,
        _ => Encoding.GetEncoding(1252),
    };

    /// <summary>Looks at the file at <paramref name="path"/>; <paramref name="fileName"/> is the name the user gave it.</summary>
    public static FileInspection Inspect(string path, string fileName, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            var info = new FileInfo(path);
            if (info.Length == 0)
            {
                return Fail(FileProblem.Empty);
            }

            if (info.Length > limits.MaxFileBytes)
            {
                return Fail(FileProblem.TooLarge);
            }

            Span<byte> magic = stackalloc byte[4];
            using (var stream = File.OpenRead(path))
            {
                magic = magic[..stream.ReadAtLeast(magic, 4, throwOnEndOfStream: false)];
            }

            if (magic.StartsWith("PK\u0003\u0004"u8))
            {
                return InspectXlsx(path, info.Length, limits);
            }

            if (magic.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 }))
            {
                return Fail(FileProblem.OldExcelFormat);
            }

            _ = fileName;
            return InspectCsv(path, info.Length, limits);
        }
        catch (ImportFileException e)
        {
            return new FileInspection(null, e.Error);
        }
        catch (Exception e) when (e is IOException or CsvHelperException or InvalidDataException or DecoderFallbackException or FormatException)
        {
            return Fail(FileProblem.Unreadable);
        }
    }

    private static FileInspection Fail(FileProblem problem, int line = 0) => new(null, new FileError(problem, line));

    private static FileInspection InspectCsv(string path, long bytes, ImportLimits limits)
    {
        var scan = ScanBytes(path, limits);
        if (scan.Error is not null)
        {
            return new FileInspection(null, scan.Error);
        }

        var encoding = EncodingByName(scan.EncodingName);
        var delimiter = DetectDelimiter(path, encoding);
        var layout = new FileLayout(ImportFileKind.Csv, scan.EncodingName, delimiter, [], [], bytes);
        return FromRows(layout, ReadCsv(path, layout, limits, CancellationToken.None), limits);
    }

    private static FileInspection InspectXlsx(string path, long bytes, ImportLimits limits)
    {
        var layout = new FileLayout(ImportFileKind.Xlsx, Utf8, ',', [], [], bytes);
        return FromRows(layout, ReadXlsx(path, limits, CancellationToken.None), limits);
    }

    /// <summary>The first non-empty row is the header; the next ones are the sample the preview shows.</summary>
    private static FileInspection FromRows(FileLayout layout, IEnumerable<FileRow> rows, ImportLimits limits)
    {
        FileRow? header = null;
        var sample = new List<FileRow>(SampleRows);
        foreach (var row in rows)
        {
            if (header is null)
            {
                header = row;
                if (row.Cells.Length > limits.MaxColumns)
                {
                    return Fail(FileProblem.TooManyColumns, row.Line);
                }

                if (row.Cells.Count(c => c.Trim().Length > 0) < 2)
                {
                    return Fail(FileProblem.NoHeader, row.Line);
                }

                continue;
            }

            sample.Add(row);
            if (sample.Count == SampleRows)
            {
                break;
            }
        }

        if (header is null)
        {
            return Fail(FileProblem.Empty);
        }

        if (sample.Count == 0)
        {
            return Fail(FileProblem.NoData);
        }

        var headers = header.Cells.Select((h, i) => h.Trim().Length == 0 ? $"#{i + 1}" : h.Trim()).ToList();
        return new FileInspection(layout with { Headers = headers, Sample = sample }, null);
    }

    /// <summary>Every data row after the header, streamed. Throws <see cref="ImportFileException"/> on unreadable content.</summary>
    public static IEnumerable<FileRow> DataRows(string path, FileLayout layout, ImportLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var rows = layout.Kind == ImportFileKind.Xlsx ? ReadXlsx(path, limits, cancellationToken) : ReadCsv(path, layout, limits, cancellationToken);
        return rows.Skip(1);
    }

    private static IEnumerable<FileRow> ReadCsv(string path, FileLayout layout, ImportLimits limits, CancellationToken cancellationToken)
    {
        var brokenQuotes = false;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Delimiter = layout.Delimiter.ToString(),
            HasHeaderRecord = false,
            BadDataFound = _ => brokenQuotes = true,
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            IgnoreBlankLines = true,
            MaxFieldSize = limits.MaxLineChars,
        };

        using var reader = new StreamReader(path, layout.Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16);
        using var parser = new CsvParser(reader, config);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            string[]? record;
            int line;
            try
            {
                if (!parser.Read())
                {
                    yield break;
                }

                line = parser.RawRow;
                record = parser.Record;
            }
            catch (MaxFieldSizeException)
            {
                throw new ImportFileException(new FileError(FileProblem.LineTooLong, parser.RawRow));
            }
            catch (CsvHelperException)
            {
                throw new ImportFileException(new FileError(FileProblem.Unreadable, parser.RawRow));
            }

            if (record is null || record.Length > limits.MaxColumns)
            {
                throw new ImportFileException(new FileError(FileProblem.TooManyColumns, line));
            }

            if (record.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            yield return new FileRow(line, record, brokenQuotes);
            brokenQuotes = false;
        }
    }

    private static IEnumerable<FileRow> ReadXlsx(string path, ImportLimits limits, CancellationToken cancellationToken)
    {
        using var stream = File.OpenRead(path);
        IEnumerator<dynamic> rows;
        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX).GetEnumerator();
        }
        catch (Exception e) when (IsSpreadsheetFailure(e))
        {
            throw new ImportFileException(new FileError(FileProblem.UnreadableSpreadsheet));
        }

        using (rows)
        {
            var line = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                IDictionary<string, object?> cells;
                try
                {
                    if (!rows.MoveNext())
                    {
                        yield break;
                    }

                    cells = (IDictionary<string, object?>)rows.Current;
                }
                catch (Exception e) when (IsSpreadsheetFailure(e))
                {
                    throw new ImportFileException(new FileError(FileProblem.UnreadableSpreadsheet, line + 1));
                }

                line++;
                if (cells.Count > limits.MaxColumns)
                {
                    throw new ImportFileException(new FileError(FileProblem.TooManyColumns, line));
                }

                var texts = cells.Values.Select(CellText).ToArray();
                if (texts.Any(t => t.Length > limits.MaxLineChars))
                {
                    throw new ImportFileException(new FileError(FileProblem.LineTooLong, line));
                }

                if (texts.All(string.IsNullOrWhiteSpace))
                {
                    continue;
                }

                yield return new FileRow(line, texts);
            }
        }
    }

    // MiniExcel reports a damaged package through whatever the zip or XML reader throws.
    private static bool IsSpreadsheetFailure(Exception e) =>
        e is InvalidDataException or System.Xml.XmlException or IOException or InvalidOperationException or FormatException
            or ArgumentException or NotSupportedException or IndexOutOfRangeException or NullReferenceException or InvalidCastException
            or OverflowException;

    /// <summary>Spreadsheet cells as the text a CSV export would hold: numbers in invariant form, dates as ISO dates.</summary>
    private static string CellText(object? value) => value switch
    {
        null => "",
        DateTime d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private sealed record ByteScan(string EncodingName, FileError? Error);

    /// <summary>
    /// One streaming pass: byte-order mark, NUL or control bytes (binary), UTF-8 validity, and the longest line.
    /// </summary>
    private static ByteScan ScanBytes(string path, ImportLimits limits)
    {
        using var stream = File.OpenRead(path);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        var chars = ArrayPool<char>.Shared.Rent(1 << 16);
        try
        {
            var read = stream.ReadAtLeast(buffer.AsSpan(0, 4), 4, throwOnEndOfStream: false);
            string? encoding = null;
            var start = 0;
            if (buffer.AsSpan(0, read).StartsWith(new byte[] { 0xEF, 0xBB, 0xBF }))
            {
                encoding = Utf8Bom;
                start = 3;
            }
            else if (read >= 2 && buffer[0] == 0xFF && buffer[1] == 0xFE)
            {
                // UTF-16 text is full of NUL bytes: it gets no byte scan, its lines are checked by the reader.
                return new ByteScan(Utf16, null);
            }

            var validUtf8 = true;
            var line = 1;
            var lineLength = 0;
            var controls = 0;
            var total = 0L;
            var carry = 0;
            var pending = read - start;
            Buffer.BlockCopy(buffer, start, buffer, 0, pending);
            while (true)
            {
                var got = stream.Read(buffer, pending, (1 << 16) - pending);
                var length = pending + got;
                var final = got == 0;
                for (var i = carry; i < length; i++)
                {
                    var b = buffer[i];
                    if (b == (byte)'\n')
                    {
                        line++;
                        lineLength = 0;
                        continue;
                    }

                    if (b == 0)
                    {
                        return new ByteScan("", new FileError(FileProblem.Binary, line));
                    }

                    if (b < 0x20 && b is not (byte)'\t' and not (byte)'\r')
                    {
                        controls++;
                    }

                    if (++lineLength > limits.MaxLineChars)
                    {
                        return new ByteScan("", new FileError(FileProblem.LineTooLong, line));
                    }
                }

                total += length - carry;
                if (controls > 16 && controls * 100 > total)
                {
                    return new ByteScan("", new FileError(FileProblem.Binary, line));
                }

                var consumed = length;
                if (validUtf8)
                {
                    var status = System.Text.Unicode.Utf8.ToUtf16(buffer.AsSpan(0, length), chars, out var bytesRead, out _,
                        replaceInvalidSequences: false, isFinalBlock: final);
                    if (status == OperationStatus.InvalidData)
                    {
                        validUtf8 = false;
                    }
                    else
                    {
                        consumed = bytesRead;
                    }
                }

                if (final)
                {
                    break;
                }

                // Keep an incomplete UTF-8 sequence for the next block; its bytes were already scanned.
                pending = length - consumed;
                Buffer.BlockCopy(buffer, consumed, buffer, 0, pending);
                carry = pending;
            }

            return new ByteScan(validUtf8 ? encoding ?? Utf8 : Windows1252, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>The separator found the same number of times (at least once) on most of the first lines, outside quotes.</summary>
    internal static char DetectDelimiter(string path, Encoding encoding)
    {
        using var reader = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        var lines = new List<string>();
        while (lines.Count < 30 && reader.ReadLine() is { } line)
        {
            if (line.Trim().Length > 0)
            {
                lines.Add(line);
            }
        }

        return DetectDelimiter(lines);
    }

    internal static char DetectDelimiter(IReadOnlyList<string> lines)
    {
        var best = ',';
        var bestScore = 0.0;
        foreach (var candidate in Delimiters)
        {
            var counts = lines.Select(l => CountOutsideQuotes(l, candidate)).ToList();
            if (counts.Count == 0 || counts[0] == 0)
            {
                continue;
            }

            var header = counts[0];
            var consistent = counts.Count(c => c == header);
            var score = (consistent / (double)counts.Count * 1000) + header;
            if (score > bestScore)
            {
                bestScore = score;
                best = candidate;
            }
        }

        return best;
    }

    private static int CountOutsideQuotes(string line, char delimiter)
    {
        var count = 0;
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                count++;
            }
        }

        return count;
    }
}
