namespace BranchNetwork.Modules.Identity.Pages.Admin;

/// <summary>Turns a handler's failure into the text a page shows (same messages as the API's problem details).</summary>
internal static class PageErrors
{
    public static string Describe(AppException exception) => exception switch
    {
        ValidationFailedException v => string.Join(" ", v.Errors.SelectMany(e => e.Value.Select(m => $"{m}"))),
        _ => exception.Message,
    };
}
