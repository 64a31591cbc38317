
namespace NpoMunicipalNetwork.Market;

/// <summary>This feature's tables on the network database (<c>db.MarketRounds</c> with <c>using NpoMunicipalNetwork.Market;</c>); the core context names no feature.</summary>
public static class MarketData
{
    extension(NetworkDbContext db)
    {
        public DbSet<MarketRound> MarketRounds => db.Set<MarketRound>();
        public DbSet<MarketProposal> MarketProposals => db.Set<MarketProposal>();
    }
}
