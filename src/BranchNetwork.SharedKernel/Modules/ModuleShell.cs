namespace BranchNetwork.SharedKernel.Modules;

/// <summary>A group in the navigation menu. <see cref="TextKey"/> is a key of the owning module's text resource.</summary>
/// <param name="Roles">Roles that see the group; empty means every signed-in user.</param>
public sealed record NavGroup(string Key, string TextKey, string Icon, int Order, IReadOnlyList<string>? Roles = null, string? TestId = null);

/// <summary>
/// A link in the navigation menu. <see cref="TextKey"/> is a key of the owning module's text resource; an entry with a
/// <see cref="Group"/> sits in that group, ordered by <see cref="Order"/>, otherwise at the top level.
/// </summary>
/// <param name="Roles">Roles that see the entry; empty means every signed-in user.</param>
/// <param name="MatchAll">Highlighted only on exactly <see cref="Href"/> (not on pages below it).</param>
public sealed record NavEntry(
    string Href,
    string TextKey,
    int Order,
    string? Icon = null,
    string? Group = null,
    IReadOnlyList<string>? Roles = null,
    bool MatchAll = false,
    string? TestId = null);

/// <summary>
/// A home-page card (SPEC §9) for the users holding one of <see cref="Roles"/> (empty: every signed-in user). Its title is
/// <see cref="TitleKey"/> in the owning module's text resource; its body is the live <see cref="HomeFigure"/> the module reads.
/// </summary>
public sealed record HomeCard(string Key, string TitleKey, int Order, string Icon, IReadOnlyList<string>? Roles = null);

/// <summary>
/// What a card shows: a figure (already formatted), a line saying what it means (already localised) and where to act on
/// it; optionally a compact heat map of the units behind the figure, worst first.
/// </summary>
public sealed record HomeFigure(string CardKey, string Value, string Caption, string Link, IReadOnlyList<HeatCell>? Heat = null);

/// <summary>How a unit stands on a heat map: on pace, some indicators behind, or behind as a whole.</summary>
public enum HeatLevel
{
    OnPace,
    Watch,
    Behind,
}

/// <summary>One unit on a card's heat map: a short label, what it means in a sentence (already localised), and its page.</summary>
public sealed record HeatCell(string Label, string Hint, HeatLevel Level, string Link);

/// <summary>
/// A recurring job of a module: <see cref="RunAsync"/> runs in a DI scope of its own, on the <see cref="Cron"/> schedule in
/// <see cref="TimeZone"/>. The host schedules it with Hangfire under <see cref="Id"/>, so the module needs no Hangfire code.
/// </summary>
public sealed record ModuleRecurringJob(string Id, string Cron, TimeZoneInfo TimeZone, Func<IServiceProvider, CancellationToken, Task> RunAsync);
