using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Schema;

/// <summary>
/// <c>UsingEntity&lt;TJoin&gt;(...)</c>: the join class is an entity type like any other (its table, columns, navigations
/// and configuration come from the usual steps); this part picks its two relationships to the ends, which EF Core uses
/// as the skip navigations' foreign keys, and keys it by them when nothing else does. Facts from the fidelity models
/// (Fidelity/JoinModels): a relationship configured in the lambdas is used; one discovered from the join class's
/// navigation is used when the join class is an entity type anyway (a DbSet, a navigation to it), while a join class
/// that only UsingEntity brings in makes EF Core throw (two relationships could use the same foreign key); with neither,
/// EF adds a relationship without navigations, whose foreign key it finds or adds as a shadow property
/// (<see cref="JoinForeignKeyProperty"/>).
/// </summary>
internal sealed partial class SchemaBuilder
{
    private bool IsJoinClass(EntityNode node) => _manyToMany.Any(m => m.JoinClass == node.FullName);

    /// <summary>Entity types configured by chains other than those in <c>UsingEntity</c>'s lambdas.</summary>
    private readonly HashSet<string> _configuredOutsideUsingEntity = new(StringComparer.Ordinal);

    /// <summary>Runs after relationship discovery and before foreign keys are resolved.</summary>
    private void LinkJoinClasses()
    {
        foreach (var manyToMany in _manyToMany.Where(m => m.JoinClass is not null))
        {
            var location = manyToMany.JoinLocation ?? manyToMany.Location;
            var join = Entity(manyToMany.JoinClass!);
            var name = _propertyBagJoins.Contains(manyToMany.JoinClass!) ? "`UsingEntity<Dictionary<string, object>>(\"" + manyToMany.JoinClass + "\")`"
                : "`UsingEntity<" + (join?.Spec.Name ?? manyToMany.JoinClass) + ">`";
            if (join is null || join == manyToMany.Left || join == manyToMany.Right
                || join.Base is not null || join.Derived.Count > 0 || _manyToMany.Count(m => m.JoinClass == join.FullName) > 1)
            {
                Unknown(name + ": a join class in this shape (inherited, shared or an end itself) is not modelled yet", location);
                continue;
            }
            if (manyToMany.JoinEntityName is { } sharedName && !NameSharedJoinClass(manyToMany, join, sharedName, location)) continue;
            foreach (var (end, otherSkipNavigation, role) in new[] { (manyToMany.Left, manyToMany.Second, FluentChainParser.JoinLeft), (manyToMany.Right, (NavigationNode?)manyToMany.First, FluentChainParser.JoinRight) })
            {
                if (JoinForeignKey(manyToMany, join, end, otherSkipNavigation, name, location, manyToMany.Left == manyToMany.Right ? role : null) is not { } foreignKey) break;
                manyToMany.JoinForeignKeys.Add(foreignKey);
            }
            // A shared-type join entity's relationships are the skip navigations' business (EF judge: links model).
            if (manyToMany.JoinEntityName is not null) foreach (var foreignKey in manyToMany.JoinForeignKeys) foreignKey.IsJoin = true;
        }
    }

    /// <summary>
    /// <c>UsingEntity&lt;TJoin&gt;("Name", ...)</c>: a shared-type entity type named "Name" with TJoin's members, mapped to the
    /// table "Name" (rewritten by a naming plug-in, as the entity names of <c>UsingEntity("Name")</c> are) unless its lambda
    /// names one with <c>ToTable</c> (EF judge: links model). TJoin must not be an entity type of its own too (EF Core
    /// refuses a shared-type entity type whose CLR type is also a non-shared one), nor carry <c>[Table]</c>.
    /// </summary>
    private bool NameSharedJoinClass(ManyToManyNode manyToMany, EntityNode join, string sharedName, SourceLocation? location)
    {
        if (join.IntroducedAt is null || _configuredOutsideUsingEntity.Contains(join.FullName)
            || join.Mapping is not { Evidence: TableEvidenceKind.ClassNameConvention or TableEvidenceKind.FluentApi } mapping)
        {
            Unknown("`UsingEntity<" + join.Spec.Name + ">(\"" + sharedName + "\")` on a class that is also an entity type of its own, or whose table is named elsewhere, is not modelled", location);
            return false;
        }
        if (mapping.Evidence == TableEvidenceKind.ClassNameConvention)
        {
            join.Mapping = mapping with { Table = Name(sharedName), Evidence = TableEvidenceKind.FluentApi, EvidenceLocation = location, EvidenceNote = null };
        }
        return true;
    }

