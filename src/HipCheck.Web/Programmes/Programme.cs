using HipCheck.Web.Athletes;
using HipCheck.Web.Screenings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace HipCheck.Web.Programmes;

public enum ProgrammeStatus
{
    Active,
    Replaced,
}

/// <summary>
/// A strengthening programme assigned to an athlete, generated from one screening. The plan is stored as a
/// snapshot (<see cref="Plan"/>), so a later change to the generator never rewrites a plan a runner is following;
/// only an explicit adjustment regenerates it. An athlete has at most one active programme; starting a new one
/// marks the old one replaced, with its logged sessions kept.
/// </summary>
public sealed class Programme
{
    public Guid Id { get; set; }

    public Guid AthleteId { get; set; }

    public Athlete? Athlete { get; set; }

    public Guid ScreeningId { get; set; }

    public Screening? Screening { get; set; }

    public DateOnly StartDate { get; set; }

    public int Weeks { get; set; }

    public int SessionsPerWeek { get; set; }

    public DateOnly RetestDate { get; set; }

    public required PlanSnapshot Plan { get; set; }

    public ProgrammeStatus Status { get; set; }

    public required string AssignedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }

    public DateOnly EndDate => StartDate.AddDays(7 * Weeks - 1);
}

/// <summary>One logged workout: how it went, pain, and what was done on each side of each exercise.</summary>
public sealed class WorkoutSession
{
    public Guid Id { get; set; }

    public Guid ProgrammeId { get; set; }

    public DateOnly Date { get; set; }

    public HipCheck.Core.Training.SessionStatus Status { get; set; }

    /// <summary>Pain during or after the session, 0 (none) to 10 (worst imaginable); null when not given.</summary>
    public int? Pain { get; set; }

    public string? Note { get; set; }

    /// <summary>Per exercise, left and right apart: evening out the sides is the point.</summary>
    public List<ExerciseLog> Exercises { get; set; } = [];

    public required string LoggedByUserId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>What was done of one exercise, each side apart. Null means "not entered".</summary>
public sealed record ExerciseLog(
    string ExerciseId,
    int? LeftReps,
    int? RightReps,
    double? LeftLoadKg,
    double? RightLoadKg,
    int? LeftHoldSeconds,
    int? RightHoldSeconds);

internal sealed class ProgrammeConfiguration : IEntityTypeConfiguration<Programme>
{
    public void Configure(EntityTypeBuilder<Programme> programme)
    {
        programme.HasOne(p => p.Athlete).WithMany().HasForeignKey(p => p.AthleteId).OnDelete(DeleteBehavior.Cascade);
        programme.HasOne(p => p.Screening).WithMany().HasForeignKey(p => p.ScreeningId).OnDelete(DeleteBehavior.Restrict);
        programme.HasIndex(p => new { p.AthleteId, p.Status });
        programme.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
        programme.Property(p => p.AssignedByUserId).HasMaxLength(450);
        programme.Property(p => p.Plan).HasConversion(JsonColumn.Converter<PlanSnapshot>(), JsonColumn.Comparer<PlanSnapshot>());
    }
}

internal sealed class WorkoutSessionConfiguration : IEntityTypeConfiguration<WorkoutSession>
{
    public void Configure(EntityTypeBuilder<WorkoutSession> session)
    {
        session.HasOne<Programme>().WithMany().HasForeignKey(s => s.ProgrammeId).OnDelete(DeleteBehavior.Cascade);
        // One record per day: logging a day again corrects it.
        session.HasIndex(s => new { s.ProgrammeId, s.Date }).IsUnique();
        session.Property(s => s.Status).HasConversion<string>().HasMaxLength(10);
        session.Property(s => s.Note).HasMaxLength(HipCheck.Core.Training.SessionLogRules.NoteMaxLength);
        session.Property(s => s.LoggedByUserId).HasMaxLength(450);
        session.Property(s => s.Exercises).HasConversion(JsonColumn.Converter<List<ExerciseLog>>(), JsonColumn.Comparer<List<ExerciseLog>>());
    }
}
