using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace NpoMunicipalNetwork.Data;

/// <summary>
/// A feature that adds rows of its own to a SaveChanges of other rows, in the same transaction (the search
/// change log). <see cref="NetworkDbContext"/> asks every registered participant before saving; if any has
/// work, the content is saved first (so new rows have their ids), then each participant's rows, then the
/// transaction commits. Register with <c>services.AddSingleton&lt;ISaveChangesParticipant, …&gt;()</c>.
/// </summary>
public interface ISaveChangesParticipant
{
    /// <summary>Looks at what is about to be saved; the work to do once it is saved, or null when there is none.</summary>
    ISaveChangesFollowUp? Collect(ChangeTracker changes);
}

/// <summary>What a participant adds after the content was saved.</summary>
public interface ISaveChangesFollowUp
{
    /// <summary>Adds the participant's rows to <paramref name="db"/>; they are saved right after, in the same transaction.</summary>
    void Write(NetworkDbContext db);

    /// <summary>Called once those rows are saved (the transaction may still be open).</summary>
    void Saved(NetworkDbContext db)
    {
    }
}
