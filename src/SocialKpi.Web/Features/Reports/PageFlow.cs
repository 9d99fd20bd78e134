using SkiaSharp;

namespace SocialKpi.Web.Features.Reports;

/// <summary>How a table column is laid out: its share of the width and its alignment.</summary>
internal sealed record TableColumn(string Header, float Share, SKTextAlign Align = SKTextAlign.Left);

/// <summary>
/// Lays content out on A4 pages from top to bottom: wrapped paragraphs, tables that continue on the next page under a
/// repeated header, and fixed-height blocks (charts, images) that move to the next page when they do not fit. Nothing
/// is drawn beyond the margins. Pages are recorded first, so the footer of each can say "Page 2 / 7" once the count
/// is known (<see cref="WritePdf"/>).
/// </summary>
internal sealed class PageFlow : IDisposable
{
    public const float PageWidth = 595f;
    public const float PageHeight = 842f;
    public const float Margin = 48f;
    public const float FooterHeight = 22f;
    public const float ContentWidth = PageWidth - (2 * Margin);
    private const float Bottom = PageHeight - Margin - FooterHeight;
    private const float CellPadding = 4f;

    private readonly List<SKPicture> pages = [];
    private SKPictureRecorder? recorder;
    private SKCanvas? canvas;

    public PageFlow()
    {
        NewPage();
    }

    public static SKColor Ink { get; } = new(0x22, 0x29, 0x33);

    public static SKColor Muted { get; } = new(0x5F, 0x6B, 0x7A);

    public static SKColor Rule { get; } = new(0xD5, 0xDB, 0xE3);

    public static SKColor Accent { get; } = new(0x1F, 0x4E, 0x79);

    /// <summary>Where the next line starts, from the top of the page.</summary>
    public float Y { get; private set; }

    public SKCanvas Canvas => canvas!;

    public int PageCount => pages.Count + (canvas is null ? 0 : 1);

    public float Remaining => Bottom - Y;

    public void NewPage()
    {
        FinishPage();
        recorder = new SKPictureRecorder();
        canvas = recorder.BeginRecording(new SKRect(0, 0, PageWidth, PageHeight));
        Y = Margin;
    }

    /// <summary>Starts a new page unless <paramref name="height"/> points still fit on this one.</summary>
    public void KeepTogether(float height)
    {
        if (Y + height > Bottom && Y > Margin)
        {
            NewPage();
        }
    }

    public void Space(float points) => Y = Math.Min(Y + points, Bottom);

    /// <summary>A heading, kept on the page of what follows it (<paramref name="keepWithNext"/> points).</summary>
    public void Heading(string text, float size, SKColor color, float keepWithNext = 60f)
    {
        using var font = Font(true, size);
        KeepTogether(LineHeight(font) + keepWithNext);
        Paragraph(text, true, size, color);
        Space(size * 0.3f);
    }

    /// <summary>Wrapped text over the content width (less <paramref name="indent"/>), continued on the next page when needed.</summary>
    public void Paragraph(string text, bool bold = false, float size = 10f, SKColor? color = null, float indent = 0f)
    {
        using var font = Font(bold, size);
        using var paint = Paint(color ?? Ink);
        var lineHeight = LineHeight(font);
        foreach (var line in Wrap(text, font, ContentWidth - indent))
        {
            if (Y + lineHeight > Bottom)
            {
                NewPage();
            }

            Canvas.DrawText(line, Margin + indent, Y + Ascent(font), SKTextAlign.Left, font, paint);
            Y += lineHeight;
        }
    }

    /// <summary>
    /// A table: the header on a shaded band, rows separated by rules, each cell wrapped within its column. A row never
    /// splits; when the next row does not fit, the table continues on a new page under the same header.
    /// <paramref name="rowMarker"/> may give a colour drawn as a bar at the row's left edge (a status).
    /// </summary>
    public void Table(IReadOnlyList<TableColumn> columns, IEnumerable<IReadOnlyList<string>> rows, Func<int, SKColor?>? rowMarker = null, float size = 8.5f)
    {
        using var font = Font(false, size);
        using var ink = Paint(Ink);
        using var muted = Paint(Muted);
        using var band = Paint(new SKColor(0xEE, 0xF2, 0xF6));
        using var rule = Paint(Rule);
        var totalShare = columns.Sum(c => c.Share);
        var widths = columns.Select(c => (c.Share / totalShare) * ContentWidth).ToArray();
        // A header word is never split: the header font shrinks until the longest word of every header fits its column.
        var headerSize = size;
        while (headerSize > 6f && columns.Select((c, i) => (c, i)).Any(x => LongestWord(x.c.Header, headerSize) > widths[x.i] - (2 * CellPadding)))
        {
            headerSize -= 0.25f;
        }

        using var headerFont = Font(true, headerSize);
        var headerLines = columns.Select((c, i) => Wrap(c.Header, headerFont, widths[i] - (2 * CellPadding))).ToList();
        var headerHeight = (headerLines.Max(l => l.Count) * LineHeight(headerFont)) + (2 * CellPadding);

        void DrawHeader()
        {
            Canvas.DrawRect(Margin, Y, ContentWidth, headerHeight, band);
            DrawCells(headerLines, headerFont, muted);
            Y += headerHeight;
        }

        void DrawCells(List<List<string>> cells, SKFont cellFont, SKPaint paint)
        {
            var x = Margin;
            for (var i = 0; i < cells.Count; i++)
            {
                var lineY = Y + CellPadding + Ascent(cellFont);
                foreach (var line in cells[i])
                {
                    var (textX, align) = columns[i].Align == SKTextAlign.Right
                        ? (x + widths[i] - CellPadding, SKTextAlign.Right)
                        : (x + CellPadding, SKTextAlign.Left);
                    Canvas.DrawText(line, textX, lineY, align, cellFont, paint);
                    lineY += LineHeight(cellFont);
                }

                x += widths[i];
            }
        }

        KeepTogether(headerHeight + 24f);
        DrawHeader();
        var index = 0;
        foreach (var row in rows)
        {
            var cells = row.Select((text, i) => Wrap(text, font, widths[i] - (2 * CellPadding))).ToList();
            var height = (cells.Max(c => Math.Max(1, c.Count)) * LineHeight(font)) + (2 * CellPadding);
            if (Y + height > Bottom)
            {
                NewPage();
                DrawHeader();
            }

            if (rowMarker?.Invoke(index) is { } marker)
            {
                using var markerPaint = Paint(marker);
                Canvas.DrawRect(Margin, Y + 2, 2.5f, height - 4, markerPaint);
            }

            DrawCells(cells, font, ink);
            Y += height;
            Canvas.DrawLine(Margin, Y, Margin + ContentWidth, Y, rule);
            index++;
        }

        Space(8f);
    }

