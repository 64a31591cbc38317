using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace NpoMunicipalNetwork.Forums;

/// <summary>
/// schema.org Event data for a forum page, for search engines. It goes in a
/// <c>script type="application/ld+json"</c> block, which the CSP allows because it is data, not code;
/// the encoder escapes &lt; &gt; &amp; so no text can close the block.
/// </summary>
public static class ForumJsonLd
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All), // keeps Japanese readable; still escapes <, >, & and quotes
        WriteIndented = false,
    };

    public static string For(Forum forum, IReadOnlyList<string> hostNames, IReadOnlyList<SessionModel> sessions, string baseUrl)
    {
        var o = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Event",
            ["name"] = forum.Title,
            ["url"] = $"{baseUrl}/forums/{forum.Edition}",
            ["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode",
            ["eventStatus"] = "https://schema.org/EventScheduled",
        };
        if (forum.Summary is not null)
            o["description"] = forum.Summary;
        var first = sessions.FirstOrDefault();
        var last = sessions.LastOrDefault();
        if (first is not null)
            o["startDate"] = $"{first.Date:yyyy-MM-dd}T{first.Start}:00+09:00";
        else if (forum.StartsOn is { } s)
            o["startDate"] = s.ToString("yyyy-MM-dd");
        if (last is not null)
            o["endDate"] = $"{last.Date:yyyy-MM-dd}T{last.End}:00+09:00";
        else if ((forum.EndsOn ?? forum.StartsOn) is { } e)
            o["endDate"] = e.ToString("yyyy-MM-dd");
        if (forum.VenueName is not null || forum.VenueAddress is not null)
        {
            var place = new JsonObject { ["@type"] = "Place", ["name"] = forum.VenueName ?? forum.VenueAddress };
            if (forum.VenueAddress is not null)
                place["address"] = new JsonObject { ["@type"] = "PostalAddress", ["streetAddress"] = forum.VenueAddress, ["addressCountry"] = "JP" };
            o["location"] = place;
        }
        if (hostNames.Count > 0)
            o["organizer"] = new JsonArray(hostNames.Select(n => (JsonNode)new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = n }).ToArray());
        return o.ToJsonString(Options);
    }
}
