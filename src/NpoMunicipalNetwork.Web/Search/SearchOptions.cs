namespace NpoMunicipalNetwork.Search;

/// <summary>Settings under <c>Search:</c>.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The index folder (relative to the content root), or <see cref="InMemory"/> for an index in RAM (tests).</summary>
    public string IndexPath { get; set; } = "App_Data/search";

    public const string InMemory = ":memory:";

    /// <summary>How often the change log is read when nothing in this instance signalled a change.</summary>
    public int PollMilliseconds { get; set; } = 500;

    /// <summary>Change-log lines older than this are deleted; an index that missed more than this is rebuilt.</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>
    /// How many text queries' matches (document and score, about 8 bytes per match) are kept for the
    /// current index view; 0 turns the cache off. Refining a search by facets or paging through it
    /// repeats the same text, so only the first request for a text reads the postings.
    /// </summary>
    public int TextMatchCacheEntries { get; set; } = 64;
}
