using System;
using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Helpers;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Schema;

/// <summary>What the schema builder computed for one context.</summary>
/// <param name="Unknown">Reasons the detail (columns, keys, indexes, relationships) cannot be stated; empty when complete.</param>
internal sealed record SchemaResult(
    List<EntityReport> Entities,
    EquatableArray<TableReport> Tables,
    EquatableArray<TableReport> Views,
    EquatableArray<RelationshipReport> Relationships,
    List<UnresolvedConfigurationSpec> Unknown)
{
    /// <summary>HasData seeding found in the model configuration (reported whether or not the schema is complete).</summary>
    public List<SeedReport> Seeds { get; init; } = new();

    /// <summary>Global query filters found in the model configuration.</summary>
    public List<QueryFilterReport> QueryFilters { get; init; } = new();

    /// <summary>Reasons the table names themselves cannot be stated (a rename loop DataDocGen could not apply); also in
    /// <see cref="Unknown"/>.</summary>
    public List<UnresolvedConfigurationSpec> TableNamesUnknown { get; init; } = new();

    /// <summary>The tables of entity types EF Core adds itself: implicit many-to-many join entities and owned collections
    /// (and owned references with a table of their own). Named even when the rest of the schema is withheld.</summary>
    public List<EntityReport> AddedTables { get; init; } = new();

    /// <summary>Navigations of the model's entity types to owned types (<c>OwnsOne</c>/<c>OwnsMany</c>, nested ones by
    /// path, and navigations to an <c>[Owned]</c> type): stated by the configuration even when the rest of the schema is withheld.</summary>
    public List<OwnedNavigationReport> OwnedNavigations { get; init; } = new();
}

/// <summary>
/// Builds a context's model as EF Core's conventions, attributes and fluent calls would, step by step:
/// 1. the entity types (DbSets, configured types, navigation targets), 2. inheritance, 3. properties and navigations,
/// 4. fluent configuration, 5. tables, 6. keys, 7. relationships and foreign keys, 8. tables' columns, keys and indexes.
/// Anything outside what it models is recorded as unknown, and the caller then withholds the detail.
/// </summary>
internal sealed partial class SchemaBuilder
{
    /// <summary>Attributes that do not change what DATA_LAYER.json describes (validation, display, store-type facets).</summary>
    private static readonly HashSet<string> NeutralAttributes = new()
    {
        "Range", "RegularExpression", "EmailAddress", "Phone", "Url", "CreditCard", "Compare", "MinLength", "DataType", "Display",
        "DisplayFormat", "DisplayColumn", "Editable", "ScaffoldColumn", "UIHint", "AllowedValues", "DeniedValues", "Length", "Base64String",
        "Precision", "Unicode", "DatabaseGenerated", "ConcurrencyCheck", "Timestamp", "Comment", "BackingField", "EntityTypeConfiguration",
        "Key", "Required", "MaxLength", "StringLength", "Column", "NotMapped", "ForeignKey", "InverseProperty", "Index", "PrimaryKey", "Keyless",
        "DeleteBehavior", "Table",
    };

    private readonly Dictionary<string, EntityTypeSpec> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EntityNode> _entities = new(StringComparer.Ordinal);
    private readonly List<EntityNode> _order = new();
    private readonly List<RelationshipNode> _relationships = new();
    private readonly List<ManyToManyNode> _manyToMany = new();
    private readonly List<SeedReport> _seeds = new();
    private readonly List<QueryFilterReport> _filters = new();

    public void AddQueryFilter(string? entity, FluentStepSpec step)
    {
        var argument = step.Arguments.LastOrDefault(a => a.StartsWith("λ", StringComparison.Ordinal));
        _filters.Add(new QueryFilterReport(entity, argument is { Length: > 2 } ? argument.Substring(2) : null, step.Location));
    }

    /// <summary>Records a <c>HasData</c> call: the row count when every argument is an object or an array written out.</summary>
    public void AddSeed(EntityNode entity, FluentStepSpec step)
    {
        int? rows = 0;
        foreach (var argument in step.Arguments)
        {
            if (argument == "new") rows++;
            else if (argument.Length > 2 && argument[0] == '[' && int.TryParse(argument.Substring(1, argument.Length - 2), out var items)) rows += items;
            else rows = null;
            if (rows is null) break;
        }
        _seeds.Add(new SeedReport(entity.FullName, rows, step.Location));
    }
    private readonly List<UnresolvedConfigurationSpec> _unknown = new();
    private readonly string? _provider;
    /// <summary>The context's EF Core major version (0 when unknown): EF Core 8 and 9 refuse optional complex properties.</summary>
    private int _efCoreMajorVersion;

    /// <summary>The context's EF Core major version, 0 when unknown.</summary>
    public int EfCoreMajorVersion => _efCoreMajorVersion;
    private ConventionDefaults _conventions = new();

    public ConventionDefaults Conventions => _conventions;

    /// <summary>The naming-convention plug-in's rewriter, when the context uses one.</summary>
    public NameRewriter? Naming { get; private init; }

    public string Name(string name) => Naming?.Rewrite(name) ?? name;

    /// <summary>A naming plug-in renames tables named by convention only; tables named by <c>[Table]</c> or
    /// <c>ToTable</c> keep their names (and TPH types follow their root's table).</summary>
    private List<EntityReport> RenameConventionTables(List<EntityReport> reports)
    {
        if (Naming is null) return reports;
        var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
        var result = reports.Select(r =>
        {
            if (r.Table is null || r.Evidence is not (TableEvidenceKind.DbSetConvention or TableEvidenceKind.ClassNameConvention)) return r;
            renamed[r.Table] = Name(r.Table);
            return r with { Table = renamed[r.Table] };
        }).ToList();
        return result.Select(r => r.Evidence == TableEvidenceKind.HierarchyRoot && r.Table is not null && renamed.TryGetValue(r.Table, out var name) ? r with { Table = name } : r).ToList();
    }

    private SchemaBuilder(string? provider)
    {
        _provider = provider;
        Loops = new LoopInterpreter(this);
    }

    /// <summary>Loops over the model's metadata (Schema/LoopInterpreter).</summary>
    public LoopInterpreter Loops { get; }

    // What loops over the model's metadata reach.
    public IReadOnlyList<EntityNode> Nodes => _order;
    public IReadOnlyList<RelationshipNode> Relationships => _relationships;
    private readonly HashSet<EntityNode> _ownedCollectionNodes = new();
    public bool IsOwnedCollection(EntityNode node) => _ownedCollectionNodes.Contains(node);
    /// <summary>A join entity type whose CLR type is a property bag: EF's implicit one, or the scaffolder's (<c>UsingEntity&lt;Dictionary&lt;string, object&gt;&gt;("Name", ...)</c>).</summary>
    public bool IsImplicitJoin(EntityNode node) => _manyToMany.Any(m => m.Join == node && (m.JoinClass is null || _propertyBagJoins.Contains(m.JoinClass)));
    public bool HasImplicitJoinEntities => _manyToMany.Any(m => m.JoinClass is null || _propertyBagJoins.Contains(m.JoinClass));

    /// <summary>Owned entity types stored in their owner's table or in their own (owned collections).</summary>
    public IEnumerable<EntityTypeSpec> OwnedTypes =>
        _ownerships.Select(o => _types.TryGetValue(o.Owned, out var spec) ? spec : null).Where(s => s is not null).Select(s => s!)
            .Concat(_ownedCollections.Select(o => o.Owned)).Distinct();

    /// <summary>Owned collections are separate entity types even when their CLR type is shared: EF then names them
    /// (and their tables) after the ownership path, which is not modelled.</summary>
    private bool IsSharedOwnedType(string fullName) =>
        _ownedCollections.Count(o => o.Owned.FullName == fullName) + _ownerships.Count(o => o.Owned == fullName) > 1;

    /// <summary>Ownerships of owned references stored in the owner's table (no foreign key constraint).</summary>
    public IEnumerable<(string Principal, EntityTypeSpec Owned, string Navigation)> TableSplitOwnerships =>
        _ownerships.Where(o => _types.ContainsKey(o.Owned)).Select(o => (o.Principal, _types[o.Owned], o.Navigation));

    private readonly Dictionary<(string Principal, string Navigation), string> _ownershipDeleteBehaviors = new();
    public string OwnershipDeleteBehavior((string Principal, EntityTypeSpec Owned, string Navigation) ownership) =>
        _ownershipDeleteBehaviors.TryGetValue((ownership.Principal, ownership.Navigation), out var behavior) ? behavior : "Cascade";
    public void SetOwnershipDeleteBehavior((string Principal, EntityTypeSpec Owned, string Navigation) ownership, string behavior) =>
        _ownershipDeleteBehaviors[(ownership.Principal, ownership.Navigation)] = behavior;

    private readonly List<UnresolvedConfigurationSpec> _unknownTableNames = new();

    /// <summary>Something that may change table names and is not applied: the names are withheld too, not only the detail.</summary>
    public void UnknownTableNames(string what, SourceLocation? location)
    {
        Unknown(what, location);
        if (!_unknownTableNames.Any(u => u.What == what && Equals(u.Location, location))) _unknownTableNames.Add(new UnresolvedConfigurationSpec(what, location));
    }

    public void Unknown(string what, SourceLocation? location)
    {
        if (!_unknown.Any(u => u.What == what && Equals(u.Location, location))) _unknown.Add(new UnresolvedConfigurationSpec(what, location));
    }

    public EntityNode? Entity(string fullName) => _entities.TryGetValue(fullName, out var node) ? node : null;

    public static SchemaResult Build(DbContextSpec context, IReadOnlyList<EntityConfigurationSpec> applied, IReadOnlyList<TableMappingSpec> fluentMappings,
        string? defaultSchema, string? provider, NameRewriter? naming = null, IdentityConfiguration? identity = null)
    {
        var builder = new SchemaBuilder(provider) { Naming = naming, _efCoreMajorVersion = context.EfCoreMajorVersion };
        foreach (var type in context.ReachableTypes.Concat(applied.SelectMany(a => a.ReachableTypes)))
        {
            if (!builder._types.ContainsKey(type.FullName)) builder._types.Add(type.FullName, type);
        }
        var chains = IdentityModel.Splice(identity, applied.SelectMany(a => a.Model.Chains), context.Model.Chains.ToList());
        return builder.Run(context, applied, chains, fluentMappings, defaultSchema);
    }

