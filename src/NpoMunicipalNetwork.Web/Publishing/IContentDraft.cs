namespace NpoMunicipalNetwork.Publishing;

/// <summary>
/// What a content type's editable content (the record a revision carries) says that the core reads:
/// its title and the unit that will own it. The rest of the record is the type's own business.
/// </summary>
public interface IContentDraft
{
    string Title { get; }

    int? OwnerDepartmentId { get; }
}
