using System.Globalization;

namespace BranchNetwork.Modules.Audit.Features.Shared;

/// <summary>A verification's result in one line, as the audit trail keeps it (the record's Detail).</summary>
internal static class VerificationDetail
{
    public static string Of(ChainVerification result)
    {
        var window = result.FromUtc is null && result.ToUtc is null
            ? "whole"
            : string.Create(CultureInfo.InvariantCulture, $"{result.FromUtc:O}..{result.ToUtc:O}");
        var outcome = result.FirstBreak is { } broken
            ? string.Create(CultureInfo.InvariantCulture, $"BROKEN {broken.Kind} at {broken.Seq}{(broken.RecordId is { } id ? $" ({id})" : "")}")
            : "intact";
        return string.Create(CultureInfo.InvariantCulture,
            $"chain={result.Chain}; {window}; seq {result.FromSeq}..{result.ToSeq}; {result.RecordsChecked} records; {outcome}; checkpoint {result.LastCheckpoint?.Seq.ToString(CultureInfo.InvariantCulture) ?? "none"}");
    }
}