    private SchemaResult Run(DbContextSpec context, IReadOnlyList<EntityConfigurationSpec> applied, List<FluentChainSpec> chains,
        IReadOnlyList<TableMappingSpec> fluentMappings, string? defaultSchema)
    {
        // 1. Entity types: DbSets, types named by configuration, then navigation targets, minus ignored ones.
        var ignoredTypes = new HashSet<string>(chains.Where(c => c.Root == FluentRoot.Model).SelectMany(c => c.Steps)
            .Where(s => s.Method == "Ignore" && s.TypeArguments.Count == 1).Select(s => s.TypeArguments[0]), StringComparer.Ordinal);
        var ignoredMembers = IgnoredMembers(chains);
        ReadOwnedNavigations(chains);
        ReadConvertedMembers(chains);
        ResolveConfiguredSetters(chains);
        foreach (var chain in chains.Where(c => c.Root == FluentRoot.Entity && c.Entity is not null
                                                && c.Steps.FirstOrDefault()?.Method is not (FluentChainParser.JoinRight or FluentChainParser.JoinLeft or FluentChainParser.JoinConfiguration)))
        {
            _configuredOutsideUsingEntity.Add(chain.Entity!);
        }
        AddPropertyBagJoinTypes(chains);
        foreach (var set in context.DbSets) AddEntity(set.EntityFullName, set.PropertyName, set.Location, ignoredTypes);
        foreach (var configuration in applied) AddEntity(configuration.EntityFullName, null, null, ignoredTypes);
        for (var i = 0; i < chains.Count; i++)
        {
            if (chains[i] is not { Root: FluentRoot.Entity, Entity: { } chainEntity }) continue;
            // UsingEntity<TJoin>(...) makes the join class an entity type where the call runs.
            foreach (var joinClass in chains[i].Steps.Where(s => s.Method == "UsingEntity" && s.TypeArguments.Count == 1).Select(s => PropertyBagJoinName(s) ?? s.TypeArguments[0]).Prepend(chainEntity))
            {
                if (_entities.ContainsKey(joinClass) || IsPropertyBag(joinClass)) continue; // a property bag is no entity type by its CLR type
                AddEntity(joinClass, null, null, ignoredTypes);
                if (Entity(joinClass) is { } introduced) introduced.IntroducedAt = i;
            }
        }
        for (var i = 0; i < _order.Count; i++)
        {
            var node = _order[i];
            foreach (var member in node.Spec.Members)
            {
                if (member.Kind is not (MemberKind.Reference or MemberKind.Collection) || !IsMapped(node, member, ignoredMembers)) continue;
                if (member.Kind == MemberKind.Reference && !member.HasSetter) continue; // not a navigation by convention
                if (IsConvertedMember(node, member)) continue; // a strongly typed id of a class type: a property, not a navigation
                if (!_types.TryGetValue(member.ClrType, out var target)) continue;
                if (HasTypeAttribute(target, "NotMapped") || ignoredTypes.Contains(target.FullName)) continue;
                if (IsOwned(node, member, target)) continue; // stored with its owner, not an entity type of its own
                if (!_entities.ContainsKey(target.FullName)) _reachedThrough[target.FullName] = (node.Spec.Name + "." + member.Name, member.Location);
                AddEntity(target.FullName, null, null, ignoredTypes);
                if (Entity(target.FullName) is { IntroducedAt: not null } reached && node.IntroducedAt is null) reached.IntroducedAt = null; // reachable by convention
            }
        }
        foreach (var (ownedType, location) in ConfiguredOwnedTypes().Where(t => _entities.ContainsKey(t.Type)))
        {
            _reachedThrough.Remove(ownedType); // said below; no keyless-type reason for it
            // A type owned through a navigation and also an entity type of its own (a DbSet, a navigation not configured as
            // owned): EF Core refuses the second navigation ("Unable to determine the relationship"), and with a DbSet maps
            // the owned type to the DbSet's table keyed by the owner's key (probe: Dests (Ship2Id)). DataDocGen stated an
            // entity table keyed by Id and the owner's Destination_* columns before.
            Unknown("`" + ownedType + "` is both an owned type and an entity type of its own", location);
        }

        // 2. Inheritance: an entity's base is the nearest CLR base class that is also an entity type.
        foreach (var node in _order)
        {
            node.Base = node.Spec.BaseTypes.Select(Entity).FirstOrDefault(b => b is not null);
            node.Base?.Derived.Add(node);
        }

        // 3. Properties and navigations: what attributes say, then ConfigureConventions (which EF applies over them).
        _conventions = ConventionDefaults.Read(chains, this);
        foreach (var node in _order) ReadMembers(node, ignoredMembers);

        // 4. Fluent configuration, in the order EF runs it (configuration classes, then OnModelCreating).
        var interpreter = _interpreter = new ChainInterpreter(this);
        foreach (var chain in chains) interpreter.Apply(chain);

        // 5. Tables.
        foreach (var tpc in fluentMappings.Where(m => m.Kind == TableMappingKind.TpcStrategy))
        {
            foreach (var node in _order.Where(n => n.Root.FullName == tpc.EntityFullName)) node.IsTpc = true;
        }
        var mapped = _order.Select(n => new MappedEntity(n.Spec, n.DbSetName, n.DbSetLocation)).ToList();
        var entityReports = RenameConventionTables(TableMapper.Map(mapped, fluentMappings, defaultSchema));
        if (Naming is not null && entityReports.FirstOrDefault(r => r.Evidence == TableEvidenceKind.FluentApi) is { } renamed)
        {
            // The plug-in names constraints from the table names known when each relationship is created, which depends
            // on configuration order for tables renamed in OnModelCreating (seen in the marketplace naming tests).
            Unknown("a naming-convention plug-in together with tables renamed by `ToTable`: constraint names depend on configuration order", renamed.EvidenceLocation);
        }
        foreach (var report in entityReports) _entities[report.FullName].Mapping = report;
        CheckDiscriminators();

        // 6. Keys, 7. relationships.
        foreach (var node in _order.Where(n => n.Base is null))
        {
            DiscoverKey(node);
            if (!IsJoinClass(node)) CheckKeyProperties(node); // a join class's key may name the shadow foreign keys EF adds
        }
        DiscoverRelationships();
        LinkJoinClasses();
        foreach (var relationship in _relationships.Where(r => r.PrincipalEndByConvention && r.ForeignKeyNames is null && r.PrincipalKeyNames is null).ToList())
        {
            OrientConfiguredOneToOne(relationship);
        }
        foreach (var relationship in _relationships) ResolveForeignKey(relationship);
        foreach (var node in _order.Where(n => n.Base is null && IsJoinClass(n))) CheckKeyProperties(node);
        AddJoinTables(defaultSchema);
        AddOwnedCollections(defaultSchema);
        Loops.ApplyDeferred(chains.FindLastIndex(c => c.Root == FluentRoot.Model && c.Steps.Any(s => s.Method is "ApplyConfiguration" or "ApplyConfigurationsFromAssembly")), fluentMappings);
        entityReports = entityReports.Where(r => !_keylessReached.Contains(r.FullName))
            .Select(r => _entities.TryGetValue(r.FullName, out var node) && node.Mapping is { } renamed ? renamed : r).ToList();

        // 8. Tables with their columns, keys, foreign keys and indexes.
        MarkKeysAndIndexes();
        if (Naming is not null)
        {
            // Names given by [Column] or HasColumnName stay as written (EF judge: shipping model under both plug-in rules).
            foreach (var property in _order.SelectMany(n => n.Properties)) property.ColumnName ??= Name(property.Name);
        }
        var (tables, views) = _unknown.Count == 0 ? new TableAssembler(this, _order, _relationships, _provider).Assemble() : (new List<TableReport>(), new List<TableReport>());
        var addedTables = _manyToMany.Where(m => m.JoinClass is null && m.Join?.Mapping is not null).Select(m => m.Join!.Mapping!)
            .Concat(_ownedCollections.Where(c => c.Node?.Mapping is not null).Select(c => c.Node!.Mapping!)).ToList();
        if (_unknown.Count > 0)
        {
            // The table names stand while the detail is withheld, but only if every table EF adds itself is named: a join or
            // owned collection given up on is a table missing from the list (the Kavita audit: 8 join tables missing while
            // the JSON said the names were known).
            var missing = _manyToMany.Any(m => m.JoinClass is null && m.Join is null) || _ownedCollections.Any(c => c.Node is null);
            // What made them be given up on is among the reasons: each is said where the names are withheld.
            if (missing) foreach (var reason in _unknown.ToList()) UnknownTableNames(reason.What, reason.Location);
            foreach (var manyToMany in _manyToMany.Where(m => m.JoinClass is null && m.Join is null))
            {
                UnknownTableNames("the join table of the many-to-many relationship `" + manyToMany.Left.Spec.Name + "." + manyToMany.First.Name + "` is not named", manyToMany.Location);
            }
            foreach (var collection in _ownedCollections.Where(c => c.Node is null))
            {
                UnknownTableNames("the table of the " + collection.Kind + " `" + collection.Origin + "` is not named", collection.Navigation.Location);
            }
            return new SchemaResult(entityReports, EquatableArray<TableReport>.Empty, EquatableArray<TableReport>.Empty, EquatableArray<RelationshipReport>.Empty, _unknown) { Seeds = _seeds, QueryFilters = _filters, TableNamesUnknown = _unknownTableNames, AddedTables = addedTables, OwnedNavigations = OwnedNavigationReports(ignoredMembers) };
        }
        return new SchemaResult(entityReports, tables.ToEquatableArray(), views.ToEquatableArray(), RelationshipReports(), _unknown) { Seeds = _seeds, QueryFilters = _filters, TableNamesUnknown = _unknownTableNames, AddedTables = addedTables, OwnedNavigations = OwnedNavigationReports(ignoredMembers) };
    }

    private void CheckKeyProperties(EntityNode node)
    {
        foreach (var missing in (node.KeyProperties ?? new List<string>()).Concat(node.AlternateKeys.SelectMany(k => k.Properties)).Where(k => node.FindProperty(k) is null))
        {
            Unknown("the key of " + CodeSpan.Of(node.FullName) + " names `" + missing + "`, which is not a property DataDocGen maps", node.KeyLocation ?? node.Spec.Location);
        }
    }

    /// <summary>EF Core's property-bag type, <c>Dictionary&lt;string, object&gt;</c>: entity types of that CLR type are
    /// shared-type ones, named in code (<c>UsingEntity&lt;Dictionary&lt;string, object&gt;&gt;("Name")</c>).</summary>
    public static bool IsPropertyBag(string clrType) => clrType == "System.Collections.Generic.Dictionary`2[System.String,System.Object]";

    /// <summary>Shared-type join entity types of <c>UsingEntity&lt;Dictionary&lt;string, object&gt;&gt;("PostTag", lambdas)</c>.</summary>
    private readonly HashSet<string> _propertyBagJoins = new(StringComparer.Ordinal);

    /// <summary>The shared-type entity name of a <c>UsingEntity&lt;Dictionary&lt;string, object&gt;&gt;("Name", lambdas...)</c> step.</summary>
    private static string? PropertyBagJoinName(FluentStepSpec step) =>
        step is { Method: "UsingEntity", TypeArguments.Count: 1, Arguments.Count: >= 2 } && IsPropertyBag(step.TypeArguments[0])
        && step.Arguments[0].StartsWith("\"", StringComparison.Ordinal) && step.Arguments.Skip(1).All(a => a.StartsWith("λ", StringComparison.Ordinal))
            ? step.Arguments[0].Substring(1) : null;

    /// <summary>The scaffolder's join tables: each <c>UsingEntity&lt;Dictionary&lt;string, object&gt;&gt;("PostTag", r => ..., l => ..., j => ...)</c>
    /// makes a shared-type entity type "PostTag" with no CLR members (its properties come from the lambdas' foreign keys,
    /// <c>IndexerProperty</c> and keys), which the lambdas' chains configure as they configure a join class.</summary>
    private void AddPropertyBagJoinTypes(List<FluentChainSpec> chains)
    {
        foreach (var step in chains.Where(c => c.Root == FluentRoot.Entity).SelectMany(c => c.Steps))
        {
            if (PropertyBagJoinName(step) is not { } name || _propertyBagJoins.Contains(name)) continue;
            if (_types.ContainsKey(name))
            {
                Unknown("the shared-type join entity `" + name + "` has the name of a class", step.Location);
                continue;
            }
            _propertyBagJoins.Add(name);
            _types.Add(name, new EntityTypeSpec(name, name, false, EquatableArray<string>.Empty, null, EquatableArray<AttributeSpec>.Empty, EquatableArray<EntityMemberSpec>.Empty, null));
        }
    }

    private void AddEntity(string fullName, string? dbSetName, SourceLocation? dbSetLocation, HashSet<string> ignoredTypes)
    {
        if (_entities.ContainsKey(fullName) || ignoredTypes.Contains(fullName)) return;
        if (!_types.TryGetValue(fullName, out var spec))
        {
            Unknown("entity type `" + fullName + "` could not be read", dbSetLocation);
            return;
        }
        foreach (var attribute in spec.Attributes)
        {
            if (attribute.Name is "ComplexType") Unknown("`[ComplexType]` `" + fullName + "` used as an entity type", attribute.Location);
        }
        var node = new EntityNode(spec, dbSetName, dbSetLocation);
        _entities.Add(fullName, node);
        _order.Add(node);
    }

    /// <summary>A navigation to ASP.NET Core Identity's entity classes (<c>ICollection&lt;IdentityUserRole&lt;string&gt;&gt; UserRoles { get; }</c>):
    /// EF Core maps even a get-only collection, next to Identity's navigation-less relationships; not modelled, so withheld.</summary>
    private static bool IsIdentityNavigation(EntityMemberSpec member) =>
        member.ClrType.StartsWith("Microsoft.AspNetCore.Identity.", StringComparison.Ordinal) || member.ClrType.Contains("[Microsoft.AspNetCore.Identity.");

    private readonly HashSet<(string Entity, string Member)> _convertedMembers = new();
    private readonly HashSet<string> _convertedTypes = new(StringComparer.Ordinal);

    /// <summary>Members EF Core maps only through a value converter, strongly typed ids above all
    /// (<c>readonly record struct OrderId(int Value)</c>): configured by <c>Property(x => x.Id).HasConversion(...)</c> on
    /// the entity's builder (OnModelCreating or a configuration class) or by <c>ConfigureConventions</c>'
    /// <c>Properties&lt;OrderId&gt;().HaveConversion(...)</c>. EF Core then maps them as properties (keys and foreign keys
    /// by the usual names: EF judge, typed-ids model); without a converter they stay withheld.</summary>
    private void ReadConvertedMembers(List<FluentChainSpec> chains)
    {
        foreach (var chain in chains)
        {
            if (ConventionDefaults.IsConventionChain(chain))
            {
                if (chain.Steps.FirstOrDefault() is { Method: "Properties", TypeArguments.Count: 1 } first && chain.Steps.Any(s => s.Method == "HaveConversion"))
                {
                    _convertedTypes.Add(first.TypeArguments[0]);
                }
                continue;
            }
            if (chain is not { Root: FluentRoot.Entity, Entity: { } entity } || chain.Steps.Count < 2) continue;
            var property = chain.Steps[0];
            if (property.Method != "Property" || property.Arguments.Count != 1 || !property.Arguments[0].StartsWith("=", StringComparison.Ordinal)) continue;
            if (chain.Steps.Skip(1).Any(s => s.Method == "HasConversion")) _convertedMembers.Add((entity, property.Arguments[0].Substring(1)));
        }
        // Members the configuration names as properties (Property(x => x.Embedding), HasKey(x => x.Id), HasIndex(...)):
        // EF Core maps them as properties whatever their type (a provider plug-in's Pgvector.Vector, a typed id mapped by a
        // replaced IValueConverterSelector), never as navigations.
        foreach (var chain in chains)
        {
            if (chain is not { Root: FluentRoot.Entity, Entity: { } entity } || chain.Steps.Count == 0) continue;
            var first = chain.Steps[0];
            if (first.Method is not ("Property" or "HasKey" or "HasAlternateKey" or "HasIndex") || first.Arguments.Count != 1) continue;
            if (!first.Arguments[0].StartsWith("=", StringComparison.Ordinal)) continue;
            foreach (var name in first.Arguments[0].Substring(1).Split(',')) _configuredProperties.Add((entity, name));
        }
    }

    private readonly HashSet<(string Entity, string Member)> _configuredProperties = new();

    /// <summary>A member compiled in another assembly whose setter cannot be read (<see cref="EntityMemberSpec.SetterUnknown"/>)
    /// but that the configuration names on its entity's builder (<c>Property</c>, <c>HasKey</c>, <c>HasIndex</c>, <c>HasOne</c>,
    /// <c>HasMany</c>, <c>OwnsOne</c>, <c>OwnsMany</c>, <c>Navigation</c>): EF Core maps it whatever its setter (through its
    /// backing field), so it is read as settable.</summary>
    private void ResolveConfiguredSetters(List<FluentChainSpec> chains)
    {
        var named = new HashSet<(string Entity, string Member)>(_configuredProperties);
        var navigations = new List<(string Entity, string Member)>();
        foreach (var chain in chains)
        {
            if (chain is not { Root: FluentRoot.Entity, Entity: { } entity } || chain.Steps.Count == 0) continue;
            var first = chain.Steps[0];
            if (first.Method is "HasOne" or "HasMany" or "OwnsOne" or "OwnsMany" or "Navigation" && first.Argument(0) is { } argument && argument.StartsWith("=", StringComparison.Ordinal))
            {
                named.Add((entity, argument.Substring(1)));
                if (first.Method is "HasOne" or "Navigation") navigations.Add((entity, argument.Substring(1)));
            }
        }
        // A get-only reference navigation the builder names (`HasOne(o => o.Buyer)` on `public Buyer Buyer { get; }`, as
        // eShop's Order does) is mapped too: EF Core sets it through its backing field.
        bool Settable(EntityMemberSpec m, List<string> owners) =>
            (m.SetterUnknown || (!m.HasSetter && m.Kind == MemberKind.Reference && navigations.Any(n => owners.Contains(n.Entity) && n.Member == m.Name)))
            && owners.Any(o => named.Contains((o, m.Name)));
        foreach (var type in _types.Values.Where(t => t.Members.Any(m => m.SetterUnknown || (!m.HasSetter && m.Kind == MemberKind.Reference))).ToList())
        {
            var owners = new[] { type.FullName }.Concat(type.BaseTypes).ToList();
            if (!type.Members.Any(m => Settable(m, owners))) continue;
            _types[type.FullName] = type with
            {
                Members = type.Members.Select(m => Settable(m, owners) ? m with { HasSetter = true, SetterUnknown = false } : m).ToEquatableArray(),
            };
        }
    }

    /// <summary>Where the entity is seen in this project (its DbSet, else its own declaration when in source), for reasons
    /// about members compiled elsewhere, which have no location of their own.</summary>
    private static SourceLocation? ConfigurationLocation(EntityNode node) => node.DbSetLocation ?? node.Spec.Location;

    /// <summary>Types reached only through a navigation that have no key (see <see cref="DiscoverKey"/>): not reported as entities.</summary>
    private readonly HashSet<string> _keylessReached = new(StringComparer.Ordinal);

