using System.Reflection;

namespace BranchNetwork.ArchitectureTests;

/// <summary>The assemblies of the monolith, found from the Host's references (new modules are picked up by name).</summary>
internal static class Solution
{
    public static readonly Assembly Host = typeof(Program).Assembly;

    public static readonly IReadOnlyList<Assembly> All = LoadAll();

    public static IEnumerable<Assembly> Modules => All.Where(a => IsModule(a.GetName().Name!));

    public static IEnumerable<Assembly> Contracts => All.Where(a => a.GetName().Name!.StartsWith("BranchNetwork.Modules.", StringComparison.Ordinal) && a.GetName().Name!.EndsWith(".Contracts", StringComparison.Ordinal));

    public static Assembly Named(string name) => All.Single(a => a.GetName().Name == name);

    /// <summary>"BranchNetwork.Modules.Identity" → "Identity".</summary>
    public static string ModuleName(Assembly module) => module.GetName().Name!["BranchNetwork.Modules.".Length..];

    private static bool IsModule(string name) =>
        name.StartsWith("BranchNetwork.Modules.", StringComparison.Ordinal) && !name.EndsWith(".Contracts", StringComparison.Ordinal);

    private static List<Assembly> LoadAll()
    {
        var found = new Dictionary<string, Assembly> { [Host.GetName().Name!] = Host };
        var pending = new Queue<Assembly>([Host]);
        while (pending.TryDequeue(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("BranchNetwork.", StringComparison.Ordinal)))
            {
                if (!found.ContainsKey(reference.Name!))
                {
                    var loaded = Assembly.Load(reference);
                    found[reference.Name!] = loaded;
                    pending.Enqueue(loaded);
                }
            }
        }

        return [.. found.Values];
    }
}