    /// <summary>A block of fixed height drawn by <paramref name="draw"/> in the rectangle it is given, on the next page if it does not fit here.</summary>
    public void Block(float height, Action<SKCanvas, SKRect> draw)
    {
        KeepTogether(height);
        draw(Canvas, new SKRect(Margin, Y, Margin + ContentWidth, Y + height));
        Y += height;
    }

    /// <summary>
    /// Writes the recorded pages as a PDF, each with its footer: <paramref name="footerLeft"/> and "Page 2 / 7"
    /// (<paramref name="pageLabel"/> turns page and count into that text).
    /// </summary>
    public void WritePdf(Stream output, SKDocumentPdfMetadata metadata, string footerLeft, Func<int, int, string> pageLabel)
    {
        FinishPage();
        using var document = SKDocument.CreatePdf(output, metadata);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = document.BeginPage(PageWidth, PageHeight);
            DrawPage(page, i, footerLeft, pageLabel);
            document.EndPage();
        }

        document.Close();
    }

    /// <summary>The same pages as <see cref="WritePdf"/> drawn as images, <paramref name="scale"/> pixels per point (for comparisons).</summary>
    public List<SKBitmap> Rasterize(float scale, string footerLeft, Func<int, int, string> pageLabel)
    {
        FinishPage();
        var images = new List<SKBitmap>(pages.Count);
        for (var i = 0; i < pages.Count; i++)
        {
            var bitmap = new SKBitmap((int)Math.Ceiling(PageWidth * scale), (int)Math.Ceiling(PageHeight * scale));
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.White);
            canvas.Scale(scale);
            DrawPage(canvas, i, footerLeft, pageLabel);
            images.Add(bitmap);
        }

        return images;
    }

    private void DrawPage(SKCanvas page, int index, string footerLeft, Func<int, int, string> pageLabel)
    {
        using var font = Font(false, 7.5f);
        using var muted = Paint(Muted);
        using var rule = Paint(Rule);
        page.DrawPicture(pages[index]);
        var top = PageHeight - Margin - FooterHeight + 8f;
        page.DrawLine(Margin, top, PageWidth - Margin, top, rule);
        var baseline = top + 4f + Ascent(font);
        var label = pageLabel(index + 1, pages.Count);
        var leftRoom = ContentWidth - font.MeasureText(label) - 12f;
        page.DrawText(Fit(footerLeft, font, leftRoom), Margin, baseline, SKTextAlign.Left, font, muted);
        page.DrawText(label, PageWidth - Margin, baseline, SKTextAlign.Right, font, muted);
    }

    public void Dispose()
    {
        FinishPage();
        foreach (var page in pages)
        {
            page.Dispose();
        }

        pages.Clear();
    }

    public static SKFont Font(bool bold, float size) =>
        new(bold ? ReportFonts.Bold : ReportFonts.Regular, size) { Subpixel = true, LinearMetrics = true, Hinting = SKFontHinting.None, Edging = SKFontEdging.Antialias };

    public static SKPaint Paint(SKColor color) => new() { Color = color, IsAntialias = true };

    public static float LineHeight(SKFont font) => font.Size * 1.35f;

    public static float Ascent(SKFont font) => font.Size * 1.02f;

    /// <summary>
    /// Splits <paramref name="text"/> into lines no wider than <paramref name="width"/>: at spaces (never at no-break
    /// spaces, so "18 %" and "2 600" stay whole), at line breaks, and inside a word only when the word alone is too wide.
    /// </summary>
    public static List<string> Wrap(string text, SKFont font, float width)
    {
        var lines = new List<string>();
        foreach (var paragraph in ReportFonts.Printable(text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (font.MeasureText(candidate) <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (font.MeasureText(line) > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && font.MeasureText(line[..fit]) > width)
                    {
                        fit--;
                    }

                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
        }

        return lines;
    }

    private static float LongestWord(string text, float size)
    {
        using var font = Font(true, size);
        return text.Split(' ', '\n').Max(w => font.MeasureText(w));
    }

    /// <summary>The text, shortened with an ellipsis when it is wider than <paramref name="width"/>.</summary>
    public static string Fit(string text, SKFont font, float width)
    {
        text = ReportFonts.Printable(text);
        if (font.MeasureText(text) <= width)
        {
            return text;
        }

        var length = text.Length;
        while (length > 0 && font.MeasureText(text[..length] + "…") > width)
        {
            length--;
        }

        return text[..length] + "…";
    }

    private void FinishPage()
    {
        if (recorder is null)
        {
            return;
        }

        pages.Add(recorder.EndRecording());
        recorder.Dispose();
        recorder = null;
        canvas = null;
    }
}
