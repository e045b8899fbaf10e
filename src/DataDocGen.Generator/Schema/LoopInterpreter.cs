using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;

namespace DataDocGen.Generator.Schema;

/// <summary>
/// Applies the loop chains of <see cref="ModelLoopReader"/> as EF Core runs them, at their place in OnModelCreating:
/// shadow properties are added to the entity types that meet the loop's conditions when the loop is reached; delete
/// behaviours and table names are applied once relationships and tables are known, to the foreign keys and entity
/// types that existed then, and a later <c>OnDelete</c> or <c>ToTable</c> still wins (EF judge: ledger and tickets
/// models). What cannot be told (a condition or a type DataDocGen does not evaluate, a relationship or entity type that
/// may appear only after the loop) is recorded as unknown, so the detail is withheld rather than guessed.
/// </summary>
internal sealed class LoopInterpreter(SchemaBuilder builder)
{
    private readonly List<(FluentChainSpec Chain, int Position)> _foreignKeyLoops = new();
    private readonly List<(FluentChainSpec Chain, int Position)> _renames = new();
    private readonly List<(FluentChainSpec Chain, int Position)> _entityLoops = new();
    private readonly List<(FluentChainSpec Chain, int Position)> _columnRenames = new();

    /// <summary>Calls that neither add nor rename a column: allowed after a loop that renames columns (anything else may
    /// add a property the loop did not reach, or rename one it did).</summary>
    private static readonly HashSet<string> NoColumnEffect = new(StringComparer.Ordinal)
    {
        "HasQueryFilter", "HasData", "HasComment", "HasIndex", "IsUnique", "HasDatabaseName", "HasFilter", "HasCheckConstraint", "HasName",
    };

    /// <summary>Every chain, in order: once a loop has renamed columns, a later chain that may add or rename one is not
    /// ordered with it.</summary>
    public void Seen(FluentChainSpec chain, int position)
    {
        if (_columnRenames.Count == 0 || _columnRenames.All(l => l.Position >= position)) return;
        var harmless = chain.Root switch
        {
            FluentRoot.Entity => chain.Steps.All(s => NoColumnEffect.Contains(s.Method)),
            FluentRoot.Model => chain.Steps.All(s => s.Method is "HasDefaultSchema" or "HasSequence" or "HasDbFunction" or "HasPostgresExtension"
                                                     || (s.Method == "Entity" && s.TypeArguments.Count == 0) || NoColumnEffect.Contains(s.Method)),
            FluentRoot.EachForeignKey => true,
            FluentRoot.EachEntityType => chain.Steps.Any(s => s.Method == "SetTableName"),
            _ => chain.Steps.All(s => s.Method is "SetQueryFilter" or "GetEntityTypes" or "GetProperties" or "GetForeignKeys" or "ClrType"),
        };
        if (!harmless)
        {
            var loop = _columnRenames.First(l => l.Position < position);
            builder.Unknown(ModelLoopReader.NotEvaluated + " (configuration after this loop may add or rename columns it does not reach)", loop.Chain.Location);
            _columnRenames.RemoveAll(l => l.Position < position);
        }
    }

    public void Record(FluentChainSpec chain, int position, ChainInterpreter interpreter)
    {
        if (chain.Steps.FirstOrDefault(s => s.Method == "?NotEvaluated") is { } note)
        {
            builder.Unknown(note.Argument(0)!.Substring(1), chain.Location);
            return;
        }
        var actions = chain.Steps.Where(s => !s.Method.StartsWith("?", StringComparison.Ordinal)).ToList();
        switch (chain.Root)
        {
            case FluentRoot.EachForeignKey:
                _foreignKeyLoops.Add((chain, position));
                return;
            case FluentRoot.EachEntityType when actions.Count == 1 && actions[0].Method == "SetTableName":
                _renames.Add((chain, position));
                _entityLoops.Add((chain, position));
                return;
            case FluentRoot.EachProperty when actions.Count == 1 && actions[0].Method == "SetColumnName":
                _columnRenames.Add((chain, position));
                return;
            case FluentRoot.EachEntityType when actions.Count > 0 && actions[0].Method is "Property" or "AddProperty":
                _entityLoops.Add((chain, position));
                AddProperties(chain, actions, position, interpreter);
                return;
            default:
                builder.Unknown(ModelLoopReader.NotEvaluated + " (" + Describe(actions) + " in a loop over the model's metadata is not evaluated yet)", chain.Location);
                return;
        }
    }

