namespace HipCheck.Core.Risk;

/// <summary>How a study was designed. Only prospective designs can show that a measure comes before an injury.</summary>
public enum StudyDesign
{
    Prospective,
    Retrospective,
    CaseControl,
    CrossSectional,
    CaseSeries,
    Intervention,
    RandomisedTrial,
}

/// <summary>How much of a study the catalogue's numbers were read from (docs/research/evidence-verification.md).</summary>
public enum Verification
{
    /// <summary>The full text was read.</summary>
    Verified,

    /// <summary>Only the abstract (or the abstract block of the article's first page) was read.</summary>
    AbstractOnly,

    /// <summary>Only secondary sources were reachable.</summary>
    Secondary,
}

/// <summary>A published study the catalogue cites. Texts are HipCheck's own words, never the paper's.</summary>
/// <param name="Id">Stable id such as <c>nadler-2001</c>.</param>
/// <param name="Citation">Journal, year, volume and pages, e.g. <c>Am J Phys Med Rehabil 2001;80(8):572-577</c>.</param>
/// <param name="SampleSize">People analysed; null when not read.</param>
/// <param name="Events">Injury or pain events in the whole study; null when not read (or not a follow-up study).</param>
/// <param name="Finding">What the study found, in plain language.</param>
/// <param name="SourceRead">Where the numbers were read.</param>
public sealed record Study(
    string Id,
    string Authors,
    int Year,
    string Title,
    string Journal,
    string Citation,
    string? Doi,
    string? Pmid,
    StudyDesign Design,
    string Population,
    int? SampleSize,
    int? Events,
    string Finding,
    Verification Verification,
    string? SourceRead);
