namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>
/// The secretariat's addition to the machine-dependent character dictionary, network-wide:
/// a character (or string) the checker flags, and what authors should write instead.
/// </summary>
public sealed class NotationEntry
{
    public int Id { get; set; }

    public required string Character { get; set; }

    public required string Replacement { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}