    private static string Describe(List<FluentStepSpec> actions) =>
        actions.Count == 0 ? "this statement" : "`" + actions[0].Method + "`";

    /// <summary><c>modelBuilder.Entity(e.ClrType).Property&lt;T&gt;("Name")...</c> or <c>e.AddProperty("Name", typeof(T))</c>
    /// for each entity type the loop reaches, hierarchy roots first (EF Core moves a property added to a derived type and
    /// then to its base onto the base).</summary>
    private void AddProperties(FluentChainSpec chain, List<FluentStepSpec> actions, int position, ChainInterpreter interpreter)
    {
        if (!MatchedEntities(chain, position, out var matched)) return;
        var metadata = actions[0].Method == "AddProperty";
        var steps = actions.Select(s => s.Method == "AddProperty" ? s with { Method = "Property" } : s).ToList();
        var name = steps[0].Argument(0)!.Substring(1);
        foreach (var node in matched.OrderBy(n => n.SelfAndAncestors().Count()))
        {
            if (metadata && (node.FindProperty(name) is not null || node.Spec.Members.Any(m => m.Name == name) || node.SelfAndAncestors().Skip(1).Any(matched.Contains)))
            {
                builder.Unknown(ModelLoopReader.NotEvaluated + " (`AddProperty(\"" + name + "\")` on " + CodeSpan.Of(node.FullName) + ", which has or inherits a member of that name)", chain.Location);
                return;
            }
            interpreter.ApplyAt(new FluentChainSpec(FluentRoot.Entity, node.FullName, null, steps.ToEquatableArray(), chain.Location));
        }
    }

    /// <summary>The entity types a loop over <c>GetEntityTypes()</c> reaches; false (with the reason recorded) when
    /// DataDocGen cannot tell which they are.</summary>
    private bool MatchedEntities(FluentChainSpec chain, int position, out List<EntityNode> matched, bool tableNames = false)
    {
        Action<string, SourceLocation?> unknown = tableNames ? builder.UnknownTableNames : builder.Unknown;
        matched = new List<EntityNode>();
        var filters = chain.Steps.Where(s => s.Method.StartsWith("?", StringComparison.Ordinal)).ToList();
        foreach (var node in builder.Nodes)
        {
            if (node.IntroducedAt > position)
            {
                unknown(ModelLoopReader.NotEvaluated + " (" + CodeSpan.Of(node.FullName) + " joins the model only after this loop)", chain.Location);
                return false;
            }
            switch (Matches(filters, node.Spec, owned: false, root: node.Base is null, join: false))
            {
                case null:
                    unknown(ModelLoopReader.NotEvaluated + " (a condition of this loop)", chain.Location);
                    return false;
                case true:
                    matched.Add(node);
                    break;
            }
        }
        foreach (var owned in builder.OwnedTypes)
        {
            if (Matches(filters, owned, owned: true, root: true, join: false) != false)
            {
                unknown(ModelLoopReader.NotEvaluated + " (the loop also reaches owned type " + CodeSpan.Of(owned.FullName) + ")", chain.Location);
                return false;
            }
        }
        return true;
    }

