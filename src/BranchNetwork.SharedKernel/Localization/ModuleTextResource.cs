namespace BranchNetwork.SharedKernel.Localization;

/// <summary>
/// A module's resource class for texts rendered by another module in the reader's language, e.g. notification
/// titles: a <see cref="Prefix"/> of <c>assessment</c> resolves the key <c>assessment:NotifyPublishedTitle</c>
/// through <see cref="ResourceType"/>. Each module registers its own as a singleton.
/// </summary>
public sealed record ModuleTextResource(string Prefix, Type ResourceType);
