
namespace NpoMunicipalNetwork.Departments;

/// <summary>
/// Rows a department is responsible for (a page's owner department): a feature registers one so the
/// department admin can count them, move them when departments merge and refuse to delete a department
/// that still has some, without knowing the feature's tables.
/// </summary>
public interface IDepartmentContent
{
    /// <summary>What the rows are called, counted in 件 ("ページ").</summary>
    string Label { get; }

    /// <summary>How many rows each department owns (departments with none are left out).</summary>
    Task<IReadOnlyDictionary<int, int>> CountByDepartmentAsync(NetworkDbContext db, CancellationToken ct);

    /// <summary>How many rows <paramref name="departmentId"/> owns.</summary>
    Task<int> CountAsync(NetworkDbContext db, int departmentId, CancellationToken ct);

    /// <summary>Gives <paramref name="to"/> the rows of <paramref name="from"/> (tracked; saved by the caller's SaveChanges); how many moved.</summary>
    Task<int> ReassignAsync(NetworkDbContext db, int from, int to, CancellationToken ct);
}