    /// <summary>Types added only because a navigation reaches them, with the member that does (for the reason when they have no key).</summary>
    private readonly Dictionary<string, (string Member, SourceLocation? Location)> _reachedThrough = new(StringComparer.Ordinal);

    /// <summary>A member of a type EF Core cannot map by itself (a struct or class, not a collection or generic type)
    /// that a converter maps.</summary>
    private bool IsConvertedMember(EntityNode node, EntityMemberSpec member) =>
        member.Kind is MemberKind.Unsupported or MemberKind.Reference && member.ClrType.IndexOfAny(new[] { '`', '[', '<' }) < 0
        && (_convertedMembers.Contains((node.FullName, member.Name)) || _convertedTypes.Contains(member.ClrType)
            || new[] { node.FullName }.Concat(node.Spec.BaseTypes).Any(type => _configuredProperties.Contains((type, member.Name))));

    private static Dictionary<string, HashSet<string>> IgnoredMembers(List<FluentChainSpec> chains)
    {
        var ignored = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var chain in chains.Where(c => c.Root == FluentRoot.Entity && c.Entity is not null))
        {
            foreach (var step in chain.Steps.Where(s => s.Method == "Ignore"))
            {
                var name = step.Argument(0) is { } argument && (argument.StartsWith("=", StringComparison.Ordinal) || argument.StartsWith("\"", StringComparison.Ordinal)) ? argument.Substring(1) : null;
                if (name is null) continue;
                if (!ignored.TryGetValue(chain.Entity!, out var set)) ignored[chain.Entity!] = set = new HashSet<string>(StringComparer.Ordinal);
                set.Add(name);
            }
        }
        return ignored;
    }

    private bool IsMapped(EntityNode node, EntityMemberSpec member, Dictionary<string, HashSet<string>> ignoredMembers)
    {
        if (member.Attribute("NotMapped") is not null) return false;
        foreach (var type in new[] { node.FullName }.Concat(node.Spec.BaseTypes))
        {
            if (ignoredMembers.TryGetValue(type, out var set) && set.Contains(member.Name)) return false;
        }
        return true;
    }

    private static bool HasTypeAttribute(EntityTypeSpec spec, string name) => spec.Attributes.Any(a => a.Name == name);

    private void ReadMembers(EntityNode node, Dictionary<string, HashSet<string>> ignoredMembers)
    {
        foreach (var attribute in node.Spec.Attributes.Where(a => !NeutralAttributes.Contains(a.Name) && a.Name is not ("Owned" or "ComplexType")))
        {
            Unknown("`[" + attribute.Name + "]` on " + CodeSpan.Of(node.FullName) + " is not evaluated", attribute.Location);
        }
        if (HasTypeAttribute(node.Spec, "Keyless")) node.Keyless = true;

        // Members declared by an entity base type belong to that type's node (and table, under TPT).
        var inheritedFromEntity = new HashSet<string>(node.Base is null ? Enumerable.Empty<string>() : new[] { node.Base.FullName }.Concat(node.Base.Spec.BaseTypes), StringComparer.Ordinal);
        foreach (var member in node.Spec.Members)
        {
            if (inheritedFromEntity.Contains(member.DeclaringType) || !IsMapped(node, member, ignoredMembers)) continue;
            foreach (var attribute in member.Attributes.Where(a => !NeutralAttributes.Contains(a.Name)))
            {
                Unknown("`[" + attribute.Name + "]` on `" + node.Spec.Name + "." + member.Name + "` is not evaluated", attribute.Location);
            }
            // Members the configuration names were made settable by ResolveConfiguredSetters; what is left cannot be told.
            if (member.SetterUnknown && member.Kind != MemberKind.Collection && !IsConvertedMember(node, member))
            {
                // Compiled in another assembly: a private setter is not in its metadata (the eShopOnWeb audit: every
                // `{ get; private set; }` column of entities in a referenced project was left out, silently).
                var what = "`" + node.Spec.Name + "." + member.Name + "` is compiled in another assembly, whose metadata does not say whether it has a private setter (EF Core maps it) or none (EF Core does not)";
                if (member.Kind == MemberKind.Scalar) Unknown(what, ConfigurationLocation(node));
                else UnknownTableNames(what, ConfigurationLocation(node)); // a navigation may bring an entity type and its table
                continue;
            }
            switch (member.Kind)
            {
                case MemberKind.Scalar when member.HasSetter:
                case MemberKind.Unsupported or MemberKind.Reference when member.HasSetter && IsConvertedMember(node, member):
                    // A strongly typed id (OrderId wrapping an int) is a property once a converter maps it: its clrType stays
                    // the id's type, its store type follows the converter (StoreTypeMapper).
                    node.Properties.Add(ScalarProperty(node, member.Name, member, member.Nullability is Nullability.Nullable or Nullability.Oblivious,
                        node.Spec.Name + "." + member.Name, honourRequired: true));
                    break;
                case MemberKind.Reference or MemberKind.Collection when (member.HasSetter || member.Kind == MemberKind.Collection)
                                                                    && _jsonNavigations.Contains((node.FullName, member.Name)) && _types.ContainsKey(member.ClrType):
                    AddJsonColumn(node, member);
                    break;
                case MemberKind.Reference or MemberKind.Collection when _types.TryGetValue(member.ClrType, out var targetSpec) && IsOwned(node, member, targetSpec):
                    if (member.Kind == MemberKind.Collection && !IsComplex(node, member, targetSpec)) AddOwnedCollection(new OwnedCollection(node, null, new[] { node.Spec }, member, targetSpec, member.Name, node.Spec.Name + "." + member.Name));
                    else if (member.Kind == MemberKind.Collection) Unknown("complex collections are not modelled yet (`" + node.Spec.Name + "." + member.Name + "`)", member.Location);
                    else if (member.HasSetter && !IsComplex(node, member, targetSpec) && IsTabledOwnedReference(node, member.Name))
                    {
                        // OwnsOne(x => x.Nav).ToTable("Name"): a table of its own, keyed by the owner's key (EF judge: dispatch model).
                        AddOwnedCollection(new OwnedCollection(node, null, new[] { node.Spec }, member, targetSpec, member.Name, node.Spec.Name + "." + member.Name) { IsReference = true });
                    }
                    else if (member.HasSetter)
                    {
                        // A required owned dependent (configured, or a non-nullable navigation) keeps its own nullability.
                        var required = _requiredOwned.Contains((node.FullName, member.Name)) || member.Nullability == Nullability.NotAnnotated;
                        AddOwned(node, node.FullName, member, targetSpec, member.Name, required, 0, complex: IsComplex(node, member, targetSpec), typeChain: new[] { node.Spec, targetSpec });
                    }
                    break;
                case MemberKind.Reference or MemberKind.Collection:
                    if (member.Kind == MemberKind.Reference && !member.HasSetter) break;
                    if (Entity(member.ClrType) is { } target) node.Navigations.Add(new NavigationNode(node, member, target));
                    break;
                case MemberKind.Unsupported when member.HasSetter || IsIdentityNavigation(member):
                    Unknown("property `" + node.Spec.Name + "." + member.Name + "` of type " + CodeSpan.Of(member.ClrType) + " is not modelled yet", member.Location);
                    break;
            }
        }
    }

    private readonly HashSet<(string Entity, string Navigation)> _ownedNavigations = new();
    private readonly HashSet<(string Entity, string Navigation)> _requiredOwned = new();
    private readonly HashSet<(string Entity, string Navigation)> _complexNavigations = new();
    private readonly HashSet<(string Entity, string Navigation)> _jsonNavigations = new();
    private readonly List<OwnedCollection> _ownedCollections = new();

    /// <summary>An owned collection (<c>OwnsMany</c>) with its own table. <paramref name="Root"/> is the entity type whose
    /// configuration names it; <paramref name="Parent"/> the owned collection it is nested in, if any; otherwise its
    /// principal is <paramref name="Root"/> itself or an owned reference stored in Root's table, and
    /// <paramref name="TypeChain"/> names the types from Root to that principal (Customer, Address), which name the keys.</summary>
    private sealed record OwnedCollection(EntityNode Root, OwnedCollection? Parent, IReadOnlyList<EntityTypeSpec> TypeChain, EntityMemberSpec Navigation,
        EntityTypeSpec Owned, string Path, string Origin)
    {
        public EntityNode? Node { get; set; }
        public string PrincipalFullName { get; init; } = Root.FullName;

        /// <summary>An owned reference mapped to a table of its own (<c>OwnsOne(...).ToTable("Name")</c>): keyed by its
        /// foreign key to the principal alone, one-to-one.</summary>
        public bool IsReference { get; init; }

        /// <summary>"owned collection" or "owned reference", for reasons.</summary>
        public string Kind => IsReference ? "owned reference" : "owned collection";
    }

    /// <summary>Records an owned collection and, through its members, the owned collections nested in it.</summary>
    private void AddOwnedCollection(OwnedCollection collection)
    {
        _ownedCollections.Add(collection);
        if (collection.Path.Count(c => c == '.') > 8) return;
        var separator = collection.IsReference ? "." : "[].";
        foreach (var member in collection.Owned.Members)
        {
            if (member.Kind == MemberKind.Collection && member.Attribute("NotMapped") is null && _types.TryGetValue(member.ClrType, out var nested)
                && IsOwnedCollectionPath(collection.Root, collection.Path + "." + member.Name, nested))
            {
                AddOwnedCollection(new OwnedCollection(collection.Root, collection, new[] { collection.Owned }, member, nested, collection.Path + "." + member.Name,
                    collection.Origin + separator + member.Name) { PrincipalFullName = collection.Owned.FullName });
            }
            else if (member.Kind == MemberKind.Reference && member.HasSetter && member.Attribute("NotMapped") is null && _types.TryGetValue(member.ClrType, out var reference)
                     && !HasTypeAttribute(reference, "ComplexType") && IsTabledOwnedReference(collection.Root, collection.Path + "." + member.Name)
                     && (HasTypeAttribute(reference, "Owned") || IsOwnedPath(collection.Root, collection.Path.Replace('.', '_') + "_" + member.Name)))
            {
                // An owned reference with a table of its own inside an owned collection or reference (EF judge: dispatch model's
                // LineDiscounts, keyed by the parent's whole key LineOrderId, LineId).
                AddOwnedCollection(new OwnedCollection(collection.Root, collection, new[] { collection.Owned }, member, reference, collection.Path + "." + member.Name,
                    collection.Origin + separator + member.Name) { PrincipalFullName = collection.Owned.FullName, IsReference = true });
            }
        }
    }
    private readonly List<(EntityNode Owner, string Principal, string Owned, string Navigation, SourceLocation? Location, bool IsMany)> _ownerships = new();

    private ChainInterpreter? _interpreter;

    /// <summary>Calls on owned collections' builders, by entity and collection path, in the order EF Core runs them;
    /// <c>Prefix</c> names an owned reference inside the collection whose builder they were made on (Pos, Pos_In).</summary>
    private readonly List<(string Entity, string Path, string? Prefix, List<FluentStepSpec> Steps)> _ownedCollectionSteps = new();

    /// <summary>Records calls on an owned collection's builder, applied when its table is laid out (<see cref="AddOwnedCollections"/>).</summary>
    public void DeferToOwnedCollection(EntityNode entity, string path, string? prefix, List<FluentStepSpec> steps) =>
        _ownedCollectionSteps.Add((entity.FullName, path, prefix, steps));

    /// <summary>Owned navigations configured by <c>OwnsOne(x => x.Nav)</c>, and which ones <c>Navigation(x => x.Nav).IsRequired()</c> makes required.</summary>
    private void ReadOwnedNavigations(List<FluentChainSpec> chains)
    {
        foreach (var chain in chains.Where(c => c.Root == FluentRoot.Entity && c.Entity is not null))
        {
            string? path = null; // the owned reference the chain is inside (Address, Address.Geo), for nested OwnsOne
            var reference = false; // whether the innermost owned navigation on the path is a reference (OwnsOne)
            for (var i = 0; i < chain.Steps.Count; i++)
            {
                var step = chain.Steps[i];
                if (step.Method == FluentChainParser.BackToOwner) path = null; // nested: withheld by ChainInterpreter
                if (step.Method == "ToTable" && path is not null && reference) _tabledOwnedPaths.Add((chain.Entity!, path));
                var navigation = step.Argument(0) is { } argument && (argument.StartsWith("=", StringComparison.Ordinal) || argument.StartsWith("\"", StringComparison.Ordinal)) ? argument.Substring(1) : null;
                if (navigation is null) continue;
                if (step.Method is "OwnsOne" or "OwnsMany" && path is not null)
                {
                    // Inside an owned type (its builder lambda, or chained on OwnsOne/OwnsMany(x => x.Nav)): a nested owned navigation.
                    (step.Method == "OwnsOne" ? _ownedPaths : _ownedCollectionPaths).Add((chain.Entity!, path + "." + navigation));
                    path += "." + navigation;
                    reference = step.Method == "OwnsOne";
                    continue;
                }
                if (step.Method is "OwnsOne" or "OwnsMany")
                {
                    _ownedNavigations.Add((chain.Entity!, navigation));
                    if (i + 1 < chain.Steps.Count && chain.Steps[i + 1].Method == "ToJson" && chain.Steps[i + 1].Arguments.Count == 0) _jsonNavigations.Add((chain.Entity!, navigation));
                    path = navigation;
                    reference = step.Method == "OwnsOne";
                }
                if (step.Method == "ComplexProperty") _complexNavigations.Add((chain.Entity!, navigation));
                if (step.Method == "Navigation" && i + 1 < chain.Steps.Count && chain.Steps[i + 1].Method == "IsRequired" && chain.Steps[i + 1].Argument(0) != "false" && path is null)
                {
                    _requiredOwned.Add((chain.Entity!, navigation));
                }
            }
        }
    }

    /// <summary>The owned navigations of the model's entity types, by owner and path: <c>OwnsOne</c>/<c>OwnsMany</c> calls
    /// on the entity or a base type (nested ones as <c>Address.Geo</c>), and settable navigations to an <c>[Owned]</c>
    /// type, less ignored members. EF Core loads owned types with their owner, so an <c>Include</c> of one loads nothing
    /// more (<c>Report/OwnedIncludes</c>).</summary>
    private List<OwnedNavigationReport> OwnedNavigationReports(Dictionary<string, HashSet<string>> ignoredMembers)
    {
        var result = new List<OwnedNavigationReport>();
        foreach (var node in _order.Where(n => !_ownedCollectionNodes.Contains(n)))
        {
            var types = node.Spec.BaseTypes.Prepend(node.FullName).ToList();
            bool Ignored(string navigation) => types.Any(t => ignoredMembers.TryGetValue(t, out var set) && set.Contains(navigation));
            var paths = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var (entity, path) in _ownedNavigations.Concat(_ownedPaths).Concat(_ownedCollectionPaths))
            {
                if (types.Contains(entity) && !Ignored(path.Split('.')[0]) && !_complexNavigations.Contains((entity, path.Split('.')[0]))) paths.Add(path);
            }
            foreach (var member in node.Spec.Members)
            {
                if (member.Kind is not (MemberKind.Reference or MemberKind.Collection) || (member.Kind == MemberKind.Reference && !member.HasSetter)
                    || !IsMapped(node, member, ignoredMembers) || !_types.TryGetValue(member.ClrType, out var target)) continue;
                if (HasTypeAttribute(target, "Owned") && !IsComplex(node, member, target)) paths.Add(member.Name);
            }
            result.AddRange(paths.Select(p => new OwnedNavigationReport(node.FullName, p)));
        }
        return result;
    }

    /// <summary>The CLR types made owned by <c>OwnsOne</c>/<c>OwnsMany</c> at the top level or at the end of a nested path,
    /// and <c>[Owned]</c> types, with where the entity naming them is.</summary>
    private IEnumerable<(string Type, SourceLocation? Location)> ConfiguredOwnedTypes()
    {
        foreach (var (entity, path) in _ownedNavigations.Concat(_ownedPaths).Concat(_ownedCollectionPaths))
        {
            if (!_types.TryGetValue(entity, out var type)) continue;
            EntityMemberSpec? member = null;
            foreach (var name in path.Split('.'))
            {
                member = type?.Members.FirstOrDefault(m => m.Name == name);
                type = member is not null && _types.TryGetValue(member.ClrType, out var next) ? next : null;
            }
            if (type is not null) yield return (type.FullName, member!.Location);
        }
        foreach (var owned in _types.Values.Where(t => HasTypeAttribute(t, "Owned"))) yield return (owned.FullName, owned.Location);
    }

    /// <summary>Owned references mapped to a table of their own by <c>ToTable</c> on their builder, by entity and path
    /// (<c>ShippingAddress</c>, <c>Lines.Discount</c>, <c>Home.Geo</c>).</summary>
    private readonly HashSet<(string Entity, string Path)> _tabledOwnedPaths = new();

    /// <summary>An owned reference with a table of its own (<c>ToTable</c> on its builder), not inside a JSON document.</summary>
    public bool IsTabledOwnedReference(EntityNode owner, string path) =>
        !IsJsonNavigation(owner, path.Split('.')[0]) && owner.Spec.BaseTypes.Prepend(owner.FullName).Any(t => _tabledOwnedPaths.Contains((t, path)));

    /// <summary>Owned navigations inside owned references, by entity and path (<c>Address.Geo</c>), from nested <c>OwnsOne</c>.</summary>
    private readonly HashSet<(string Entity, string Path)> _ownedPaths = new();

    /// <summary>Owned collections inside owned types, by entity and path (<c>Home.Phones</c>, <c>Lines.Notes</c>), from nested <c>OwnsMany</c>.</summary>
    private readonly HashSet<(string Entity, string Path)> _ownedCollectionPaths = new();

    /// <summary>An owned collection nested in an owned type: configured by a nested <c>OwnsMany</c>, or of an <c>[Owned]</c> type.</summary>
    private bool IsOwnedCollectionPath(EntityNode root, string path, EntityTypeSpec target) =>
        HasTypeAttribute(target, "Owned") || root.Spec.BaseTypes.Prepend(root.FullName).Any(t => _ownedCollectionPaths.Contains((t, path)));

    /// <summary>A nested owned navigation configured by <c>OwnsOne</c> inside an owned reference; <paramref name="prefix"/>
    /// is its column prefix (Address_Geo).</summary>
    private bool IsOwnedPath(EntityNode owner, string prefix) =>
        owner.Spec.BaseTypes.Prepend(owner.FullName).Any(t => _ownedPaths.Contains((t, prefix.Replace('_', '.'))));

    private bool IsOwned(EntityNode owner, EntityMemberSpec member, EntityTypeSpec target) =>
        HasTypeAttribute(target, "Owned") || owner.Spec.BaseTypes.Prepend(owner.FullName).Any(t => _ownedNavigations.Contains((t, member.Name)))
        || IsComplex(owner, member, target);

    /// <summary>A complex type (<c>[ComplexType]</c> or <c>ComplexProperty(x => x.Nav)</c>): stored like an owned type in
    /// the owner's table, but not an entity type and with no relationship.</summary>
    private bool IsComplex(EntityNode owner, EntityMemberSpec member, EntityTypeSpec target) =>
        HasTypeAttribute(target, "ComplexType") || owner.Spec.BaseTypes.Prepend(owner.FullName).Any(t => _complexNavigations.Contains((t, member.Name)));

    /// <summary>An owned reference stored in its owner's table (table splitting): its properties become the owner's
    /// columns named [navigation]_[property], all nullable when the navigation is optional (EF Core's rule).</summary>
    /// <param name="typeChain">The types from the owner to <paramref name="owned"/> (Customer, Address): an owned collection
    /// nested here is keyed after them.</param>
    /// <param name="configuredAt">For an owned reference inside an owned collection: the entity type whose configuration
    /// names the collection and the collection's path (Parcel, Stops), under which nested OwnsOne calls were recorded.</param>
    private void AddOwned(EntityNode owner, string principalName, EntityMemberSpec navigation, EntityTypeSpec owned, string prefix, bool required, int depth, bool complex = false,
        IReadOnlyList<EntityTypeSpec>? typeChain = null, (EntityNode Entity, string Path)? configuredAt = null)
    {
        if (depth > 8) return;
        if (complex && !required && _efCoreMajorVersion is > 0 and < 10)
        {
            // EF Core 8 and 9: "Configuring the complex property '...' as optional is not supported, call 'IsRequired()'"
            // when the model is built (EF judge: payroll model in DataDocGen.Ef8.Tests and Ef9.Tests); EF Core 10 maps it.
            Unknown("optional complex property `" + owner.Spec.Name + "." + prefix + "`: EF Core " + _efCoreMajorVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " refuses optional complex properties (EF Core 10 maps them)", navigation.Location);
            return;
        }
        if (complex) HasComplexTypes = true;
        if (!complex) _ownerships.Add((owner, principalName, owned.FullName, navigation.Name, navigation.Location, false));
        foreach (var attribute in owned.Attributes.Where(a => a.Name is not ("Owned" or "ComplexType") && !NeutralAttributes.Contains(a.Name)))
        {
            Unknown("`[" + attribute.Name + "]` on owned type " + CodeSpan.Of(owned.FullName) + " is not evaluated", attribute.Location);
        }
        foreach (var member in owned.Members)
        {
            if (member.Attribute("NotMapped") is not null) continue;
            if (member.SetterUnknown && member.Kind != MemberKind.Collection)
            {
                // Compiled in another assembly (see ReadMembers).
                var what = "`" + owned.Name + "." + member.Name + "` is compiled in another assembly, whose metadata does not say whether it has a private setter (EF Core maps it) or none (EF Core does not)";
                if (member.Kind == MemberKind.Scalar) Unknown(what, ConfigurationLocation(owner));
                else UnknownTableNames(what, ConfigurationLocation(owner));
                continue;
            }
            switch (member.Kind)
            {
                case MemberKind.Scalar when member.HasSetter:
                    // An optional owned navigation makes every column nullable, [Required] or IsRequired() or not.
                    var column = ScalarProperty(owner, prefix + "_" + member.Name, member,
                        !required || member.Nullability is Nullability.Nullable or Nullability.Oblivious,
                        owner.Spec.Name + "." + prefix.Replace("_", ".") + "." + member.Name, honourRequired: required);
                    column.InOptionalDependent = !required;
                    owner.Properties.Add(column);
                    break;
                case MemberKind.Reference when member.HasSetter && _types.TryGetValue(member.ClrType, out var nested)
                                               && (HasTypeAttribute(nested, complex ? "ComplexType" : "Owned")
                                                   || (!complex && IsOwnedPath(configuredAt?.Entity ?? owner, (configuredAt is { } at ? at.Path + "_" : "") + prefix + "_" + member.Name)))
                                               && !complex && IsTabledOwnedReference(configuredAt?.Entity ?? owner, (configuredAt is { } tabledAt ? tabledAt.Path + "." : "") + prefix.Replace('_', '.') + "." + member.Name):
                    if (typeChain is null)
                    {
                        UnknownTableNames("an owned reference with a table of its own inside an owned reference of an owned collection (`" + owned.Name + "." + member.Name + "`) is not evaluated yet", member.Location);
                        break;
                    }
                    // OwnsOne(a, x => x.OwnsOne(b).ToTable("Name")): a table of its own, keyed by the owned reference's key
                    // ([type][key] at each level: AddressCustomerId), referencing the owner's table (EF judge: dispatch model).
                    AddOwnedCollection(new OwnedCollection(owner, null, typeChain, member, nested, prefix.Replace('_', '.') + "." + member.Name,
                        owner.Spec.Name + "." + prefix.Replace("_", ".") + "." + member.Name) { PrincipalFullName = owned.FullName, IsReference = true });
                    break;
                case MemberKind.Reference when member.HasSetter && _types.TryGetValue(member.ClrType, out var nested)
                                               && (HasTypeAttribute(nested, complex ? "ComplexType" : "Owned")
                                                   || (!complex && IsOwnedPath(configuredAt?.Entity ?? owner, (configuredAt is { } at ? at.Path + "_" : "") + prefix + "_" + member.Name))):
                    AddOwned(owner, owned.FullName, member, nested, prefix + "_" + member.Name, required && member.Nullability == Nullability.NotAnnotated, depth + 1, complex,
                        typeChain?.Concat(new[] { nested }).ToList(), configuredAt);
                    break;
                case MemberKind.Collection when !complex && typeChain is not null && _types.TryGetValue(member.ClrType, out var nestedCollection)
                                                && IsOwnedCollectionPath(owner, prefix.Replace('_', '.') + "." + member.Name, nestedCollection):
                    // OwnsOne(a, x => x.OwnsMany(b)): a table of its own, keyed by the owned reference's key (EF judge: phone book model).
                    AddOwnedCollection(new OwnedCollection(owner, null, typeChain, member, nestedCollection, prefix.Replace('_', '.') + "." + member.Name,
                        owner.Spec.Name + "." + prefix.Replace("_", ".") + "." + member.Name) { PrincipalFullName = owned.FullName });
                    break;
                case MemberKind.Reference when !member.HasSetter:
                    break;
                case MemberKind.Scalar:
                    break; // read-only: not mapped
                default:
                    Unknown("member `" + owned.Name + "." + member.Name + "` of an owned type is not modelled yet", member.Location);
                    break;
            }
        }
    }

    private static readonly HashSet<string> ValueTypes = new(StringComparer.Ordinal)
    {
        "System.Boolean", "System.Byte", "System.SByte", "System.Int16", "System.UInt16", "System.Int32", "System.UInt32", "System.Int64",
        "System.UInt64", "System.Single", "System.Double", "System.Decimal", "System.Char", "System.DateTime", "System.DateTimeOffset",
        "System.TimeSpan", "System.DateOnly", "System.TimeOnly", "System.Guid",
    };

    /// <summary>A shadow property declared with <c>Property&lt;T&gt;("Name")</c>: a column with no CLR member. Value types
    /// are required unless <c>T?</c>; strings and byte arrays are optional.</summary>
    public PropertyNode? AddShadowProperty(EntityNode entity, string name, string type, SourceLocation? location)
    {
        var nullable = type.EndsWith("?", StringComparison.Ordinal);
        var clrType = nullable ? type.Substring(0, type.Length - 1) : type;
        if (!ValueTypes.Contains(clrType) && clrType is not ("System.String" or "System.Byte[]"))
        {
            return null; // an enum or another type: its mapping is not modelled for shadow properties
        }
        // Not IsShadow: an explicitly declared shadow property takes part in foreign key discovery like any other.
        var property = new PropertyNode(entity, name, clrType, nullable || !ValueTypes.Contains(clrType), location) { Origin = "shadow property" };
        _conventions.ApplyToShadow(property);
        entity.Properties.Add(property);
        return property;
    }

    /// <summary>A property mapped to a private field or non-public property by name (<c>Property&lt;T&gt;("_name")</c>).</summary>
    public PropertyNode AddMemberProperty(EntityNode entity, EntityMemberSpec member)
    {
        var property = ScalarProperty(entity, member.Name, member, member.Nullability is Nullability.Nullable or Nullability.Oblivious,
            entity.Spec.Name + "." + member.Name, honourRequired: true);
        entity.Properties.Add(property);
        return property;
    }

    public const string TemporalPeriodOrigin = "temporal table period column";

    /// <summary>Complex types (<c>ComplexProperty</c>, <c>[ComplexType]</c>) stored in their owner's table.</summary>
    public bool HasComplexTypes { get; private set; }

    /// <summary><c>ToTable(..., t => t.IsTemporal())</c>: SQL Server's temporal-table convention adds two shadow
    /// <c>DateTime</c> period columns, <c>PeriodStart</c> and <c>PeriodEnd</c>. Other providers ignore the SQL Server
    /// annotation; with no known provider the columns are uncertain and the schema is withheld.</summary>
    public void AddTemporalPeriods(EntityNode entity, SourceLocation? location)
    {
        if (_provider is null)
        {
            Unknown("`IsTemporal` with no known provider (SQL Server adds period columns, other providers do not)", location);
            return;
        }
        if (_provider != "SqlServer") return;
        foreach (var period in new[] { "PeriodStart", "PeriodEnd" })
        {
            if (entity.FindProperty(period) is not null) continue;
            var property = new PropertyNode(entity, period, "System.DateTime", nullable: false, location) { Origin = TemporalPeriodOrigin };
            _conventions.ApplyToShadow(property);
            entity.Properties.Add(property);
        }
    }

    public bool IsJsonNavigation(EntityNode owner, string navigation) =>
        owner.Spec.BaseTypes.Prepend(owner.FullName).Any(t => _jsonNavigations.Contains((t, navigation)));

    public bool IsOwnedNavigation(EntityNode owner, string navigation) => _ownerships.Any(o => o.Owner == owner && o.Navigation == navigation);

    /// <summary>The owned types stored in an entity's table (for the table's entity list).</summary>
    public IEnumerable<string> OwnedTypesOf(EntityNode owner) => _ownerships.Where(o => o.Owner == owner).Select(o => o.Owned);

    /// <summary>A mapped scalar property with what its attributes say, then ConfigureConventions over them (EF Core treats
    /// pre-convention configuration as explicit: it overrides attributes; fluent calls come later and override both).</summary>
    private PropertyNode ScalarProperty(EntityNode owner, string name, EntityMemberSpec member, bool nullable, string origin, bool honourRequired)
    {
        var property = new PropertyNode(owner, name, member.ClrType, nullable, member.Location)
        {
            Origin = origin,
            ProviderClrType = member.EnumUnderlyingType ?? member.ClrType,
            EnumMembers = member.EnumMembers,
        };
        ReadFacetAttributes(member, property);
        if (honourRequired && member.Attribute("Required") is not null) property.Nullable = false;
        if ((member.Attribute("MaxLength") ?? member.Attribute("StringLength")) is { Arguments.Count: > 0 } length && int.TryParse(length.Arguments[0], out var max)) property.MaxLength = max;
        if (member.Attribute("Column") is { Arguments.Count: > 0 } column) property.ColumnName = column.Arguments[0];
        _conventions.Apply(property, member.EnumUnderlyingType is not null);
        return property;
    }

    /// <summary>Attributes that shape the column: recorded as evidence, and the store-type facets applied.</summary>
    private static void ReadFacetAttributes(EntityMemberSpec member, PropertyNode property)
    {
        foreach (var attribute in member.Attributes.Where(a => a.Name is "Required" or "MaxLength" or "StringLength" or "Column" or "Precision" or "Unicode" or "Timestamp"))
        {
            // [Column]'s positional argument is the column name, a string: quoted as written in the code.
            var arguments = attribute.Name == "Column" ? attribute.Arguments.Select(a => "\"" + a + "\"") : attribute.Arguments;
            property.Evidence.Add(new EvidenceReport("[" + attribute.Name + (attribute.Arguments.Count == 0 && attribute.Named.Count == 0 ? "" : "(" + string.Join(", ", arguments.Concat(attribute.Named)) + ")") + "]", attribute.Location));
        }
        if (member.Attribute("Precision") is { Arguments.Count: > 0 } precision)
        {
            property.Precision = int.TryParse(precision.Arguments[0], out var p) ? p : null;
            property.Scale = precision.Arguments.Count > 1 && int.TryParse(precision.Arguments[1], out var scale) ? scale : null;
        }
        if (member.Attribute("Unicode") is { } unicode) property.Unicode = unicode.Arguments.FirstOrDefault() != "false";
        if (member.Attribute("Column")?.NamedValue("TypeName") is { } typeName) property.ColumnType = typeName;
        if (member.Attribute("Timestamp") is not null) property.RowVersion = true;
    }

    private void DiscoverKey(EntityNode node)
    {
        if (node.KeyProperties is not null || node.Keyless) return;
        var attribute = node.Spec.Attributes.FirstOrDefault(a => a.Name == "PrimaryKey");
        if (attribute is not null)
        {
            node.KeyProperties = attribute.Arguments.ToList();
            node.KeyLocation = attribute.Location;
            return;
        }
        var keyed = node.AllProperties().Where(p => node.Spec.Members.Any(m => m.Name == p.Name && m.Attribute("Key") is not null)).ToList();
        if (keyed.Count == 1)
        {
            node.KeyProperties = new List<string> { keyed[0].Name };
            node.KeyLocation = keyed[0].Location;
            return;
        }
        if (keyed.Count > 1)
        {
            Unknown("several `[Key]` properties on " + CodeSpan.Of(node.FullName) + " (EF Core needs `[PrimaryKey]` or `HasKey`)", keyed[0].Location);
            return;
        }
        // KeyDiscoveryConvention: "Id", then "<type name>Id", ignoring case.
        var byConvention = node.FindPropertyIgnoreCase("Id") ?? node.FindPropertyIgnoreCase(node.Spec.Name + "Id");
        if (byConvention is null && node.Spec.Members.Any(m => m.SetterUnknown
                && (string.Equals(m.Name, "Id", StringComparison.OrdinalIgnoreCase) || string.Equals(m.Name, node.Spec.Name + "Id", StringComparison.OrdinalIgnoreCase))))
        {
            return; // the key may be that member, whose setter cannot be read (said in ReadMembers)
        }
        if (byConvention is null)
        {
            if (IsJoinClass(node)) return; // keyed by its foreign keys once they are known (AddJoinClassKey)
            if (node.Mapping?.IsView == true) { node.Keyless = true; return; }
            if (_reachedThrough.TryGetValue(node.FullName, out var through))
            {
                // Reached only through a navigation and keyless: EF Core rejects such an entity type, so in a working model
                // something unseen maps the member as a column (a provider plug-in's type, a replaced IValueConverterSelector)
                // or leaves it out. Not stated as an entity (nor its table); the tables are withheld.
                _keylessReached.Add(node.FullName);
                UnknownTableNames("`" + through.Member + "` reaches " + CodeSpan.Of(node.FullName) + ", which has no key: EF Core maps it as an entity only with a key, so a provider plug-in or a value converter DataDocGen does not see may map it as a column", through.Location);
                return;
            }
            Unknown("no primary key found for " + CodeSpan.Of(node.FullName) + "", node.Spec.Location);
            return;
        }
        node.KeyProperties = new List<string> { byConvention.Name };
        node.KeyLocation = byConvention.Location;
    }

    /// <summary>The relationship a <c>HasOne/HasMany(...).WithOne/WithMany(...)</c> chain configures, claiming its navigations.</summary>
    public RelationshipNode? ConfigureRelationship(EntityNode entity, NavigationStart start, bool withMany, string? inverseName, SourceLocation? location)
    {
        var navigation = start.Navigation is null ? null : entity.Navigations.FirstOrDefault(n => n.Name == start.Navigation);
        var target = navigation?.Target ?? (start.TargetType is null ? null : Entity(start.TargetType));
        if (target is null || (start.Navigation is not null && navigation is null))
        {
            // A many-to-many one (HasMany(...).WithMany(...)) would have a join table: the table names are withheld too.
            if (start.IsCollection && withMany) UnknownTableNames("relationship configured on " + CodeSpan.Of(entity.FullName) + " whose target DataDocGen does not map", location);
            else Unknown("relationship configured on " + CodeSpan.Of(entity.FullName) + " whose target DataDocGen does not map", location);
            return null;
        }
        var inverse = inverseName is null ? null : target.Navigations.FirstOrDefault(n => n.Name == inverseName);
        if (inverseName is not null && inverse is null)
        {
            Unknown("relationship inverse `" + inverseName + "` is not a navigation DataDocGen maps", location);
            return null;
        }
        if (start.IsCollection && withMany)
        {
            if (navigation is null) UnknownTableNames("many-to-many relationships without a navigation are not modelled yet", location); // its join table too
            else AddManyToMany(navigation, inverse, location);
            return null;
        }

        // HasMany(...).WithOne(...): the entity is the principal. HasOne(...).WithMany(...): the entity is the dependent.
        // HasOne(...).WithOne(...): the dependent is decided by HasForeignKey<T>; until then, the entity.
        RelationshipNode relationship;
        if (start.IsCollection)
        {
            relationship = new RelationshipNode(entity, target, location) { PrincipalNavigation = navigation, DependentNavigation = inverse };
        }
        else
        {
            // HasOne(...).WithOne(...): EF Core sets no principal end (but for a self-reference, whose HasOne makes the
            // target the principal), so the conventions may still turn the relationship round (OrientConfiguredOneToOne).
            relationship = new RelationshipNode(target, entity, location)
            {
                DependentNavigation = navigation, PrincipalNavigation = inverse, Unique = !withMany, PrincipalEndByConvention = !withMany && target != entity,
            };
        }
        foreach (var claimed in new[] { navigation, inverse })
        {
            if (claimed?.Relationship is { } earlier) _relationships.Remove(earlier);
            if (claimed is not null) claimed.Relationship = relationship;
        }
        _relationships.Add(relationship);
        return relationship;
    }

    public void SwapEnds(RelationshipNode relationship)
    {
        (relationship.Principal, relationship.Dependent) = (relationship.Dependent, relationship.Principal);
        (relationship.PrincipalNavigation, relationship.DependentNavigation) = (relationship.DependentNavigation, relationship.PrincipalNavigation);
    }

    /// <summary>EF Core's relationship discovery for navigations no configuration claimed: pairs a navigation with its
    /// only inverse; a reference navigation without one makes its declaring type the dependent.</summary>
    private void DiscoverRelationships()
    {
        foreach (var node in _order)
        {
            foreach (var navigation in node.Navigations.Where(n => n.Relationship is null).ToList())
            {
                if (navigation.Relationship is not null) continue;
                var target = navigation.Target;
                var explicitInverse = navigation.Member.Attribute("InverseProperty")?.Arguments.FirstOrDefault();
                var candidates = explicitInverse is not null
                    ? target.Navigations.Where(n => n.Name == explicitInverse).ToList()
                    : InverseCandidates(navigation);
                // A pair only when each side has exactly one candidate: more on either side is ambiguous to EF Core too.
                if (explicitInverse is null && candidates.Count > 0 && (candidates.Count > 1 || InverseCandidates(candidates[0]).Count > 1))
                {
                    Unknown("ambiguous navigations between " + CodeSpan.Of(node.FullName) + " and " + CodeSpan.Of(target.FullName) + "", navigation.Member.Location);
                    navigation.Relationship = new RelationshipNode(node, target, null); // claimed, so it is reported once
                    continue;
                }
                var inverse = candidates.FirstOrDefault();
                RelationshipNode? relationship;
                if (inverse is null)
                {
                    relationship = navigation.IsCollection
                        ? new RelationshipNode(node, target, navigation.Member.Location) { PrincipalNavigation = navigation }
                        : new RelationshipNode(target, node, navigation.Member.Location) { DependentNavigation = navigation };
                }
                else if (navigation.IsCollection && inverse.IsCollection)
                {
                    AddManyToMany(navigation, inverse, navigation.Member.Location);
                    continue;
                }
                else if (navigation.IsCollection || inverse.IsCollection)
                {
                    var principalNavigation = navigation.IsCollection ? navigation : inverse;
                    var dependentNavigation = navigation.IsCollection ? inverse : navigation;
                    relationship = new RelationshipNode(principalNavigation.Owner, dependentNavigation.Owner, dependentNavigation.Member.Location)
                    {
                        PrincipalNavigation = principalNavigation,
                        DependentNavigation = dependentNavigation,
                    };
                }
                else
                {
                    relationship = OneToOne(navigation, inverse);
                    if (relationship is null) continue;
                }
                navigation.Relationship = relationship;
                if (inverse is not null) inverse.Relationship = relationship;
                _relationships.Add(relationship!);
            }
        }
    }

    /// <summary>Names the join entity or table of the many-to-many just configured from <paramref name="navigation"/>.</summary>
    public bool ConfigureJoin(EntityNode entity, string? navigation, string? entityName, string? tableName, SourceLocation? location, string? joinClass = null)
    {
        var manyToMany = _manyToMany.LastOrDefault(m => (m.Left == entity && m.First.Name == navigation) || (m.Right == entity && m.Second?.Name == navigation));
        if (manyToMany is null || manyToMany.JoinLocation is not null) return false;
        if (tableName is not null && Naming is not null)
        {
            // As for ToTable on entities: the plug-in's constraint names then depend on configuration order.
            Unknown("a naming-convention plug-in together with a join table renamed by `ToTable`: constraint names depend on configuration order", location);
        }
        manyToMany.JoinEntityName = entityName;
        manyToMany.JoinTableName = tableName;
        manyToMany.JoinClass = joinClass;
        manyToMany.JoinLocation = location;
        return true;
    }

    private void AddManyToMany(NavigationNode first, NavigationNode? second, SourceLocation? location)
    {
        var placeholder = new RelationshipNode(first.Owner, first.Target, null); // claims the navigations
        foreach (var navigation in new[] { first, second })
        {
            if (navigation is null) continue;
            if (navigation.Relationship is { } earlier) _relationships.Remove(earlier);
            _manyToMany.RemoveAll(m => m.First == navigation || m.Second == navigation);
            navigation.Relationship = placeholder;
        }
        _manyToMany.Add(new ManyToManyNode(first.Owner, first, first.Target, second, location));
    }

    /// <summary>
    /// ManyToManyJoinEntityTypeConvention: an implicit join table named after both entity types (ordinal order), with a
    /// foreign key to each end named [the other end's navigation, or the entity's name][key], both part of its key.
    /// </summary>
    private void AddJoinTables(string? defaultSchema)
    {
        foreach (var manyToMany in _manyToMany)
        {
            var ends = new[] { (Entity: manyToMany.Left, InverseNavigation: manyToMany.Second), (Entity: manyToMany.Right, InverseNavigation: (NavigationNode?)manyToMany.First) };
            var keys = ends.Select(e => e.Entity.Root.KeyProperties is { Count: 1 } key ? e.Entity.Root.FindProperty(key[0]) : null).ToList();
            if (keys.Any(k => k is null))
            {
                Unknown("many-to-many relationship with a composite or missing key (`" + manyToMany.Left.Spec.Name + "." + manyToMany.First.Name + "`)", manyToMany.Location);
                continue;
            }
            // The join entity's key lists its foreign keys in EF's foreign-key order, by property name (ordinal), not by
            // entity: Room.Occupants / Student.Rooms gives (OccupantsId, RoomsId) (EF judge: dorm model); a self-referencing
            // pair lists the column named after the navigation that sorts first first (social model).
            var order = new[] { 0, 1 }.OrderBy(i => ForeignKeyName(ends[i].InverseNavigation?.Name ?? ends[i].Entity.Spec.Name, keys[i]!.Name), StringComparer.Ordinal).ToArray();
            ends = order.Select(i => ends[i]).ToArray();
            keys = order.Select(i => keys[i]).ToList();
            var selfReferencing = manyToMany.Left == manyToMany.Right;
            if (selfReferencing && _provider is null)
            {
                Unknown("the delete behaviour of the self-referencing many-to-many join `" + manyToMany.Left.Spec.Name + "." + manyToMany.First.Name + "` depends on the database provider, which is not known", manyToMany.Location);
                continue;
            }
            if (manyToMany.JoinClass is not null)
            {
                AddJoinClassKey(manyToMany);
                continue;
            }
            var names = new[] { manyToMany.Left.Spec.Name, manyToMany.Right.Spec.Name }.OrderBy(n => n, StringComparer.Ordinal).ToList();
            var joinName = manyToMany.JoinEntityName ?? names[0] + names[1];
            // An explicit ToTable name is kept as written; an entity name (implicit or UsingEntity's) goes through the naming plug-in.
            var tableName = manyToMany.JoinTableName ?? Name(joinName);
            if (_entities.ContainsKey(joinName) || _order.Any(e => e.Mapping?.Table == tableName || e.Spec.Name == joinName))
            {
                Unknown("the join table `" + tableName + "` clashes with another table", manyToMany.JoinLocation ?? manyToMany.Location);
                continue;
            }
            var spec = new EntityTypeSpec(joinName, joinName, false, EquatableArray<string>.Empty, null, EquatableArray<AttributeSpec>.Empty, EquatableArray<EntityMemberSpec>.Empty, null);
            var join = new EntityNode(spec, null, null)
            {
                Mapping = manyToMany.JoinLocation is { } configured
                    ? new EntityReport(joinName, null, null, tableName, defaultSchema, false, TableEvidenceKind.FluentApi, configured, null)
                    : new EntityReport(joinName, null, null, tableName, defaultSchema, false, TableEvidenceKind.ClassNameConvention, manyToMany.Location, null),
            };
            var origin = "join table of " + manyToMany.Left.Spec.Name + "." + manyToMany.First.Name + (manyToMany.Second is null ? "" : " / " + manyToMany.Right.Spec.Name + "." + manyToMany.Second.Name);
            var columns = new List<PropertyNode>();
            for (var i = 0; i < 2; i++)
            {
                var (entity, inverseNavigation) = ends[i];
                var key = keys[i]!;
                var column = new PropertyNode(join, ForeignKeyName(inverseNavigation?.Name ?? entity.Spec.Name, key.Name), key.ClrType, nullable: false, manyToMany.Location)
                {
                    Origin = origin,
                    ProviderClrType = key.ProviderClrType,
                    PrincipalKey = key,
                };
                _conventions.ApplyToShadow(column);
                join.Properties.Add(column);
                columns.Add(column);
                var foreignKey = new RelationshipNode(entity, join, manyToMany.Location) { IsJoin = true, IsRequired = true };
                if (i == 1 && SecondJoinKeyCascadesOnClient(manyToMany)) foreignKey.DeleteBehavior = "ClientCascade";
                foreignKey.ForeignKey.Add(column);
                _relationships.Add(foreignKey);
            }
            join.KeyProperties = columns.Select(c => c.Name).ToList();
            join.KeyLocation = manyToMany.Location;
            manyToMany.Join = join;
            _order.Add(join);
        }
    }

    /// <summary>An owned navigation mapped with <c>ToJson()</c>: one column named after the navigation, holding the owned
    /// type (its CLR type is the owned type); an ownership relationship like any owned type.</summary>
    private void AddJsonColumn(EntityNode owner, EntityMemberSpec navigation)
    {
        var owned = _types[navigation.ClrType];
        var column = new PropertyNode(owner, navigation.Name, owned.FullName, navigation.Kind == MemberKind.Collection || navigation.Nullability != Nullability.NotAnnotated, navigation.Location)
        {
            Origin = owner.Spec.Name + "." + navigation.Name + " (JSON)",
            ProviderClrType = "json",
        };
        owner.Properties.Add(column);
        _ownerships.Add((owner, owner.FullName, owned.FullName, navigation.Name, navigation.Location, navigation.Kind == MemberKind.Collection));
    }

    /// <summary>
    /// Owned collections (<c>OwnsMany</c>): a table of their own named after the owned type, holding its properties, a
    /// foreign key to the owner ([owner type][key], shadow) and a key property, which together are the key; a required
    /// one-to-many relationship from the owner. As EF Core builds it (logistics fidelity model). The key property is the
    /// type's own <c>Id</c> or <c>[type]Id</c> (any case, any type) when it has one, else a shadow int <c>Id</c> (EF judge:
    /// courier model). Nested ones (EF judge: phone book model) are keyed the same way after their principal's key: inside
    /// an owned reference stored in the owner's table (Customer.Home.Phones) the principal Address is keyed by CustomerId,
    /// so the foreign key is AddressCustomerId and references the owner's table; inside another owned collection
    /// (Order.Lines.Notes) the foreign key is the parent's whole key (LineOrderId, LineId) and references the parent's table.
    /// Calls on the collection's builder (deferred by ChainInterpreter) shape it: <c>ToTable</c> names the table,
    /// <c>WithOwner().HasForeignKey("Name")</c> the foreign key, <c>HasKey</c> replaces the key (no shadow <c>Id</c> unless it
    /// names one; the foreign key then gets an index of its own), <c>Property</c> and <c>HasIndex</c> apply to the table,
    /// and owned references inside it (<c>OwnsOne</c>, <c>[Owned]</c>) are columns [navigation]_[property] of it.
    /// </summary>
    private void AddOwnedCollections(string? defaultSchema)
    {
        var consumed = new HashSet<int>();
        foreach (var collection in _ownedCollections)
        {
            var (root, navigation, owned) = (collection.Root, collection.Navigation, collection.Owned);
            var configuredOn = new HashSet<string>(root.Spec.BaseTypes.Prepend(root.FullName), StringComparer.Ordinal);
            var deferred = Enumerable.Range(0, _ownedCollectionSteps.Count)
                .Where(i => _ownedCollectionSteps[i].Path == collection.Path && configuredOn.Contains(_ownedCollectionSteps[i].Entity)).ToList();
            consumed.UnionWith(deferred);
            if (collection.Parent is { Node: null }) continue; // its parent is withheld, with the reason
            var principal = collection.Parent?.Node ?? root;
            // The principal's key: the owner's own (a single property), or the parent collection's (composite).
            var principalKey = collection.Parent?.Node is { } parent
                ? parent.KeyProperties!.Select(k => parent.FindProperty(k)).ToList()
                : root.Root.KeyProperties is { Count: 1 } key ? new List<PropertyNode?> { root.Root.FindProperty(key[0]) } : new List<PropertyNode?> { null };
            // Key names along owned references stored in the owner's table: Customer's Id is Address's CustomerId.
            var keyNames = principalKey.Select(k => k?.Name ?? "").ToList();
            for (var i = 1; i < collection.TypeChain.Count; i++) keyNames = keyNames.Select(k => ForeignKeyName(collection.TypeChain[i - 1].Name, k)).ToList();
            var foreignKeyNames = keyNames.Select(k => ForeignKeyName(collection.TypeChain[collection.TypeChain.Count - 1].Name, k)).ToList();
            var shape = _interpreter!.ReadOwnedCollectionShape(deferred.Where(i => _ownedCollectionSteps[i].Prefix is null).Select(i => (i, (IReadOnlyList<FluentStepSpec>)_ownedCollectionSteps[i].Steps)), foreignKeyNames, owned, collection.IsReference);
            if (shape is null) continue; // withheld, with the reason
            PropertyNode? alternateKey = null;
            if (shape.PrincipalKey is { } principalKeyName)
            {
                // WithOwner().HasPrincipalKey(o => o.Number): the foreign key references that property of the owner, which becomes
                // an alternate key (EF judge: tickets model: OrderNumber, AK_Orders_Number; naming the primary key changes nothing).
                var named = root.Spec.Members.Any(m => m.Name == principalKeyName && m.Kind == MemberKind.Scalar) ? root.FindProperty(principalKeyName) : null;
                if (collection.Parent is not null || collection.TypeChain.Count != 1 || root.Root != root || shape.Key is not null || named is null || named.IsShadow)
                {
                    Unknown("`HasPrincipalKey` on owned collection `" + collection.Origin + "` is not evaluated in this shape yet", shape.PrincipalKeyLocation);
                    continue;
                }
                if (!(root.KeyProperties is { Count: 1 } primary && primary[0] == named.Name))
                {
                    alternateKey = named;
                    principalKey = new List<PropertyNode?> { named };
                    keyNames = new List<string> { named.Name };
                    foreignKeyNames = new List<string> { ForeignKeyName(root.Spec.Name, named.Name) };
                }
            }
            if (shape.ForeignKey is { } configuredForeignKey) foreignKeyNames = new List<string> { configuredForeignKey };
            // KeyDiscoveryConvention on an owned collection: the foreign key and the type's Id or [type]Id, else a shadow Id.
            // An owned reference with a table of its own is keyed by its foreign key alone (one with a key-like member is not modelled).
            bool IsKeyLike(string name) => string.Equals(name, "Id", StringComparison.OrdinalIgnoreCase) || string.Equals(name, owned.Name + "Id", StringComparison.OrdinalIgnoreCase);
            var keyCandidates = owned.Members.Where(m => IsKeyLike(m.Name) && m.Kind == MemberKind.Scalar && m.HasSetter && m.Attribute("NotMapped") is null).ToList();
            if (principalKey.Any(k => k is null) || (_entities.TryGetValue(owned.FullName, out var existing) && !_ownedCollectionNodes.Contains(existing))
                || (!collection.IsReference && IsSharedOwnedType(owned.FullName))
                || shape.ShadowProperties.Any(p => foreignKeyNames.Concat(keyNames).Any(f => string.Equals(f, p.Name, StringComparison.OrdinalIgnoreCase)))
                || (shape.Key ?? new List<string>()).Any(shape.Ignored.Contains)
                || collection.TypeChain.Skip(1).Any(t => IsSharedOwnedType(t.FullName)) || HasSharedAncestor(collection)
                || keyCandidates.Count > 1 || owned.Members.Any(m => IsKeyLike(m.Name) && !keyCandidates.Contains(m))
                || (collection.IsReference && owned.Members.Any(m => IsKeyLike(m.Name)))
                || owned.Members.Any(m => foreignKeyNames.Any(f => string.Equals(f, m.Name, StringComparison.OrdinalIgnoreCase))))
            {
                Unknown(collection.Kind + " `" + collection.Origin + "` is not modelled in this shape yet", shape.ForeignKeyLocation ?? navigation.Location);
                continue;
            }
            var keyProperties = collection.IsReference ? foreignKeyNames.ToList() : shape.Key ?? foreignKeyNames.Append(keyCandidates.Count == 1 ? keyCandidates[0].Name : "Id").ToList();
            var shadowId = !collection.IsReference && (shape.Key is null ? keyCandidates.Count == 0 : keyCandidates.Count == 0 && shape.Key.Contains("Id"));
            if (shape.Key is not null && shape.ForeignKeyAtKey is { } foreignKeyAtKey && !foreignKeyAtKey.SequenceEqual(foreignKeyNames)
                && shape.Key.Any(k => foreignKeyAtKey.Contains(k) || foreignKeyNames.Contains(k)))
            {
                // HasKey("OrderId", "Id") and then WithOwner().HasForeignKey("OrderRef"): EF Core keeps OrderId as a key property
                // of its own next to the new foreign key; the other order fails. Not modelled.
                Unknown("`HasKey` on owned collection `" + collection.Origin + "` names a foreign key renamed after it", shape.KeyLocation);
                continue;
            }
            if (shape.Key?.FirstOrDefault(k => !foreignKeyNames.Contains(k) && !(k == "Id" && shadowId) && !shape.ShadowAtKey.Contains(k)
                                               && !owned.Members.Any(m => m.Name == k && m.Kind == MemberKind.Scalar && m.HasSetter && m.Attribute("NotMapped") is null)) is { } unmapped)
            {
                Unknown("`HasKey` on owned collection `" + collection.Origin + "` names `" + unmapped + "`, which is not a property DataDocGen maps", shape.KeyLocation);
                continue;
            }
            var mapping = new EntityReport(owned.FullName, null, null, Name(owned.Name), defaultSchema, false, TableEvidenceKind.ClassNameConvention, navigation.Location, null);
            if (collection.IsReference && shape.Table is null)
            {
                Unknown("owned reference `" + collection.Origin + "` is mapped to a table DataDocGen cannot name", navigation.Location);
                continue;
            }
            if (shape.Table is { } table)
            {
                if (Naming is not null)
                {
                    // As for ToTable on entities: the plug-in's constraint names then depend on configuration order. For an owned
                    // reference's table even its key column's name does (EF judge: dispatch model under UseSnakeCaseNamingConvention:
                    // order_id in one such table, id in another).
                    Unknown("a naming-convention plug-in together with an " + collection.Kind + "'s table renamed by `ToTable`", shape.TableLocation);
                    continue;
                }
                if (_order.Any(e => e.Mapping?.Table == table && e.Mapping.Schema == (shape.Schema ?? defaultSchema)))
                {
                    Unknown(collection.Kind + " `" + collection.Origin + "` is mapped to the table `" + table + "` of another entity type", shape.TableLocation);
                    continue;
                }
                mapping = new EntityReport(owned.FullName, null, null, table, shape.Schema ?? defaultSchema, false, TableEvidenceKind.FluentApi, shape.TableLocation, null);
            }
            var node = new EntityNode(owned, null, null) { Mapping = mapping };
            var references = new List<(EntityMemberSpec Member, EntityTypeSpec Type)>();
            foreach (var member in owned.Members)
            {
                if (member.Attribute("NotMapped") is not null || shape.Ignored.Contains(member.Name)) continue;
                if (member.Kind == MemberKind.Scalar && member.HasSetter)
                {
                    node.Properties.Add(ScalarProperty(node, member.Name, member, member.Nullability is Nullability.Nullable or Nullability.Oblivious,
                        collection.Origin + (collection.IsReference ? "." : "[].") + member.Name, honourRequired: true));
                }
                else if (_ownedCollections.Any(c => c.Parent == collection && c.Navigation == member))
                {
                    // a nested owned collection, or an owned reference with a table of its own: laid out after this one
                }
                else if (member.Kind == MemberKind.Reference && member.HasSetter && _types.TryGetValue(member.ClrType, out var reference) && !HasTypeAttribute(reference, "ComplexType")
                         && (HasTypeAttribute(reference, "Owned") || IsOwnedPath(root, collection.Path.Replace('.', '_') + "_" + member.Name)))
                {
                    references.Add((member, reference)); // an owned reference inside the collection: columns of its table (below)
                }
                else if (member.Kind != MemberKind.Scalar && (member.HasSetter || member.Kind == MemberKind.Collection))
                {
                    Unknown("member `" + owned.Name + "." + member.Name + "` of an " + collection.Kind + " is not modelled yet", member.Location);
                }
            }
            var relationship = new RelationshipNode(principal, node, navigation.Location)
            {
                IsRequired = true, DeleteBehavior = "Cascade", IsOwnership = true, ReportedPrincipal = collection.PrincipalFullName, Unique = collection.IsReference,
            };
            if (alternateKey is not null)
            {
                relationship.PrincipalKeyNames = new List<string> { alternateKey.Name };
                if (!root.AlternateKeys.Any(k => k.Properties.Count == 1 && k.Properties[0] == alternateKey.Name)) root.AlternateKeys.Add((new List<string> { alternateKey.Name }, null, shape.PrincipalKeyLocation));
            }
            for (var i = 0; i < foreignKeyNames.Count; i++)
            {
                var foreignKey = new PropertyNode(node, foreignKeyNames[i], principalKey[i]!.ClrType, nullable: false, navigation.Location)
                {
                    IsShadow = true,
                    Origin = "shadow foreign key to the owner",
                    ProviderClrType = principalKey[i]!.ProviderClrType,
                    PrincipalKey = principalKey[i],
                };
                _conventions.ApplyToShadow(foreignKey);
                if (shape.ForeignKeyLocation is { } foreignKeyLocation) foreignKey.Evidence.Add(new EvidenceReport("WithOwner().HasForeignKey(\"" + foreignKeyNames[i] + "\")", foreignKeyLocation));
                if (alternateKey is not null && shape.PrincipalKeyLocation is { } principalKeyLocation) foreignKey.Evidence.Add(new EvidenceReport("WithOwner().HasPrincipalKey(x => x." + alternateKey.Name + ")", principalKeyLocation));
                node.Properties.Add(foreignKey);
                relationship.ForeignKey.Add(foreignKey);
            }
            if (shadowId)
            {
                var shadowKey = new PropertyNode(node, "Id", "System.Int32", nullable: false, navigation.Location) { IsShadow = true, Origin = "shadow key of the owned collection" };
                _conventions.ApplyToShadow(shadowKey);
                node.Properties.Add(shadowKey);
            }
            if (shape.ShadowProperties.FirstOrDefault(p => AddShadowProperty(node, p.Name, p.Type, p.Location) is null) is { Name: not null } unsupported)
            {
                Unknown("shadow property `" + unsupported.Name + "` of type " + CodeSpan.Of(unsupported.Type) + " on an owned collection is not modelled yet", unsupported.Location);
                continue;
            }
            node.KeyProperties = keyProperties;
            node.KeyName = shape.KeyName;
            node.KeyLocation = shape.KeyLocation ?? navigation.Location;
            var own = new HashSet<PropertyNode>(node.Properties);
            foreach (var (member, reference) in references)
            {
                AddOwned(node, owned.FullName, member, reference, member.Name, member.Nullability == Nullability.NotAnnotated, 0, configuredAt: (root, collection.Path));
            }
            _ownedCollectionNodes.Add(node);
            relationship.PrincipalNavigation = new NavigationNode(principal, navigation, node);
            _relationships.Add(relationship);
            if (!_entities.ContainsKey(owned.FullName)) _entities[owned.FullName] = node; // a type owned twice with tables of its own: the first
            _order.Add(node);
            collection.Node = node;
            foreach (var i in deferred)
            {
                _interpreter.ApplyToOwnedCollection(node, _ownedCollectionSteps[i].Prefix, _ownedCollectionSteps[i].Steps, own.Contains,
                    member => shape.IgnoredAt.TryGetValue(member, out var ignoredAt) && ignoredAt > i, collection.Kind);
            }
        }
        foreach (var collection in _ownedCollections.Where(c => c.Node is not null && !c.IsReference && IsSharedOwnedType(c.Owned.FullName)))
        {
            // Also owned as a reference inside another owned collection (known only now): a shared-type entity type.
            UnknownTableNames("owned collection `" + collection.Origin + "` is not modelled in this shape yet", collection.Navigation.Location);
        }
        foreach (var i in Enumerable.Range(0, _ownedCollectionSteps.Count).Where(i => !consumed.Contains(i)))
        {
            // An owned collection has a table of its own (unless ToJson): one not mapped leaves a table out, so the names are
            // withheld too (the modular monolith audit: OwnsMany<Line>("_lines", ...ToTable("OrderLines")) on a private field
            // left shop.OrderLines out while the table names were said to be known).
            UnknownTableNames("configuration of an owned collection DataDocGen does not map", _ownedCollectionSteps[i].Steps[0].Location);
        }
    }

    /// <summary>An owned collection or reference inside an owned type that is owned through several navigations (a shared-type
    /// entity type, whose nested types EF Core names after the ownership path): not modelled.</summary>
    private bool HasSharedAncestor(OwnedCollection collection)
    {
        for (var parent = collection.Parent; parent is not null; parent = parent.Parent)
        {
            if (IsSharedOwnedType(parent.Owned.FullName)) return true;
        }
        return false;
    }

    /// <summary>Navigations on the target that could be the inverse of <paramref name="navigation"/>.</summary>
    private static List<NavigationNode> InverseCandidates(NavigationNode navigation) =>
        navigation.Target.Navigations.Where(n => n != navigation && n.Relationship is null && IsAssignable(navigation.Owner, n.Target)
                                                 && n.Member.Attribute("InverseProperty") is null).ToList();

    private static bool IsAssignable(EntityNode node, EntityNode target)
    {
        for (var current = node; current is not null; current = current.Base)
        {
            if (current == target) return true;
        }
        return false;
    }

    /// <summary>Two reference navigations paired by convention: a <c>[ForeignKey]</c> on one side makes it the dependent
    /// (with a property named like a foreign key on the other side too, withheld as before); without one, EF Core's
    /// foreign key discovery decides (<see cref="ConventionDependentSide"/>).</summary>
    private RelationshipNode? OneToOne(NavigationNode first, NavigationNode second)
    {
        bool firstIsDependent;
        PropertyNode? foreignKey = null;
        if (NamedByForeignKeyAttribute(first) || NamedByForeignKeyAttribute(second))
        {
            bool HasForeignKey(NavigationNode navigation) =>
                NamedByForeignKeyAttribute(navigation) || ForeignKeyCandidates(navigation.Owner, navigation.Target, navigation).Any(c => c is not null);
            firstIsDependent = HasForeignKey(first);
            if (firstIsDependent == HasForeignKey(second))
            {
                Unknown("the dependent side of the one-to-one relationship `" + first.Owner.Spec.Name + "." + first.Name + "` cannot be told by convention", first.Member.Location);
                first.Relationship = second.Relationship = new RelationshipNode(first.Owner, second.Owner, null);
                return null;
            }
        }
        else
        {
            var side = ConventionDependentSide(first.Owner, first, second.Owner, second, out foreignKey, out var reason);
            if (side is null)
            {
                Unknown(reason, first.Member.Location);
                first.Relationship = second.Relationship = new RelationshipNode(first.Owner, second.Owner, null);
                return null;
            }
            firstIsDependent = side == 0;
        }
        var dependent = firstIsDependent ? first : second;
        var principal = firstIsDependent ? second : first;
        return new RelationshipNode(principal.Owner, dependent.Owner, dependent.Member.Location)
        {
            PrincipalNavigation = principal,
            DependentNavigation = dependent,
            Unique = true,
            ConventionForeignKey = foreignKey,
        };
    }

    /// <summary><c>[ForeignKey]</c> on the navigation, or on a property of its type naming it (ForeignKeyAttributeConvention:
    /// in a one-to-one, that type is the dependent).</summary>
    private static bool NamedByForeignKeyAttribute(NavigationNode? navigation) =>
        navigation is not null
        && (navigation.Member.Attribute("ForeignKey") is not null
            || navigation.Owner.Spec.Members.Any(m => m.Attribute("ForeignKey")?.Arguments.FirstOrDefault() == navigation.Name));

    /// <summary>
    /// <c>HasOne(...).WithOne(...)</c> without <c>HasForeignKey&lt;T&gt;</c> or <c>HasPrincipalKey&lt;T&gt;</c>: the entity
    /// whose builder configured it is not necessarily the dependent. A <c>[ForeignKey]</c> on one side's navigation (or on
    /// a property naming it) makes that side the dependent; without one EF Core's foreign key discovery decides, and may
    /// turn the relationship round (EF judge: the jellyfin audit's <c>User.ProfileImage</c>, whose foreign key is
    /// <c>ImageInfo.UserId</c>; DataDocGen added a shadow <c>ProfileImageId</c> to <c>User</c> before).
    /// </summary>
    private void OrientConfiguredOneToOne(RelationshipNode relationship)
    {
        var dependentNamed = NamedByForeignKeyAttribute(relationship.DependentNavigation);
        var principalNamed = NamedByForeignKeyAttribute(relationship.PrincipalNavigation);
        if (dependentNamed || principalNamed)
        {
            if (dependentNamed && principalNamed)
            {
                Unknown("`[ForeignKey]` on both navigations of the one-to-one relationship " + Describe(relationship.Dependent, relationship.DependentNavigation, relationship.Principal, relationship.PrincipalNavigation)
                        + ": which side EF Core makes the dependent is not evaluated", relationship.Location);
            }
            else if (principalNamed)
            {
                SwapEnds(relationship); // EF judge: the profiles model's Avatar.Owner
            }
            return;
        }
        var side = ConventionDependentSide(relationship.Dependent, relationship.DependentNavigation, relationship.Principal, relationship.PrincipalNavigation, out var foreignKey, out var reason);
        if (side is null)
        {
            Unknown(reason, relationship.Location);
            return;
        }
        if (side == 1) SwapEnds(relationship);
        relationship.ConventionForeignKey = foreignKey;
    }

    /// <summary>
    /// ForeignKeyPropertyDiscoveryConvention on a one-to-one whose dependent side nothing configures: the side with a
    /// property named like its foreign key ([navigation to the other side][other side's key], [navigation]Id, [other
    /// type][key], [other type]Id, ignoring case) is the dependent. The first name found ends a side's search: a property
    /// of another type than the key, or the side's own primary key, then counts as none. With such a property on both
    /// sides, or on neither, EF Core throws ("The dependent side could not be determined for the one-to-one
    /// relationship"), except that with none, a side whose own primary key has such a name is the dependent (they share
    /// the key). What EF Core 8, 9 and 10 showed on the three providers: the profiles model and
    /// <c>OneToOneSideTests</c>' probes.
    /// </summary>
    /// <returns>0 when <paramref name="a"/> is the dependent, 1 when <paramref name="b"/> is, null when withheld (then
    /// <paramref name="reason"/> says why).</returns>
    private int? ConventionDependentSide(EntityNode a, NavigationNode? aToB, EntityNode b, NavigationNode? bToA, out PropertyNode? foreignKey, out string reason)
    {
        foreignKey = null;
        var described = "the dependent side of the one-to-one relationship " + Describe(a, aToB, b, bToA);
        reason = described + " is not evaluated: a composite or unknown key";
        var onA = OneToOneForeignKeyCandidate(a, aToB, b, matchPrimaryKey: false, out var unknownA);
        var onB = OneToOneForeignKeyCandidate(b, bToA, a, matchPrimaryKey: false, out var unknownB);
        if (unknownA || unknownB) return null;
        if (onA is not null && onB is not null)
        {
            reason = described + " cannot be told by convention: both `" + a.Spec.Name + "` and `" + b.Spec.Name
                     + "` have a property named like its foreign key (EF Core throws \"The dependent side could not be determined\"; `HasForeignKey<T>` would decide it)";
            return null;
        }
        if (onA is not null || onB is not null)
        {
            foreignKey = onA ?? onB;
            return onA is not null ? 0 : 1;
        }
        if (a == b || a.Base is not null || b.Base is not null)
        {
            // EF Core tries the primary keys only for a dependent without a base type, in a relationship that is not a
            // self-reference, which depends on the side it started from.
            reason = described + " is not evaluated: neither side has a property named like its foreign key, and a side has a base type or references itself";
            return null;
        }
        onA = OneToOneForeignKeyCandidate(a, aToB, b, matchPrimaryKey: true, out _);
        onB = OneToOneForeignKeyCandidate(b, bToA, a, matchPrimaryKey: true, out _);
        if ((onA is null) == (onB is null))
        {
            reason = described + " cannot be told by convention: " + (onA is null ? "neither `" + a.Spec.Name + "` nor `" + b.Spec.Name + "` has" : "both `" + a.Spec.Name + "` and `" + b.Spec.Name + "` have")
                     + " a property named like its foreign key (EF Core throws \"The dependent side could not be determined\"; `HasForeignKey<T>` would decide it)";
            return null;
        }
        foreignKey = onA ?? onB;
        return onA is not null ? 0 : 1;
    }

    private static string Describe(EntityNode a, NavigationNode? aToB, EntityNode b, NavigationNode? bToA) =>
        aToB is not null ? "`" + a.Spec.Name + "." + aToB.Name + "`"
        : bToA is not null ? "`" + b.Spec.Name + "." + bToA.Name + "`"
        : "between `" + a.Spec.Name + "` and `" + b.Spec.Name + "`";

    /// <summary>EF Core's FindCandidateForeignKeyProperties for <paramref name="dependent"/> as the dependent of
    /// <paramref name="principal"/> in a one-to-one (a single-property key; <paramref name="unknown"/> otherwise).</summary>
    private static PropertyNode? OneToOneForeignKeyCandidate(EntityNode dependent, NavigationNode? toPrincipal, EntityNode principal, bool matchPrimaryKey, out bool unknown)
    {
        var key = principal.Root.KeyProperties;
        var ownKey = dependent.Root.KeyProperties;
        var keyProperty = key is { Count: 1 } ? principal.Root.FindProperty(key[0]) : null;
        unknown = keyProperty is null || ownKey is null || principal.Root.Keyless || dependent.Root.Keyless;
        if (unknown) return null;
        foreach (var baseName in new[] { toPrincipal?.Name, principal.Spec.Name })
        {
            if (baseName is null) continue;
            var property = dependent.FindPropertyIgnoreCase(baseName + keyProperty!.Name) ?? dependent.FindPropertyIgnoreCase(baseName + "Id");
            if (property is null) continue;
            if (!CompatibleKeyType(property, keyProperty)) return null;
            if (!matchPrimaryKey && ownKey!.Count == 1 && ownKey[0] == property.Name) return null;
            return property;
        }
        return null;
    }

    /// <summary>ForeignKeyPropertyDiscoveryConvention, for a single-column principal key, ignoring case:
    /// [navigation][key], [navigation]Id, [principal type][key], [principal type]Id.</summary>
    private IEnumerable<PropertyNode?> ForeignKeyCandidates(EntityNode dependent, EntityNode principal, NavigationNode? dependentNavigation)
    {
        var key = principal.Root.KeyProperties ?? (principal.Root.FindPropertyIgnoreCase("Id") is { } id ? new List<string> { id.Name } : null);
        if (key is not { Count: 1 }) yield break;
        var keyName = key[0];
        if (dependentNavigation is not null)
        {
            yield return dependent.FindPropertyIgnoreCase(dependentNavigation.Name + keyName);
            yield return dependent.FindPropertyIgnoreCase(dependentNavigation.Name + "Id");
        }
        yield return dependent.FindPropertyIgnoreCase(principal.Spec.Name + keyName);
        yield return dependent.FindPropertyIgnoreCase(principal.Spec.Name + "Id");
    }

    private void ResolveForeignKey(RelationshipNode relationship)
    {
        var principalKey = relationship.PrincipalKeyNames ?? relationship.Principal.Root.KeyProperties;
        if (relationship.PrincipalKeyNames is { } alternate
            && !relationship.Principal.Root.AlternateKeys.Any(k => k.Properties.SequenceEqual(alternate))
            && !(relationship.Principal.Root.KeyProperties?.SequenceEqual(alternate) ?? false))
        {
            // HasPrincipalKey makes the referenced properties an alternate key of the principal.
            relationship.Principal.Root.AlternateKeys.Add((alternate, null, relationship.Location));
        }
        if (principalKey is null)
        {
            Unknown("relationship to " + CodeSpan.Of(relationship.Principal.FullName) + ", which has no key", relationship.Location);
            return;
        }
        var keyProperties = principalKey.Select(k => relationship.Principal.FindProperty(k)).ToList();
        if (keyProperties.Any(k => k is null))
        {
            Unknown("the key of " + CodeSpan.Of(relationship.Principal.FullName) + " names a property DataDocGen does not map", relationship.Location);
            return;
        }

        if (relationship.ForeignKeyNames is not null && !AddForeignKeyAttributeLeftovers(relationship)) return;

        // [ForeignKey] on the dependent navigation names the FK properties; on a property it names the navigation.
        var names = relationship.ForeignKeyNames;
        if (names is null && relationship.DependentNavigation?.Member.Attribute("ForeignKey") is { Arguments.Count: > 0 } onNavigation)
        {
            names = onNavigation.Arguments[0].Split(',').Select(n => n.Trim()).ToList();
        }
        if (names is null && relationship.DependentNavigation is { } navigation)
        {
            var onProperty = relationship.Dependent.Spec.Members.FirstOrDefault(m => m.Attribute("ForeignKey")?.Arguments.FirstOrDefault() == navigation.Name);
            if (onProperty is not null) names = new List<string> { onProperty.Name };
        }
        if (names is null && relationship.PrincipalNavigation?.Member.Attribute("ForeignKey") is { Arguments.Count: > 0 } onPrincipalNavigation)
        {
            names = onPrincipalNavigation.Arguments[0].Split(',').Select(n => n.Trim()).ToList();
        }

        if (names is not null)
        {
            foreach (var name in names)
            {
                var property = relationship.Dependent.FindProperty(name);
                if (property is null && names.Count == 1 && keyProperties.Count == 1 && relationship.Dependent.Spec.Members.All(m => m.Name != name))
                {
                    // HasForeignKey("Name") naming no member: a shadow foreign key of the principal key's type.
                    property = new PropertyNode(relationship.Dependent, name, keyProperties[0]!.ClrType, nullable: true, relationship.Location)
                    {
                        IsShadow = true,
                        Origin = "shadow foreign key",
                        ProviderClrType = keyProperties[0]!.ProviderClrType,
                    };
                    _conventions.ApplyToShadow(property);
                    relationship.Dependent.Properties.Add(property);
                }
                if (property is null)
                {
                    Unknown("foreign key `" + name + "` is not a property DataDocGen maps", relationship.Location);
                    return;
                }
                relationship.ForeignKey.Add(property);
            }
        }
        else if (relationship.ConventionForeignKey is { } decided)
        {
            relationship.ForeignKey.Add(decided);
        }
        else if (relationship.PrincipalKeyNames is null && ForeignKeyCandidates(relationship.Dependent, relationship.Principal, relationship.DependentNavigation)
                     .FirstOrDefault(c => c is not null && CompatibleKeyType(c, keyProperties[0]!)) is { } discovered
                 && !IsOwnPrimaryKey(relationship, discovered))
        {
            relationship.ForeignKey.Add(discovered);
        }
        else if (keyProperties.Count == 1)
        {
            // A shadow foreign key: [dependent navigation][key] or [principal type][key].
            var key = keyProperties[0]!;
            var name = ForeignKeyName(relationship.DependentNavigation?.Name ?? relationship.Principal.Spec.Name, key.Name);
            if (relationship.Dependent.FindPropertyIgnoreCase(name) is not null)
            {
                Unknown("shadow foreign key `" + name + "` would clash with an existing property", relationship.Location);
                return;
            }
            var shadow = new PropertyNode(relationship.Dependent, name, key.ClrType, nullable: true, relationship.Location)
            {
                IsShadow = true,
                Origin = "shadow foreign key",
                ProviderClrType = key.ProviderClrType,
            };
            _conventions.ApplyToShadow(shadow);
            relationship.Dependent.Properties.Add(shadow);
            relationship.ForeignKey.Add(shadow);
        }
        else
        {
            Unknown("composite keys in relationships are not modelled yet", relationship.Location);
            return;
        }

        // [Required] on the dependent navigation, or a non-nullable reference navigation (NonNullableNavigationConvention).
        for (var i = 0; i < relationship.ForeignKey.Count && i < keyProperties.Count; i++)
        {
            relationship.ForeignKey[i].PrincipalKey ??= keyProperties[i];
        }
        var requiredByNavigation = relationship.DependentNavigation is { } dependentNavigation
                                   && (dependentNavigation.Member.Attribute("Required") is not null || dependentNavigation.Member.Nullability == Nullability.NotAnnotated);
        relationship.IsRequired = relationship.Required ?? (requiredByNavigation || relationship.ForeignKey.All(p => !p.Nullable));
        if (relationship.IsRequired)
        {
            foreach (var property in relationship.ForeignKey) property.Nullable = false;
        }
        relationship.DeleteBehavior ??= relationship.DependentNavigation?.Member.Attribute("DeleteBehavior")?.Arguments.FirstOrDefault()?.Replace("DeleteBehavior.", "");
    }

    /// <summary>
    /// A <c>[ForeignKey("Name")]</c> on a navigation naming no member makes EF Core add a shadow property for the foreign
    /// key when it discovers the navigation, before the fluent calls run; a <c>HasForeignKey</c> of the same relationship
    /// then gives it other foreign key properties, but the shadow property, configured by the attribute, stays: a nullable
    /// column (not null when the navigation the foreign key served was required) of the principal key's CLR type, without
    /// its facets, not indexed (EF judge: the profiles model, from the jellyfin audit's
    /// <c>[ForeignKey("Permission_Permissions_Guid")]</c> on <c>User.Permissions</c>, which DataDocGen dropped). On a
    /// collection navigation the property is the element type's, keyed after the collection's owner; on a reference
    /// navigation it is the navigation's owner's, keyed after its target. Withheld when its type or nullability is not
    /// clear: a principal key configured by <c>HasKey</c> (EF saw another key first), composite or converted, several
    /// names, or navigations EF Core might pair otherwise.
    /// </summary>
    /// <returns>False when withheld.</returns>
    private bool AddForeignKeyAttributeLeftovers(RelationshipNode relationship)
    {
        foreach (var navigation in new[] { relationship.PrincipalNavigation, relationship.DependentNavigation })
        {
            if (navigation?.Member.Attribute("ForeignKey") is not { Arguments.Count: > 0 } attribute) continue;
            var names = attribute.Arguments[0].Split(',').Select(n => n.Trim()).ToList();
            var holder = navigation.IsCollection ? navigation.Target : navigation.Owner;
            var keyOwner = navigation.IsCollection ? navigation.Owner : navigation.Target;
            if (names.Count == 1 && (relationship.ForeignKeyNames!.Contains(names[0]) || holder.FindProperty(names[0]) is not null
                                     || holder.SelfAndAncestors().Any(n => n.Spec.Members.Any(m => m.Name == names[0]))))
            {
                continue; // the fluent foreign key itself, or a member mapped anyway
            }
            var what = "`[ForeignKey(\"" + attribute.Arguments[0] + "\")]` on `" + navigation.Owner.Spec.Name + "." + navigation.Name
                       + "`, replaced by `HasForeignKey`, leaves a shadow property on `" + holder.Spec.Name + "`";
            var key = keyOwner.Root.KeyProperties is { Count: 1 } single ? keyOwner.Root.FindProperty(single[0]) : null;
            if (names.Count != 1 || key is null || keyOwner.Root.KeyConfigured || key.Converted || key.Conversion is not null)
            {
                Unknown(what + " whose type DataDocGen cannot tell (several names, or a principal key that is composite, converted or configured by `HasKey`)", attribute.Location);
                return false;
            }
            var required = ForeignKeyAttributeRequired(navigation);
            if (required is null)
            {
                Unknown(what + " whose nullability DataDocGen cannot tell (the navigations EF Core pairs when it reads the attribute are not evaluated)", attribute.Location);
                return false;
            }
            var leftover = new PropertyNode(holder, names[0], key.ClrType, nullable: !required.Value, attribute.Location)
            {
                Origin = "shadow property left by the ForeignKey attribute on " + navigation.Owner.Spec.Name + "." + navigation.Name,
                ProviderClrType = key.ProviderClrType,
            };
            _conventions.ApplyToShadow(leftover);
            holder.Properties.Add(leftover);
        }
        return true;
    }

    /// <summary>Whether the relationship a navigation's <c>[ForeignKey]</c> made was required: its reference navigation from
    /// the dependent is non-nullable or <c>[Required]</c>. For a collection navigation, that is the only reference
    /// navigation back (none: optional); null when EF might pair the navigations otherwise.</summary>
    private static bool? ForeignKeyAttributeRequired(NavigationNode navigation)
    {
        var reference = navigation;
        if (navigation.IsCollection)
        {
            var owner = navigation.Owner;
            var element = navigation.Target;
            var back = element.Navigations.Where(n => IsAssignable(owner, n.Target)).ToList();
            if (element.Base is not null || owner.Base is not null) return null;
            if (back.Count == 0) return false;
            if (back.Count > 1 || back[0].IsCollection || owner.Navigations.Count(n => n.Target == element) != 1
                || back[0].Member.Attribute("InverseProperty") is not null || navigation.Member.Attribute("InverseProperty") is not null)
            {
                return null;
            }
            reference = back[0];
        }
        return reference.Member.Attribute("Required") is not null || reference.Member.Nullability == Nullability.NotAnnotated;
    }

    /// <summary>EF Core's name for a foreign key property made by convention: base name + key name, unless the key name
    /// already starts with the base name (key ArticleId and base Article give ArticleId, not ArticleArticleId).</summary>
    private static string ForeignKeyName(string baseName, string keyName) =>
        keyName.StartsWith(baseName, StringComparison.OrdinalIgnoreCase) ? keyName : baseName + keyName;

    private static bool CompatibleKeyType(PropertyNode candidate, PropertyNode key) => candidate.ClrType == key.ClrType;

    /// <summary>A one-to-many foreign key cannot be the dependent's own primary key.</summary>
    private static bool IsOwnPrimaryKey(RelationshipNode relationship, PropertyNode property) =>
        !relationship.Unique && relationship.Dependent.Root.KeyProperties is { Count: 1 } key && key[0] == property.Name;

    /// <summary>Properties in a key, a foreign key or an index: SQL Server bounds such strings (nvarchar(450)).</summary>
    private void MarkKeysAndIndexes()
    {
        foreach (var node in _order)
        {
            foreach (var name in node.Root == node ? (node.KeyProperties ?? new List<string>()).Concat(node.AlternateKeys.SelectMany(k => k.Properties)) : Enumerable.Empty<string>())
            {
                if (node.FindProperty(name) is { } key)
                {
                    key.InKeyOrIndex = true;
                    key.Nullable = false; // key properties are required
                }
            }
            var indexed = node.Indexes.SelectMany(i => i.Properties).Concat(node.Spec.Attributes.Where(a => a.Name == "Index").SelectMany(a => a.Arguments));
            foreach (var name in indexed)
            {
                if (node.FindProperty(name) is { } property) property.InKeyOrIndex = true;
            }
        }
        foreach (var property in _relationships.SelectMany(r => r.ForeignKey)) property.InKeyOrIndex = true;
    }

    private EquatableArray<RelationshipReport> RelationshipReports() =>
        _relationships
            .Where(r => r.ForeignKey.Count > 0 && !r.IsJoin)
            .Select(r => new RelationshipReport(r.ReportedPrincipal ?? r.Principal.FullName, r.Dependent.FullName, r.Unique ? "OneToOne" : "OneToMany",
                r.PrincipalNavigation?.Name, r.DependentNavigation?.Name, r.IsRequired, null, DeleteBehaviorOf(r), r.Location))
            .Concat(_manyToMany.Where(m => m.Join is not null).Select(ManyToManyReport))
            .Concat(_ownerships.Select(o => new RelationshipReport(o.Principal, o.Owned, o.IsMany ? "OneToMany" : "OneToOne", o.Navigation, null, true, null,
                _ownershipDeleteBehaviors.TryGetValue((o.Principal, o.Navigation), out var behavior) ? behavior : "Cascade", o.Location, IsOwnership: true)))
            .OrderBy(r => r.Principal, StringComparer.Ordinal).ThenBy(r => r.Dependent, StringComparer.Ordinal)
            .ThenBy(r => r.PrincipalNavigation ?? "", StringComparer.Ordinal).ThenBy(r => r.DependentNavigation ?? "", StringComparer.Ordinal)
            .ToEquatableArray();

    /// <summary>The delete behaviour of a many-to-many whose join class's foreign keys do not both cascade.</summary>
    public const string JoinForeignKeysDecide = "JoinForeignKeys";

    /// <summary>One entry per pair of skip navigations: the end whose (entity, navigation) sorts first is the principal.</summary>
    private RelationshipReport ManyToManyReport(ManyToManyNode manyToMany)
    {
        var left = (Entity: manyToMany.Left.FullName, Navigation: manyToMany.First.Name);
        var right = (Entity: manyToMany.Right.FullName, Navigation: manyToMany.Second?.Name);
        var leftFirst = string.CompareOrdinal(left.Entity, right.Entity) is var byEntity && (byEntity < 0 || (byEntity == 0 && string.CompareOrdinal(left.Navigation, right.Navigation) <= 0));
        var (principal, dependent) = leftFirst ? (left, right) : (right, left);
        var join = manyToMany.Join!.Mapping!;
        // A join class's foreign keys may be configured (OnDelete): the join rows then go as they say, which the row
        // summarises only when both cascade (one maybe on the client only: SQL Server's self-referencing rule).
        var behaviors = manyToMany.JoinClass is not null && manyToMany.JoinForeignKeys.Count == 2
            ? manyToMany.JoinForeignKeys.Select(DeleteBehaviorOf).Distinct().OrderBy(b => b, StringComparer.Ordinal).ToList()
            : new List<string> { SecondJoinKeyCascadesOnClient(manyToMany) ? "ClientCascade" : "Cascade" };
        var deleteBehavior = behaviors.All(b => b == "Cascade") ? "Cascade"
            : behaviors.All(b => b is "Cascade" or "ClientCascade") ? "ClientCascade" : JoinForeignKeysDecide;
        return new RelationshipReport(principal.Entity, dependent.Entity, "ManyToMany", principal.Navigation, dependent.Navigation, false,
            join.Schema is null ? join.Table : join.Schema + "." + join.Table, deleteBehavior, manyToMany.Location);
    }

    /// <summary>SqlServerOnDeleteConvention: SQL Server refuses two cascade paths into one table, so the second foreign
    /// key of a self-referencing join cascades on the client only (EF judge: social model).</summary>
    private bool SecondJoinKeyCascadesOnClient(ManyToManyNode manyToMany) => manyToMany.Left == manyToMany.Right && _provider == "SqlServer";

    /// <summary>EF Core's delete behaviour: configured, else Cascade for required relationships and ClientSetNull for optional ones.</summary>
    public static string DeleteBehaviorOf(RelationshipNode relationship) =>
        relationship.DeleteBehavior ?? (relationship.IsRequired ? "Cascade" : "ClientSetNull");
}
