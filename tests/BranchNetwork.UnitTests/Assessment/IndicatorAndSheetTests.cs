using BranchNetwork.Modules.Assessment.Domain;
using static BranchNetwork.UnitTests.Assessment.AssessmentDomain;

namespace BranchNetwork.UnitTests.Assessment;

/// <summary>The smaller machines: an indicator retires (once is enough); a sheet is adjusted on appeal and frozen at closing.</summary>
[Trait("Spec", "AS-1")]
public sealed class IndicatorAndSheetTests
{
    [Fact]
    public void An_active_indicator_retires_and_retiring_it_again_changes_nothing()
    {
        var indicator = Indicator("DEP");

        indicator.Retire();
        indicator.Retire();

        Assert.True(indicator.IsRetired);
    }

    [Fact]
    public void A_sheet_sums_its_adjustments_and_keeps_the_result_frozen_at_closing()
    {
        var sheet = AssessmentSheet.Issue(Guid.NewGuid(), SB01);

        sheet.Adjust(3m);
        sheet.Adjust(-1.5m);
        sheet.Freeze(91.25m, Grade.Excellent, 2);

        Assert.Equal((1.5m, (decimal?)91.25m, (Grade?)Grade.Excellent, (int?)2), (sheet.ScoreAdjustment, sheet.FinalScore, sheet.FinalGrade, sheet.FinalRank));
        Assert.Equal(("SB01", "支行01"), (sheet.SubBranchCode, sheet.SubBranchName));
    }
}
