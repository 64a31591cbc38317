using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace NpoMunicipalNetwork.Publishing;

public sealed record DiffLine(string Kind, string Label, string Text);

public sealed record FieldDiff(string Field, bool Changed, IReadOnlyList<DiffLine> Lines);

/// <summary>A readable line diff of two revisions, field by field; each line says in words whether it was added or removed.</summary>
public static class RevisionDiff
{
    /// <param name="details">The type's fields beyond title and body, one per line (a case's classification, partners, budgets).</param>
    public static IReadOnlyList<FieldDiff> Compare(ContentRevision from, ContentRevision to, Func<int?, string> department, Func<ContentRevision, string>? details = null)
    {
        var fields = new List<FieldDiff> { Field("タイトル", from.Title, to.Title) };
        if (details is null)
            fields.Add(Field("URL（スラッグ）", from.Slug, to.Slug));
        fields.Add(Field("担当の所属", department(from.OwnerDepartmentId), department(to.OwnerDepartmentId)));
        if (details is null)
            fields.Add(Field("表示順", from.Order.ToString(), to.Order.ToString()));
        fields.Add(Field("本文", from.BodyMarkdown, to.BodyMarkdown));
        if (details is not null)
            fields.Add(Field("分類・相手・予算など", details(from), details(to)));
        return fields;
    }

    private static FieldDiff Field(string name, string before, string after)
    {
        var model = new InlineDiffBuilder(new Differ()).BuildDiffModel(before.Replace("\r\n", "\n"), after.Replace("\r\n", "\n"), ignoreWhitespace: false);
        var lines = model.Lines.Select(l => l.Type switch
        {
            ChangeType.Inserted => new DiffLine("inserted", "追加", l.Text),
            ChangeType.Deleted => new DiffLine("deleted", "削除", l.Text),
            _ => new DiffLine("unchanged", "", l.Text),
        }).ToList();
        return new FieldDiff(name, model.HasDifferences, lines);
    }
}
