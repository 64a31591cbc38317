namespace NpoMunicipalNetwork.Publishing.Checks;

/// <summary>One check over a parsed text.</summary>
internal interface IContentRule
{
    IEnumerable<CheckFinding> Check(CheckedContent content);
}