    /// <param name="role">For a self-referencing join class, the <c>UsingEntity</c> lambda whose relationship serves this
    /// end (configureLeft for the left end, whose skip navigation is the <c>HasMany</c> one; configureRight for the right).</param>
    private RelationshipNode? JoinForeignKey(ManyToManyNode manyToMany, EntityNode join, EntityNode end, NavigationNode? otherSkipNavigation, string name, SourceLocation? location,
        string? role = null)
    {
        var between = _relationships.Where(r => !r.IsJoin && ((r.Dependent == join && r.Principal == end) || (r.Dependent == end && r.Principal == join))).ToList();
        if (role is not null)
        {
            // Two relationships to the same entity type: each must come from its own lambda (EF judge: friends model). With
            // none, EF Core adds two shadow foreign keys and then finds no key for the join class (it throws).
            between = between.Where(r => r.JoinRole == role).ToList();
            if (between.Count != 1 || (between[0].ForeignKeyNames is null && between[0].DependentNavigation is null))
            {
                // Without HasForeignKey or a navigation, both relationships would look for the same [type][key] property.
                Unknown(name + ": a self-referencing join class whose relationship to `" + end.Spec.Name + "` is not configured in UsingEntity's "
                        + (role == FluentChainParser.JoinLeft ? "configureLeft" : "configureRight") + " lambda with its foreign key or navigation is not modelled", location);
                return null;
            }
        }
        if (between.Count > 1 || between.Any(r => r.Dependent != join || r.Unique))
        {
            Unknown(name + ": several relationships, or not a one-to-many one, between the join class and `" + end.Spec.Name + "`", location);
            return null;
        }
        if (between.Count == 1)
        {
            // A relationship found from the join class's navigation alone only counts when the join class was an entity type
            // before UsingEntity made it one; otherwise EF Core adds a second one and throws.
            if (between[0].ConfiguredAt is null && join.IntroducedAt is not null)
            {
                Unknown(name + ": the join class's navigation to `" + end.Spec.Name + "` is not configured in UsingEntity and the join class is not otherwise an entity type (EF Core cannot choose the foreign key)", location);
                return null;
            }
            // Only the end's collection navigation to the join class (no navigation back, no foreign key configured): the
            // skip navigation makes it its foreign key, whose properties EF finds or names as below (EF judge: labels model).
            if (between[0].DependentNavigation is null && between[0].ForeignKeyNames is null && between[0].PrincipalKeyNames is null)
            {
                if (JoinForeignKeyProperty(join, end, otherSkipNavigation, name, location) is not { } found) return null;
                between[0].ForeignKeyNames = new List<string> { found.Name };
                if (found.Shadow) between[0].Required = true;
            }
            return between[0];
        }
        if (join.Navigations.Any(n => n.Target == end))
        {
            Unknown(name + ": the join class's navigation to `" + end.Spec.Name + "` is not part of a relationship DataDocGen can pair", location);
            return null;
        }

        // No relationship yet: EF adds one without navigations, its foreign key found or named as below.
        if (JoinForeignKeyProperty(join, end, otherSkipNavigation, name, location) is not { } property) return null;
        var relationship = new RelationshipNode(end, join, location) { ForeignKeyNames = new List<string> { property.Name } };
        if (property.Shadow) relationship.Required = true; // EF's shadow property is the key's own type, not nullable
        _relationships.Add(relationship);
        return relationship;
    }