    /// <summary>After relationships, join tables and tables are known: delete behaviours and table names.</summary>
    public void ApplyDeferred(int applyConfigurationAt, IReadOnlyList<TableMappingSpec> fluentMappings)
    {
        foreach (var (chain, position) in _foreignKeyLoops.Concat(_renames).Concat(_entityLoops).Concat(_columnRenames))
        {
            if (applyConfigurationAt > position)
            {
                builder.Unknown(ModelLoopReader.NotEvaluated + " (configuration classes applied after this loop are not ordered with it)", chain.Location);
                NotRenamed();
                return;
            }
        }
        foreach (var (chain, _) in _entityLoops.Where(l => !_renames.Contains(l)))
        {
            var filters = chain.Steps.Where(s => s.Method.StartsWith("?", StringComparison.Ordinal)).ToList();
            if (builder.HasImplicitJoinEntities && Matches(filters, null, owned: false, root: true, join: true) != false)
            {
                builder.Unknown(ModelLoopReader.NotEvaluated + " (the loop also reaches the implicit join entity types of many-to-many relationships)", chain.Location);
                NotRenamed();
                return;
            }
        }
        foreach (var (chain, position) in _foreignKeyLoops.OrderBy(l => l.Position)) ApplyDeleteBehavior(chain, position);
        foreach (var (chain, position) in _renames) Rename(chain, position, fluentMappings);
        foreach (var (chain, position) in _columnRenames) RenameColumns(chain, position);
    }

    /// <summary>Rename loops left unapplied: the table names stated would be the ones before the loop, not EF Core's.</summary>
    private void NotRenamed()
    {
        foreach (var (chain, _) in _renames) builder.UnknownTableNames(ModelLoopReader.NotEvaluated + " (this loop's table names are not applied)", chain.Location);
    }

    /// <summary>
    /// <c>foreach (var p in e.GetProperties()) p.SetColumnName(p.GetColumnName().ToLowerInvariant());</c> inside a loop over
    /// the entity types: every column of the types the loop reaches, as named when the loop runs ([Column], an earlier
    /// <c>HasColumnName</c>), the TPH discriminator and the implicit join tables' columns included; constraint and index
    /// names follow (EF judge: "registry" loop model). Withheld: with owned types (EF Core then throws: the owner's and
    /// the owned type's keys map to one primary key with different columns), complex types (not among GetProperties),
    /// temporal periods, TPC, a naming plug-in, a hierarchy only partly reached, and configuration after the loop that
    /// may add or rename columns (<see cref="Seen"/>).
    /// </summary>
    private void RenameColumns(FluentChainSpec chain, int position)
    {
        var name = chain.Steps.First(s => s.Method == "SetColumnName").Arguments.ToList();
        string? reason = null;
        if (builder.Naming is not null) reason = "columns renamed in a loop together with a naming-convention plug-in";
        else if (builder.OwnedTypes.Any() || builder.HasComplexTypes) reason = "columns renamed in a loop in a model with owned or complex types";
        else if (builder.Nodes.Any(n => n.IsTpc || n.Properties.Any(p => p.Origin == SchemaBuilder.TemporalPeriodOrigin))) reason = "columns renamed in a loop in a model with TPC or temporal tables";
        if (reason is not null)
        {
            builder.Unknown(ModelLoopReader.NotEvaluated + " (" + reason + ")", chain.Location);
            return;
        }
        if (!MatchedEntities(chain, position, out var matched)) return;
        var filters = chain.Steps.Where(s => s.Method.StartsWith("?", StringComparison.Ordinal)).ToList();
        var joins = builder.Nodes.Where(builder.IsImplicitJoin).ToList();
        if (joins.Count > 0)
        {
            switch (Matches(filters, null, owned: false, root: true, join: true))
            {
                case null:
                    builder.Unknown(ModelLoopReader.NotEvaluated + " (whether the loop reaches the implicit join entity types of many-to-many relationships)", chain.Location);
                    return;
                case true:
                    matched.AddRange(joins);
                    break;
            }
        }
        if (matched.FirstOrDefault(n => n.Root.SelfAndDescendants().Any(d => matched.Contains(d) != matched.Contains(n))) is { } partial)
        {
            builder.Unknown(ModelLoopReader.NotEvaluated + " (the loop renames the columns of " + CodeSpan.Of(partial.FullName) + " but not of every type in its hierarchy)", chain.Location);
            return;
        }
        string? Column(string current, string propertyName) =>
            NameTokens.Evaluate(name, leaf => leaf switch { NameTokens.Column => current, NameTokens.PropertyName => propertyName, _ => null });
        var columns = new Dictionary<PropertyNode, string>();
        var discriminators = new Dictionary<EntityNode, string>();
        foreach (var node in matched)
        {
            foreach (var property in node.Properties)
            {
                if (Column(property.Column, property.Name) is not { Length: > 0 } column)
                {
                    builder.Unknown(ModelLoopReader.NotEvaluated + " (the name this loop gives column `" + property.Column + "`)", chain.Location);
                    return;
                }
                columns[property] = column;
            }
            if (node.Base is null && node.Derived.Count > 0 && node.Discriminator?.Property is null
                && Column(node.Discriminator?.Name ?? "Discriminator", node.Discriminator?.Name ?? "Discriminator") is { Length: > 0 } discriminator)
            {
                discriminators[node] = discriminator;
            }
        }
        // Two columns of one entity type given one name (Name and name, lower-cased): not modelled.
        if (matched.FirstOrDefault(n => n.AllProperties().Select(p => columns.TryGetValue(p, out var c) ? c : p.Column).GroupBy(c => c, StringComparer.Ordinal).Any(g => g.Count() > 1)) is { } clash)
        {
            builder.Unknown(ModelLoopReader.NotEvaluated + " (the loop gives two columns of " + CodeSpan.Of(clash.FullName) + " one name)", chain.Location);
            return;
        }
        // Shown as code with the loop's line, like the other calls that configure a column.
        var evidence = new Report.EvidenceReport("SetColumnName(" + NameTokens.Render(name, table: false) + ")", chain.Location);
        foreach (var pair in columns)
        {
            pair.Key.ColumnName = pair.Value;
            pair.Key.Evidence.Add(evidence);
        }
        foreach (var pair in discriminators) pair.Key.DiscriminatorColumn = pair.Value;
    }

