using NpoMunicipalNetwork.Cases;
using NpoMunicipalNetwork.Cases.Exchange;
using T = NpoMunicipalNetwork.OpenData.OpenDataTypes;

namespace NpoMunicipalNetwork.OpenData;

/// <summary>
/// Published cases of active member sites (through <see cref="PublishedCases"/>, as the case database reads
/// them), in the columns of the case export (<see cref="CaseColumns"/>, <see cref="CaseCells"/>), so a bundle
/// and <c>/cases/export.csv</c> can be read by the same program; and the vocabulary those cases use.
/// </summary>
public static class CaseTables
{
    /// <summary>Cases are loaded with their child rows this many at a time (keeps IN lists and memory small).</summary>
    private const int Batch = 500;

    private sealed record Term(string Kind, string Code, string Name, IReadOnlyList<string> Types, string? Description, bool Retired);

    public static async Task<IReadOnlyList<OpenDataTable>> BuildAsync(NetworkDbContext db, string baseUrl, CancellationToken ct)
    {
        var ids = await PublishedCases.All(db).OrderBy(c => c.Id).Select(c => c.Id).ToListAsync(ct);
        // Each batch's entities become cells at once and are dropped: only the cells (which share the texts) stay
        // in memory until the ZIP is written, not every case with its child rows as well.
        var csv = new List<IReadOnlyList<string>>(ids.Count);
        var json = new List<IReadOnlyDictionary<string, object?>>(ids.Count);
        foreach (var chunk in ids.Chunk(Batch))
            foreach (var row in await PublishedCases.LoadAsync(db, chunk, ct))
            {
                csv.Add(CaseCells.From(row, baseUrl));
                json.Add(CaseCells.Json(row, baseUrl));
            }

        var cases = new OpenDataTable("cases", "政策事例",
            "会員サイトで公開中の政策事例です（下書き・承認待ち・公開終了の事例と、停止中のサイトの事例は含みません）。" +
            "列は事例データベースの書き出し（/cases/export.csv）と同じです。",
            CaseColumns.All.Select(c => new OpenDataColumn(c.Key, c.Label, c.Meaning, c.Type)).ToList(),
            csv, json);

        var vocabulary = await CaseVocabulary.LoadAsync(db, ct);
        var terms = RelationshipTypeNames.All.Select(t => new Term("relationshipType", t.Code(), t.Japanese(), [], CodebookEndpoints.Describe(t), false))
            .Concat(vocabulary.Fields.Select(f => new Term("field", f.Code, f.Name, [], null, f.IsRetired)))
            .Concat(vocabulary.Methods.Select(m => new Term("method", m.Code, m.Name,
                RelationshipTypeNames.All.Where(t => m.RelationshipTypes.Includes(t)).Select(t => t.Code()).ToList(), null, m.IsRetired)));
        var vocabularyTable = OpenDataTable.Of<Term>("case-vocabulary", "政策事例の分類語彙",
            "事例の「NPOとの関係」（relationshipType）、「政策分野」（field）、「手法」（method）のコードと名称です。事例のファイルはこのコードを使います。",
            [
                new("kind", "種類", "relationshipType（NPOとの関係）、field（政策分野）、method（手法）のいずれか。", T.Code, t => t.Kind),
                new("code", "コード", "事例のファイルに書かれるコード。", T.Code, t => t.Code),
                new("name", "名称", "画面に表示する名称。", T.Text, t => t.Name),
                new("relationshipTypes", "使える関係", "手法の場合、その手法を使える「NPOとの関係」のコード。", T.CodeList, t => t.Types),
                new("description", "説明", "NPOとの関係の場合、その区分の説明。", T.Text, t => t.Description),
                new("retired", "廃止", "新しい事例には使えなくなった語なら true（過去の事例には残ります）。", T.Boolean, t => t.Retired),
            ], terms);
        return [cases, vocabularyTable];
    }
}
