namespace NpoMunicipalNetwork.Members;

/// <summary>Membership counts per fiscal year (April–March), from the first join to the current year.</summary>
public static class MembershipStatistics
{
    public static IReadOnlyList<MembershipYear> ByFiscalYear(IReadOnlyCollection<(DateOnly JoinedOn, DateOnly? LeftOn)> memberships, DateOnly today)
    {
        if (memberships.Count == 0)
            return [];
        static int Fy(DateOnly d) => d.Month >= 4 ? d.Year : d.Year - 1;
        var first = memberships.Min(m => Fy(m.JoinedOn));
        var last = Fy(today);
        var years = new List<MembershipYear>();
        for (var fy = first; fy <= last; fy++)
        {
            var end = new DateOnly(fy + 1, 3, 31);
            years.Add(new MembershipYear(
                fy,
                memberships.Count(m => Fy(m.JoinedOn) == fy),
                memberships.Count(m => m.LeftOn is { } l && Fy(l) == fy),
                memberships.Count(m => m.JoinedOn <= end && (m.LeftOn is null || m.LeftOn > end))));
        }
        return years;
    }
}
