using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace BranchNetwork.Infrastructure.Auditing;

/// <summary>
/// The model annotations the audit trail reads (AU-2, ADR 0021): a property whose value must never reach the trail,
/// and an entity type whose rows are not audited at all. Everything else of every module context is audited.
/// </summary>
public static class AuditModel
{
    public const string SecretAnnotation = "BranchNetwork:AuditSecret";
    public const string NotAuditedAnnotation = "BranchNetwork:NotAudited";

    /// <summary>What the trail shows instead of a secret's value: that it changed, never what it is.</summary>
    public const string Masked = "***";

    /// <summary>The value is a secret (a password hash, a token, a key): the trail says it changed, with <see cref="Masked"/> for before and after.</summary>
    public static PropertyBuilder<TProperty> IsAuditSecret<TProperty>(this PropertyBuilder<TProperty> property)
    {
        property.HasAnnotation(SecretAnnotation, true);
        return property;
    }

    /// <summary>The entity's rows are not audited (say why where it is used): the audit itself, key material, counters the access log already covers.</summary>
    public static EntityTypeBuilder<TEntity> IsNotAudited<TEntity>(this EntityTypeBuilder<TEntity> entity)
        where TEntity : class
    {
        entity.HasAnnotation(NotAuditedAnnotation, true);
        return entity;
    }

    public static bool IsAuditSecret(this IReadOnlyProperty property) => property.FindAnnotation(SecretAnnotation)?.Value is true;

    public static bool IsAudited(this IReadOnlyEntityType entityType) => entityType.FindAnnotation(NotAuditedAnnotation)?.Value is not true;
}
