namespace NpoMunicipalNetwork.Publishing;

/// <summary>Every content type that goes through the workflow, by its stored type name.</summary>
public sealed class WorkflowContentTypes(IEnumerable<WorkflowContentType> types)
{
    private readonly Dictionary<string, WorkflowContentType> _byType = types.ToDictionary(t => t.Type);

    public IReadOnlyCollection<WorkflowContentType> All => _byType.Values;

    public WorkflowContentType Get(string type) => _byType.TryGetValue(type, out var t) ? t : throw new InvalidOperationException($"Unknown workflow content type {type}.");

    public WorkflowContentType? Find(string type) => _byType.GetValueOrDefault(type);

    public T Get<T>() where T : WorkflowContentType => _byType.Values.OfType<T>().Single();
}