    private void ApplyDeleteBehavior(FluentChainSpec chain, int position)
    {
        var filters = chain.Steps.Where(s => s.Method.StartsWith("?", StringComparison.Ordinal)).ToList();
        var behavior = chain.Steps.First(s => s.Method == "=DeleteBehavior").Argument(0)!.Replace("DeleteBehavior.", "");
        if (builder.Nodes.Any(n => n.Base is not null && !n.IsTpc && n.Mapping?.Table is not null && n.Mapping.Table != n.Base.Mapping?.Table))
        {
            builder.Unknown(ModelLoopReader.NotEvaluated + " (a loop over foreign keys in a model with TPT tables, whose base-linking keys are not modelled)", chain.Location);
            return;
        }
        var inherited = chain.RootType == "GetForeignKeys";
        foreach (var relationship in builder.Relationships)
        {
            if (relationship.DeleteBehaviorAt > position) continue; // a later OnDelete wins
            if (relationship.Dependent.IntroducedAt > position || relationship.Principal.IntroducedAt > position
                || (relationship.ConfiguredAt > position && relationship.ConfiguredWithoutNavigation) || relationship.ReshapedAt > position)
            {
                builder.Unknown(ModelLoopReader.NotEvaluated + " (a relationship configured after this loop, which may not be the foreign key the loop changed)", relationship.Location ?? chain.Location);
                return;
            }
            var current = SchemaBuilder.DeleteBehaviorOf(relationship);
            bool? applies = ForeignKeyMatches(filters, relationship.IsOwnership, current, relationship.Dependent, inherited);
            if (applies is null)
            {
                builder.Unknown(ModelLoopReader.NotEvaluated + " (a condition of this loop)", chain.Location);
                return;
            }
            if (applies == true) relationship.DeleteBehavior = behavior;
        }
        foreach (var ownership in builder.TableSplitOwnerships)
        {
            bool? applies = ForeignKeyMatches(filters, true, builder.OwnershipDeleteBehavior(ownership), null, inherited, ownership.Owned);
            if (applies is null)
            {
                builder.Unknown(ModelLoopReader.NotEvaluated + " (a condition of this loop)", chain.Location);
                return;
            }
            if (applies == true) builder.SetOwnershipDeleteBehavior(ownership, behavior);
        }
    }

