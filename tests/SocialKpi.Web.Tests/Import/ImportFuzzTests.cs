using System.Text;
using SocialKpi.Web.Features.Import;
using static SocialKpi.Web.Tests.Import.ImportTestContext;

namespace SocialKpi.Web.Tests.Import;

/// <summary>
/// Thousands of generated malformed files (seeded, so a failure replays) through the page's whole path: upload,
/// detection, mapping, dry run, import without leaving rows out. None may throw, each must be refused, nothing written.
/// </summary>
public class ImportFuzzTests
{
    private const int Files = 1500;

    /// <summary>A valid LinkedIn export of two full ISO weeks (2 to 15 November 2026).</summary>
    private static string ValidExport()
    {
        var text = new StringBuilder("Date,Impressions (total),Unique impressions (organic),Clicks (total),Reactions (total),Comments (total),Reposts (total),Total followers\n");
        for (var day = 0; day < 14; day++)
        {
            var date = new DateOnly(2026, 11, 2).AddDays(day);
            text.Append(date.ToString("MM/dd/yyyy", System.Globalization.CultureInfo.InvariantCulture))
                .Append(System.Globalization.CultureInfo.InvariantCulture, $",{1200 + day},{800 + day},{40 + day},{30 + day},{day % 5},{day % 3},{5100 + day}\n");
        }

        return text.ToString();
    }

    private delegate byte[] Defect(Random random, string valid);

    private static readonly (string Name, Defect Make)[] Defects =
    [
        ("random bytes", (r, _) => Bytes(r, r.Next(1, 4000))),
        ("empty", (_, _) => []),
        ("header only", (_, v) => Encoding.UTF8.GetBytes(v[..(v.IndexOf('\n') + 1)])),
        ("truncated inside a row", (r, v) =>
        {
            var lines = v.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var line = r.Next(1, lines.Length);
            var cells = lines[line].Split(',');
            var kept = string.Join(',', cells.Take(r.Next(1, cells.Length - 1))) + ",";
            return Encoding.UTF8.GetBytes(string.Join('\n', lines.Take(line)) + "\n" + kept);
        }),
        ("formula cell", (r, v) => ReplaceCell(r, v, r.Next(3) switch { 0 => "=cmd|' /C calc'!A0", 1 => "@SUM(A1)", _ => "+HYPERLINK(\"x\")" })),
        ("text in a number", (r, v) => ReplaceCell(r, v, new[] { "abc", "12abc", "1.2.3.4", "NaN", "--3" }[r.Next(5)])),
        ("negative count", (r, v) => ReplaceCell(r, v, "-" + r.Next(1, 999))),
        ("duplicate row", (r, v) =>
        {
            var lines = v.Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
            lines.Insert(r.Next(2, lines.Count + 1), lines[r.Next(1, lines.Count)]);
            return Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
        }),
        ("huge line", (r, v) => Encoding.UTF8.GetBytes(v + "11/16/2026," + new string('9', 70_000 + r.Next(10_000)) + "\n")),
        ("NUL bytes", (r, v) =>
        {
            var bytes = Encoding.UTF8.GetBytes(v);
            bytes[r.Next(bytes.Length)] = 0;
            return bytes;
        }),
        ("UTF-16 without a byte-order mark", (_, v) => Encoding.Unicode.GetBytes(v)),
        ("unclosed quote", (r, v) => ReplaceCell(r, v, "\"" + r.Next(100))),
        ("bad date", (r, v) => ReplaceCell(r, v, new[] { "13/45/2026", "yesterday", "2026-02-30", "" }[r.Next(4)], column: 0)),
        ("damaged spreadsheet", (r, _) => [0x50, 0x4B, 0x03, 0x04, .. Bytes(r, r.Next(10, 3000))]),
        ("old Excel", (r, _) => [0xD0, 0xCF, 0x11, 0xE0, .. Bytes(r, r.Next(10, 500))]),
    ];

    [Fact]
    public async Task The_valid_export_the_defects_start_from_imports_cleanly()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        using var session = await OpenAsync(context, workspace, ValidExport(), "linkedin.csv");

        var plan = await Service(context).DryRunAsync(session);

        Assert.Equal((null, 0, 14), (plan.FileError, plan.Rejections.Count, plan.ToWrite + plan.Unchanged));
    }

    [Fact]
    public async Task Thousands_of_malformed_files_are_refused_without_an_exception_and_nothing_is_written()
    {
        using var context = Start();
        var workspace = await DemoAsync(context);
        var before = await StoreFingerprintAsync(context);
        var valid = ValidExport();
        var random = new Random(20261123);
        var accepted = new List<string>();

        for (var i = 0; i < Files; i++)
        {
            var (name, make) = Defects[i % Defects.Length];
            var bytes = make(random, valid);
            using var session = await OpenAsync(context, workspace, bytes, i % 7 == 0 ? "linkedin.xlsx" : "linkedin.csv");
            if (session.Inspection.Error is not null || MappingProposer.Check(session.Mapping, session.Catalogue) is not null)
            {
                continue;
            }

            var plan = await Service(context).DryRunAsync(session);
            var (batch, _) = await Service(context).ImportAsync(Editor(), workspace, session.FileName, plan, skipRejected: false);
            if (batch is not null)
            {
                accepted.Add($"#{i} {name}");
            }
        }

        Assert.Empty(accepted);
        Assert.Equal(before, await StoreFingerprintAsync(context));
    }

    private static byte[] Bytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }

    /// <summary>The valid export with one cell of a data row replaced (a figure column unless told).</summary>
    private static byte[] ReplaceCell(Random random, string valid, string cell, int? column = null)
    {
        var lines = valid.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = random.Next(1, lines.Length);
        var cells = lines[line].Split(',');
        cells[column ?? random.Next(1, cells.Length)] = cell;
        lines[line] = string.Join(',', cells);
        return Encoding.UTF8.GetBytes(string.Join('\n', lines) + "\n");
    }
}
