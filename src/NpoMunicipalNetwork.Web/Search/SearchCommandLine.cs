using Lucene.Net.Store;

namespace NpoMunicipalNetwork.Search;

/// <summary>
/// <c>dotnet run --project src/NpoMunicipalNetwork.Web -- search rebuild</c>: rebuilds this
/// installation's search index (<c>Search:IndexPath</c>) from the database with a progress bar,
/// without starting the web server. Exit code 0 done, 1 failed (the index is in use by a running
/// site: use 検索索引 in the admin area instead), 2 wrong usage.
/// </summary>
public static class SearchCommandLine
{
    public const string Usage = """
        使い方:
          search rebuild      データベースから検索索引を作り直す（サイトを止めてから実行してください）
        """;

    public static bool IsSearchCommand(string[] args) => args.Length > 0 && args[0] == "search";

    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (args.Length < 2 || args[1] != "rebuild")
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }
        await DatabaseInitializer.InitializeAsync(app.Services);
        var index = app.Services.GetRequiredService<SearchIndex>();
        try
        {
            index.EnsureOpen();
        }
        catch (LockObtainFailedException)
        {
            await Console.Error.WriteLineAsync($"検索索引 {index.Location} は稼働中のサイトが使用しています。サイトを止めてから実行するか、管理画面の「検索索引」から再構築してください。");
            return 1;
        }
        var bar = new ProgressBar(Console.Out, !Console.IsOutputRedirected);
        var started = System.Diagnostics.Stopwatch.StartNew();
        await index.RebuildAsync(new SyncProgress(bar.Draw), CancellationToken.None);
        bar.Finish();
        await Console.Out.WriteLineAsync($"検索索引を再構築しました: {index.DocumentCount:#,0} 件、{started.Elapsed.TotalSeconds:0.0} 秒（{index.Location}）。");
        index.Dispose();
        return 0;
    }

    /// <summary>Reports on the calling thread (<see cref="Progress{T}"/> would post to the thread pool and draw out of order).</summary>
    private sealed class SyncProgress(Action<(int Done, int Total)> report) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => report(value);
    }
}

/// <summary>A text progress bar: <c>[#########-----------]  45,000 / 100,000 件 (45%)</c>, redrawn in place on a terminal, one line per 10% otherwise.</summary>
public sealed class ProgressBar(TextWriter output, bool interactive, int width = 30)
{
    private int _lastPercent = -1;

    public void Draw((int Done, int Total) p)
    {
        var percent = p.Total == 0 ? 100 : (int)(p.Done * 100L / p.Total);
        if (percent == _lastPercent || (!interactive && percent / 10 == _lastPercent / 10 && _lastPercent >= 0))
            return;
        _lastPercent = percent;
        var filled = width * percent / 100;
        var line = $"[{new string('#', filled)}{new string('-', width - filled)}] {p.Done,9:#,0} / {p.Total:#,0} 件 ({percent}%)";
        if (interactive)
            output.Write("\r" + line);
        else
            output.WriteLine(line);
    }

    public void Finish()
    {
        if (interactive)
            output.WriteLine();
    }
}
