namespace BranchNetwork.ArchitectureTests;

/// <summary>Samples that prove <see cref="MarkupRules"/> can fail: each bad one must be reported, no good one may be.</summary>
internal static class MarkupRulesFixtures
{
    public static readonly string[] Bad = ["RawCast.razor", "RawNew.cs", "Appended.razor", "Builder.cs", "Variable.razor", "HtmlRaw.cshtml", "Field.cs"];

    public static readonly string[] Good = ["Sanitised.razor", "SanitisedNew.cs", "SafeHtmlHelper.razor", "Encoded.razor"];

    public static IEnumerable<(string Path, string Text)> Samples =>
    [
        ("RawCast.razor", """<div class="notification-body">@((MarkupString)item.Body)</div>"""),
        ("RawNew.cs", """var html = new MarkupString(appeal.Reason);"""),
        ("Appended.razor", """<div>@((MarkupString)Sanitizer.Sanitize(item.Body) + item.Title)</div>"""),
        ("Appended.razor", """<div>@((MarkupString)(Sanitizer.Sanitize(item.Body) + item.Title))</div>"""),
        ("Builder.cs", """builder.AddMarkupContent(3, warning.Message);"""),
        ("Variable.razor", """@((MarkupString)body)"""),
        ("HtmlRaw.cshtml", """@Html.Raw(Model.Comment)"""),
        ("Field.cs", """private MarkupString message;"""),
        ("Sanitised.razor", """<div class="notification-body">@((MarkupString)Sanitizer.Sanitize(item.Body))</div>"""),
        ("SanitisedNew.cs", """var html = new MarkupString(sanitizer.Sanitize(announcement.Body));"""),
        ("SafeHtmlHelper.razor", """<p>@((MarkupString)SafeHtml.From(Sanitizer, item.Body))</p>"""),
        ("Encoded.razor", """<div style="white-space: pre-line">@item.Body</div>"""),
    ];
}
