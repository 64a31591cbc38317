
namespace NpoMunicipalNetwork.Departments;

/// <summary>
/// An organisational unit of a member government (部 / 課 / 係), in a tree. Content is owned by a
/// unit, and the public page shows the owning unit's contact block (問い合わせ先).
/// </summary>
public sealed class Department : ITenantOwned
{
    public int Id { get; set; }

    public int TenantId { get; set; }

    public int? ParentId { get; set; }

    public required string Name { get; set; }

    public DepartmentLevel Level { get; set; }

    public string? Phone { get; set; }

    public string? Fax { get; set; }

    public string? Email { get; set; }

    public int Order { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

public enum DepartmentLevel
{
    Bu = 1,
    Ka = 2,
    Kakari = 3,
}

/// <summary>A user's membership of a unit; a user may belong to several (兼務).</summary>
public sealed class DepartmentMember : ITenantOwned
{
    public int TenantId { get; set; }

    public int DepartmentId { get; set; }

    public int UserId { get; set; }
}

public static class DepartmentLevelNames
{
    public static string Japanese(this DepartmentLevel level) => level switch
    {
        DepartmentLevel.Bu => "部",
        DepartmentLevel.Ka => "課",
        DepartmentLevel.Kakari => "係",
        _ => level.ToString(),
    };
}
