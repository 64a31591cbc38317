namespace NpoMunicipalNetwork.Members;

/// <summary>
/// A government's membership of the network. It is a member only while joined and not left:
/// see <see cref="IsMemberOn"/>. The department is the one that runs its NPO policy.
/// </summary>
public sealed class Membership
{
    public required string GovernmentCode { get; set; }

    public Government? Government { get; set; }

    public DateOnly JoinedOn { get; set; }

    public DateOnly? LeftOn { get; set; }

    public string? DepartmentName { get; set; }

    public string? ContactPhone { get; set; }

    public string? ContactEmail { get; set; }

    public string? ContactAddress { get; set; }

    public bool IsSample { get; set; }

    public bool IsMemberOn(DateOnly day) => JoinedOn <= day && (LeftOn is null || LeftOn > day);
}
