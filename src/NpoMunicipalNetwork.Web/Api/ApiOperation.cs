
namespace NpoMunicipalNetwork.Api;

public static class ApiOperation
{
    /// <summary>
    /// What the OpenAPI document and the reference page say of a read operation: its id, tag, summary, description and
    /// example response. One call, so each endpoint's registration states only these and its response types.
    /// </summary>
    public static RouteHandlerBuilder Describe(this RouteHandlerBuilder endpoint, string name, string tag, string summary, string description, string example) =>
        endpoint.WithName(name).WithTags(tag).WithSummary(summary).WithDescription(description).WithMetadata(new ApiExample(example));
}
