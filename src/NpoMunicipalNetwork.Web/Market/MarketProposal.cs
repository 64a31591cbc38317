using NpoMunicipalNetwork.Organisations;

namespace NpoMunicipalNetwork.Market;

public enum ProposalStatus
{
    Draft = 0,
    Submitted = 1,
    Withdrawn = 2,
}

/// <summary>
/// An organisation's proposal (提案) to a round: the applicant's own record, not content (no approval, no public
/// history). Not <see cref="ITenantOwned"/>: the organisation works on the hub while the round belongs to a member
/// site, so <see cref="SiteId"/> (the round's site) is checked explicitly by the staff screens.
/// </summary>
public sealed class MarketProposal
{
    public int Id { get; set; }

    public int RoundId { get; set; }

    /// <summary>The round's member site, copied at creation so staff lists need no join through the tenant filter.</summary>
    public int SiteId { get; set; }

    public int OrganisationId { get; set; }

    public int? CreatedByUserId { get; set; }

    public ProposalStatus Status { get; set; }

    public string Title { get; set; } = "";

    /// <summary>The chosen regional issue, by its position (1-based) in the round's list when the proposal was written.</summary>
    public int IssueNumber { get; set; }

    public string IssueTitle { get; set; } = "";

    public string Summary { get; set; } = "";

    public string NpoRole { get; set; } = "";

    public string GovernmentRole { get; set; } = "";

    public long BudgetYen { get; set; }

    public string Schedule { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateTime? SubmittedUtc { get; set; }

    public DateTime? WithdrawnUtc { get; set; }

    /// <summary>Two tabs saving the same proposal: the second is told, not silently overwritten.</summary>
    public int Version { get; set; }

    public const int TextLength = 4_000;
}

public sealed class MarketProposalConfiguration : IEntityTypeConfiguration<MarketProposal>
{
    public void Configure(EntityTypeBuilder<MarketProposal> e)
    {
        e.ToTable("MarketProposals");
        e.Property(p => p.Title).HasMaxLength(ContentItem.TitleLength);
        e.Property(p => p.IssueTitle).HasMaxLength(MarketRoundForm.IssueTitleLength);
        e.Property(p => p.Summary).HasMaxLength(MarketProposal.TextLength);
        e.Property(p => p.NpoRole).HasMaxLength(MarketProposal.TextLength);
        e.Property(p => p.GovernmentRole).HasMaxLength(MarketProposal.TextLength);
        e.Property(p => p.Schedule).HasMaxLength(MarketProposal.TextLength);
        e.Property(p => p.Version).IsConcurrencyToken();
        e.HasOne<MarketRound>().WithMany().HasForeignKey(p => p.RoundId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organisation>().WithMany().HasForeignKey(p => p.OrganisationId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(p => new { p.OrganisationId, p.UpdatedUtc });
        e.HasIndex(p => new { p.SiteId, p.Status });
        e.HasIndex(p => p.RoundId);
    }
}
