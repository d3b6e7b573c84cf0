using System.Security.Claims;
using BranchNetwork.SharedKernel.Modules;
using Microsoft.Extensions.Localization;

namespace BranchNetwork.Host.Shell;

/// <summary>What the modules contribute to the shell, filtered for a user and in the user's language.</summary>
internal sealed class ModuleShell(LoadedModules modules, Platform.PlatformHomeCards platform, IStringLocalizerFactory localizers)
{
    /// <summary>A top-level navigation item: a link, or a group with its links.</summary>
    public sealed record NavItem(int Order, string Text, string? Icon, NavEntry? Entry, NavGroup? Group, IReadOnlyList<(NavEntry Entry, string Text)> Children);

    public sealed record Card(IModule Module, HomeCard Definition, string Title);

    public IReadOnlyList<NavItem> NavigationFor(ClaimsPrincipal user)
    {
        var entries = modules.All
            .SelectMany(m => m.Navigation.Where(e => Allowed(user, e.Roles)).Select(e => (Entry: e, Text: Text(m, e.TextKey))))
            .ToList();
        var groups = modules.All
            .SelectMany(m => m.NavigationGroups.Where(g => Allowed(user, g.Roles)).Select(g => (Group: g, Text: Text(m, g.TextKey))))
            .ToList();
        var items = entries.Where(e => e.Entry.Group is null)
            .Select(e => new NavItem(e.Entry.Order, e.Text, e.Entry.Icon, e.Entry, null, []))
            .Concat(groups.Select(g => new NavItem(g.Group.Order, g.Text, g.Group.Icon, null, g.Group,
                entries.Where(e => e.Entry.Group == g.Group.Key).OrderBy(e => e.Entry.Order).ToList())))
            .Where(i => i.Group is null || i.Children.Count > 0);
        return [.. items.OrderBy(i => i.Order)];
    }

    /// <summary>
    /// The user's cards, by module, in display order (a card is shown only once its module gives it a figure); the
    /// platform's own cards (parked messages, failed jobs) join the modules' ones.
    /// </summary>
    public IReadOnlyList<(IModule Module, IReadOnlyList<Card> Cards)> CardsFor(ClaimsPrincipal user) =>
        [.. modules.All.Append(platform)
            .Select(m => (Module: m, Cards: (IReadOnlyList<Card>)[.. m.HomeCards.Where(c => Allowed(user, c.Roles)).Select(c => new Card(m, c, Text(m, c.TitleKey)))]))
            .Where(m => m.Cards.Count > 0)];

    public IReadOnlyList<Type> AppBarComponents => [.. modules.All.SelectMany(m => m.AppBarComponents)];

    private string Text(IModule module, string key) =>
        module.Text is { } text ? localizers.Create(text.ResourceType)[key] : key;

    private static bool Allowed(ClaimsPrincipal user, IReadOnlyList<string>? roles) =>
        user.Identity?.IsAuthenticated == true && (roles is null || roles.Count == 0 || roles.Any(user.IsInRole));
}
