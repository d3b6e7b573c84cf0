namespace BranchNetwork.Modules.Tasks.Resources;

/// <summary>Marker for the week pages' strings (my week, the team board): WeekPagesText.resx (zh-CN, neutral) and WeekPagesText.en.resx.</summary>
internal sealed class WeekPagesText
{
    private WeekPagesText()
    {
    }
}