    /// <summary>
    /// The foreign key property of the join class's relationship to <paramref name="end"/> as EF Core finds it (EF judge:
    /// Fidelity/JoinModels, seats and labels models): the base name is the other end's skip navigation to
    /// <paramref name="end"/> (the inverse of the skip navigation this foreign key serves), else, for a unidirectional
    /// many-to-many, the end's type name; a property named [base][key] or [base]Id is taken, the skip-navigation base before
    /// the type name ([type][key] next, ignoring case); none gives a shadow property named [base][key] (a key name starting
    /// with the base is not repeated). A candidate of another type than the key is withheld: EF then adds a uniquified
    /// shadow property (<c>RoomsId1</c>).
    /// </summary>
    private (string Name, bool Shadow)? JoinForeignKeyProperty(EntityNode join, EntityNode end, NavigationNode? otherSkipNavigation, string name, SourceLocation? location)
    {
        var key = end.Root.KeyProperties is { Count: 1 } keys ? end.Root.FindProperty(keys[0]) : null;
        if (key is null)
        {
            Unknown(name + ": the foreign key to `" + end.Spec.Name + "`, whose key is composite or unknown, is not modelled", location);
            return null;
        }
        var baseNames = new[] { otherSkipNavigation?.Name, end.Spec.Name }.Where(n => n is not null).Select(n => n!).Distinct().ToList();
        var candidate = baseNames.SelectMany(b => new[] { b + key.Name, b + "Id" }).Select(join.FindPropertyIgnoreCase).FirstOrDefault(p => p is not null);
        if (candidate is not null)
        {
            if (candidate.ClrType != key.ClrType || (join.KeyProperties is { Count: 1 } own && own[0] == candidate.Name))
            {
                Unknown(name + ": property `" + candidate.Name + "` looks like the foreign key to `" + end.Spec.Name + "` but is of another type or is the join class's key (EF Core would add a shadow one with a numbered name)", location);
                return null;
            }
            return (candidate.Name, false);
        }
        var shadow = ForeignKeyName(baseNames[0], key.Name);
        if (join.Spec.Members.Any(m => string.Equals(m.Name, shadow, StringComparison.OrdinalIgnoreCase)) || join.AllProperties().Any(p => string.Equals(p.Name, shadow, StringComparison.OrdinalIgnoreCase)))
        {
            Unknown(name + ": the shadow foreign key `" + shadow + "` EF Core would add to `" + join.Spec.Name + "` clashes with a member of that name", location);
            return null;
        }
        return (shadow, true);
    }

    /// <summary>Runs after foreign keys are resolved: the join class's key, unless it has one of its own, is its two foreign
    /// keys, ordered as EF Core orders an entity's foreign keys (by property names, ordinally: KeyDiscoveryConvention).</summary>
    private void AddJoinClassKey(ManyToManyNode manyToMany)
    {
        if (manyToMany.JoinForeignKeys.Count != 2 || manyToMany.JoinForeignKeys.Any(r => r.ForeignKey.Count != 1)) return; // withheld above
        var join = manyToMany.JoinForeignKeys[0].Dependent;
        if (join.Keyless)
        {
            Unknown("`UsingEntity<" + join.Spec.Name + ">` on a keyless join class is not modelled", manyToMany.JoinLocation ?? manyToMany.Location);
            return;
        }
        if (join.KeyProperties is null)
        {
            join.KeyProperties = manyToMany.JoinForeignKeys.Select(r => r.ForeignKey[0].Name).OrderBy(n => n, StringComparer.Ordinal).ToList();
            join.KeyLocation = manyToMany.JoinLocation ?? manyToMany.Location;
        }
        // Key properties are required, and so then is a relationship over them (an int? foreign key: loans model; the
        // scaffolder's HasKey("PostId", "TagId") over the shadow foreign keys of HasForeignKey("TagId"): scaffolded joins model).
        foreach (var relationship in manyToMany.JoinForeignKeys.Where(r => r.Required is null && r.ForeignKey.All(p => join.KeyProperties.Contains(p.Name)))) relationship.IsRequired = true;
        if (manyToMany.JoinForeignKeys.Any(r => !r.IsRequired))
        {
            Unknown("`UsingEntity<" + join.Spec.Name + ">`: an optional relationship to the join class is not modelled yet", manyToMany.JoinLocation ?? manyToMany.Location);
            return;
        }
        if (SecondJoinKeyCascadesOnClient(manyToMany))
        {
            // SqlServerOnDeleteConvention: of a self-referencing many-to-many's two cascade paths, the foreign key of the skip
            // navigation whose name sorts first cascades on the client only, unless configured (EF judge: friends model,
            // FriendOf's FriendId; an OnDelete on it is kept).
            var first = manyToMany.Second is { } second && string.CompareOrdinal(second.Name, manyToMany.First.Name) < 0 ? manyToMany.JoinForeignKeys[1] : manyToMany.JoinForeignKeys[0];
            first.DeleteBehavior ??= "ClientCascade";
        }
        manyToMany.Join = join;
    }
}