    private bool? ForeignKeyMatches(List<FluentStepSpec> filters, bool ownership, string current, EntityNode? dependent, bool inherited, EntityTypeSpec? ownedDependent = null)
    {
        foreach (var filter in filters)
        {
            var (name, negated) = Parse(filter);
            bool? value = name switch
            {
                "Ownership" => ownership,
                "DeleteBehavior" => filter.Argument(0)?.Replace("DeleteBehavior.", "") == current,
                _ when dependent is not null => EntityFilter(filter, dependent, inherited),
                _ when ownedDependent is not null => Matches(new List<FluentStepSpec> { filter }, ownedDependent, owned: true, root: true, join: false),
                _ => null,
            };
            if (value is null) return null;
            if (value == negated) return false;
        }
        return true;
    }

    /// <summary>An entity condition on a foreign key's dependent; with <c>GetForeignKeys</c> a key is also reached
    /// through the types derived from it, so it must hold for all of them or none.</summary>
    private bool? EntityFilter(FluentStepSpec filter, EntityNode dependent, bool inherited)
    {
        var list = new List<FluentStepSpec> { filter };
        var nodes = inherited ? dependent.SelfAndDescendants().ToList() : new List<EntityNode> { dependent };
        var join = builder.IsImplicitJoin(dependent);
        var results = nodes.Select(n => Matches(list, join ? null : n.Spec, owned: builder.IsOwnedCollection(n), root: n.Base is null, join)).Distinct().ToList();
        if (results.Count != 1 || results[0] is null) return null;
        // Matches already applied the negation: undo it here, the caller applies it.
        return Parse(filter).Negated ? !results[0] : results[0];
    }

