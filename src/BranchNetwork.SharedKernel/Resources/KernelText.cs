using System.Globalization;
using System.Resources;

namespace BranchNetwork.SharedKernel.Resources;

/// <summary>The kernel's few messages of its own: KernelText.resx (zh-CN, neutral) and KernelText.en.resx, in the caller's UI culture.</summary>
internal static class KernelText
{
    private static readonly ResourceManager Resources = new(typeof(KernelText));

    public static string Get(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
}