    private void Rename(FluentChainSpec chain, int position, IReadOnlyList<TableMappingSpec> fluentMappings)
    {
        var name = chain.Steps.First(s => s.Method == "SetTableName").Arguments.ToList();
        if (builder.Naming is not null)
        {
            builder.UnknownTableNames(ModelLoopReader.NotEvaluated + " (table names changed in a loop together with a naming-convention plug-in)", chain.Location);
            return;
        }
        if (fluentMappings.Any(m => m.Kind is TableMappingKind.Table or TableMappingKind.View && After(m.Location, chain.Location)))
        {
            builder.UnknownTableNames(ModelLoopReader.NotEvaluated + " (tables named by `ToTable` after this loop are not ordered with it)", chain.Location);
            return;
        }
        if (!MatchedEntities(chain, position, out var matched, tableNames: true)) return;
        var filters = chain.Steps.Where(s => s.Method.StartsWith("?", StringComparison.Ordinal)).ToList();
        var joins = builder.Nodes.Where(builder.IsImplicitJoin).ToList();
        if (joins.Count > 0)
        {
            switch (Matches(filters, null, owned: false, root: true, join: true))
            {
                case null:
                    builder.UnknownTableNames(ModelLoopReader.NotEvaluated + " (whether the loop reaches the implicit join entity types of many-to-many relationships)", chain.Location);
                    return;
                case true:
                    matched.AddRange(joins);
                    break;
            }
        }
        foreach (var node in matched)
        {
            if (node.Mapping is not { Table: not null, IsView: false } || node.IsTpc
                || node.Root.SelfAndDescendants().Any(n => matched.Contains(n) != matched.Contains(node)))
            {
                builder.UnknownTableNames(ModelLoopReader.NotEvaluated + " (the loop renames " + CodeSpan.Of(node.FullName) + ", which has no table of its own or shares it with types the loop skips)", chain.Location);
                return;
            }
        }
        // The class name (DisplayName(), ClrType.Name) of a generic type or of an implicit join entity type (a
        // Dictionary<string, object>: "Dictionary`2", "PostTag (Dictionary<string, object>)") is not stated.
        var tables = new Dictionary<EntityNode, string>();
        foreach (var node in matched)
        {
            var table = NameTokens.Evaluate(name, leaf => leaf switch
            {
                NameTokens.Table => node.Mapping!.Table,
                NameTokens.ClassName when !builder.IsImplicitJoin(node) && node.Spec.FullName.IndexOfAny(new[] { '`', '[', '<' }) < 0 => node.Spec.Name,
                _ => null,
            });
            if (string.IsNullOrEmpty(table))
            {
                builder.UnknownTableNames(ModelLoopReader.NotEvaluated + " (the name this loop gives " + CodeSpan.Of(node.FullName) + "'s table)", chain.Location);
                return;
            }
            tables[node] = table!;
        }
        // Types of different hierarchies given one table (two classes of one name) would share it: not modelled.
        var clash = builder.Nodes.Where(n => n.Mapping?.Table is not null && !n.Mapping.IsView)
            .GroupBy(n => (n.Mapping!.Schema, Table: tables.TryGetValue(n, out var renamed) ? renamed : n.Mapping!.Table))
            .FirstOrDefault(g => g.Select(n => n.Root).Distinct().Count() > 1 && g.Any(tables.ContainsKey));
        if (clash is not null)
        {
            builder.UnknownTableNames(ModelLoopReader.NotEvaluated + " (the loop gives several entity types the table `" + clash.Key.Table + "`)", chain.Location);
            return;
        }
        // A TPH hierarchy given one table per type becomes TPT, whose base-linking keys a loop over foreign keys would
        // reach (not modelled, as for TPT tables configured directly).
        if (_foreignKeyLoops.Count > 0 && matched.Any(n => n.Base is not null && tables.TryGetValue(n.Base, out var baseTable) && baseTable != tables[n]))
        {
            builder.Unknown(ModelLoopReader.NotEvaluated + " (a loop over foreign keys in a model whose rename loop makes TPT tables)", chain.Location);
        }
        foreach (var node in matched)
        {
            node.Mapping = node.Mapping! with { Table = tables[node], Evidence = Report.TableEvidenceKind.FluentApi, EvidenceLocation = chain.Location, EvidenceNote = null };
        }
    }

    /// <summary>True when <paramref name="location"/> is in the same file as <paramref name="loop"/> and on a later line.</summary>
    private static bool After(SourceLocation? location, SourceLocation? loop) =>
        location is not null && loop is not null && location.Path == loop.Path && location.Line > loop.Line;

    private static (string Name, bool Negated) Parse(FluentStepSpec filter) =>
        filter.Method.StartsWith("?!", StringComparison.Ordinal) ? (filter.Method.Substring(2), true) : (filter.Method.Substring(1), false);

    /// <summary>Whether an entity type (<paramref name="spec"/> null for an implicit join entity, a
    /// <c>Dictionary&lt;string, object&gt;</c>) meets every condition; null when one cannot be evaluated.</summary>
    private static bool? Matches(IEnumerable<FluentStepSpec> filters, EntityTypeSpec? spec, bool owned, bool root, bool join)
    {
        foreach (var filter in filters)
        {
            var (name, negated) = Parse(filter);
            var argument = filter.Argument(0)?.Substring(1);
            bool? value = name switch
            {
                "Implements" when join => argument!.StartsWith("System.", StringComparison.Ordinal) ? null : false,
                "Implements" => spec!.FullName == argument || spec.BaseTypes.Contains(argument!) || spec.Interfaces.Contains(argument!),
                "Owned" => owned,
                "Root" => root,
                _ => null,
            };
            if (value is null) return null;
            if (value == negated) return false;
        }
        return true;
    }
}
