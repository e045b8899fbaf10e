using System.Collections.Generic;
using System.Linq;
using DataDocGen.Generator.Model;
using DataDocGen.Generator.Parsing;
using DataDocGen.Generator.Report;

namespace DataDocGen.Generator.Schema;

/// <summary>
/// Applies fluent chains to the working model: keys, indexes, property facets, ignores, relationships and check
/// constraints. A call it does not know is never skipped silently: it becomes an "unresolved" entry with its line, and
/// the context's schema is then withheld rather than reported wrong.
/// </summary>
internal sealed partial class ChainInterpreter(SchemaBuilder builder)
{
    /// <summary>Calls that do not change tables, columns, keys, indexes or relationships as DATA_LAYER.json describes them.</summary>
    private static readonly HashSet<string> NoSchemaEffect = new()
    {
        "HasComment", "HasQueryFilter", "HasData", "HasChangeTrackingStrategy", "UsePropertyAccessMode", "HasTrigger",
        "HasDefaultValue", "HasDefaultValueSql", "HasComputedColumnSql",
        "ValueGeneratedOnAdd", "ValueGeneratedNever", "ValueGeneratedOnAddOrUpdate", "ValueGeneratedOnUpdate", "IsConcurrencyToken",
        "UseIdentityColumn", "UseHiLo", "UseSequence", "HasField", "IsDescending", "IncludeProperties", "IsClustered",
        "IsCreatedOnline", "IsCreatedConcurrently", "HasFillFactor", "AutoInclude", "EnableLazyLoading", "HasSentinel", "UseCollation", "IsSparse",
        "ToTable", "ToView", "UseTphMappingStrategy", "UseTptMappingStrategy", "UseTpcMappingStrategy", // table mapping: TableMapper reads them
    };

    /// <summary>Model-level calls with no effect on tables, or read elsewhere.</summary>
    private static readonly HashSet<string> ModelCalls = new()
    {
        "HasDefaultSchema", "ApplyConfiguration", "ApplyConfigurationsFromAssembly", "HasSequence", "HasDbFunction", "UseCollation",
        "HasPostgresExtension", "UseIdentityColumns", "UseHiLo", "UseIdentityAlwaysColumns", "UseIdentityByDefaultColumns", "HasAnnotation",
        "UseSerialColumns", "HasDatabaseMaxSize", "HasServiceTier", "HasPerformanceLevel", "Ignore",
    };

    /// <summary>Metadata reads and LINQ over them (the loops real projects write) and query filters: no schema effect.</summary>
    private static readonly HashSet<string> ReadOnlyMetadata = new()
    {
        "GetEntityTypes", "GetProperties", "GetDeclaredProperties", "GetForeignKeys", "GetDeclaredForeignKeys", "GetNavigations",
        "GetKeys", "GetIndexes", "FindProperty", "FindEntityType", "FindPrimaryKey", "GetTableName", "GetSchema", "GetColumnName",
        "GetDefaultTableName", "IsOwned", "GetRootType", "GetDerivedTypes", "GetReferencingForeignKeys", "GetClrType",
        "Where", "Select", "SelectMany", "ToList", "ToArray", "Any", "All", "First", "FirstOrDefault", "OfType", "Cast",
        "SetQueryFilter", "GetQueryFilter", "IsKeyless", "DisplayName", "ShortName", "Name",
        "IsSqlServer", "IsNpgsql", "IsSqlite", "IsRelational", "IsInMemory", "IsCosmos", // provider checks (Parsing/ProviderChecks)
    };

    /// <summary>The position of the chain being applied (chains run in EF Core's order).</summary>
    public int Position { get; private set; } = -1;

    public void Apply(FluentChainSpec chain)
    {
        Position++;
        builder.Loops.Seen(chain, Position);
        ApplyAt(chain);
    }

    /// <summary>Applies a chain at the current position (also used for each entity type a loop chain applies to).</summary>
    public void ApplyAt(FluentChainSpec chain)
    {
        switch (chain.Root)
        {
            case FluentRoot.EachEntityType or FluentRoot.EachForeignKey or FluentRoot.EachProperty:
                builder.Loops.Record(chain, Position, this);
                return;
            case FluentRoot.Model when chain.Steps.Count > 0 && chain.Steps[0] is { Method: "Entity", TypeArguments.Count: 0 }
                                       && chain.Steps.Skip(1).Any() && chain.Steps.Skip(1).All(s => NoSchemaEffect.Contains(s.Method)):
                // modelBuilder.Entity(entityType.ClrType).HasQueryFilter(...) in a loop over the model's entity types
                foreach (var filter in chain.Steps.Where(s => s.Method == "HasQueryFilter")) builder.AddQueryFilter(null, filter);
                return;
            case FluentRoot.Other when chain.Steps.All(s => ReadOnlyMetadata.Contains(s.Method)) || ConventionDefaults.IsConventionChain(chain):
                foreach (var filter in chain.Steps.Where(s => s.Method == "SetQueryFilter")) builder.AddQueryFilter(null, filter);
                return; // read-only metadata loops; ConfigureConventions (applied by ConventionDefaults)
            case FluentRoot.Model:
                foreach (var step in chain.Steps)
                {
                    if (!ModelCalls.Contains(step.Method)) builder.Unknown("`" + step.Method + "` on the model builder is not evaluated", step.Location);
                    else if (step.Method == "HasAnnotation") builder.Unknown("model annotations are not evaluated", step.Location);
                }
                return;
            case FluentRoot.Other:
                builder.Unknown("configuration through `" + Describe(chain) + "` is not evaluated", chain.Location);
                return;
        }

        if (chain.Entity is null || builder.Entity(chain.Entity) is not { } entity)
        {
            return; // an entity that is not part of this model (e.g. ignored)
        }

        var state = State.Entity;
        PropertyNode? property = null;
        IndexNode? index = null;
        RelationshipNode? relationship = null;
        NavigationStart? pending = null;
        CheckConstraintReport? check = null;
        string? navigationName = null;
        string? ownedPrefix = null; // the column prefix of the table-split owned reference a chain continues (OwnsOne)
        var nestedOwned = false; // inside an owned type of an owned type
        string? ownedTop = null; // the owner's navigation to the outermost owned type the chain is inside
        string? joinRole = null;
        string? ownedPath = null; // the owned navigation path the builder is at (Lines, Home.Phones, Stops.Pos)
        string? collectionPath = null; // the innermost owned collection on that path (a table of its own), if any
        string? collectionPrefix = null; // inside that collection, the owned references' column prefix (Pos, Pos_In)

        for (var stepIndex = 0; stepIndex < chain.Steps.Count; stepIndex++)
        {
            var step = chain.Steps[stepIndex];
            var method = MetadataCall(step);
            switch (state, method)
            {
                case (State.Entity, FluentChainParser.JoinRight or FluentChainParser.JoinLeft or FluentChainParser.JoinConfiguration):
                    joinRole = step.Method; // the lambda of UsingEntity this chain is in
                    break;
                case (State.Entity, "HasKey"):
                    entity.Root.KeyProperties = Members(step);
                    entity.Root.KeyLocation = step.Location;
                    entity.Root.KeyConfigured = true;
                    state = State.Key;
                    break;
                case (State.Key, "HasName"):
                    entity.Root.KeyName = Text(step, 0);
                    break;
                case (State.Entity, "HasAlternateKey"):
                    if (Members(step) is not { Count: > 0 } alternate)
                    {
                        builder.Unknown("`HasAlternateKey` with properties DataDocGen cannot read", step.Location);
                        return;
                    }
                    entity.Root.AlternateKeys.Add((alternate, null, step.Location));
                    state = State.AlternateKey;
                    break;
                case (State.AlternateKey, "HasName"):
                    var last = entity.Root.AlternateKeys[entity.Root.AlternateKeys.Count - 1];
                    entity.Root.AlternateKeys[entity.Root.AlternateKeys.Count - 1] = (last.Properties, Text(step, 0), last.Location);
                    break;
                case (State.Entity, "HasNoKey"):
                    entity.Keyless = true;
                    break;
                case (State.Entity, "HasIndex"):
                    // HasIndex(e => e.A), HasIndex(e => new { e.A, e.B }), HasIndex("A", "B"), and EF Core 5's
                    // HasIndex(e => e.A, "IX_Name") with the index's name (the form dotnet ef dbcontext scaffold writes).
                    var withName = step.Arguments.Count == 2 && (step.Arguments[0].StartsWith("=", System.StringComparison.Ordinal) || step.Arguments[0].StartsWith(FluentChainParser.NameArray, System.StringComparison.Ordinal))
                                   && step.Arguments[1].StartsWith("\"", System.StringComparison.Ordinal);
                    var indexed = withName ? Members(step with { Arguments = DataDocGen.Generator.Helpers.EquatableArray.ToEquatableArray(new[] { step.Arguments[0] }) }) : Members(step);
                    if (indexed is not { Count: > 0 })
                    {
                        // An empty column list was recorded before (an index "IX_Parts_" EF does not have).
                        builder.Unknown("`HasIndex` with arguments DataDocGen cannot read", step.Location);
                        return;
                    }
                    index = new IndexNode(indexed, step.Location);
                    if (withName) index.ModelName = Text(step, 1);
                    entity.Indexes.Add(index);
                    state = State.Index;
                    break;
                case (State.Index, "IsUnique" or "HasDatabaseName" or "HasName" or "HasFilter"):
                    ConfigureIndex(index!, step);
                    break;
                case (State.Entity, "Property"):
                    var name = Members(step)?.FirstOrDefault();
                    property = name is null ? null : entity.FindProperty(name);
                    if (property is null && name is not null && entity.Spec.Members.All(m => m.Name != name)
                        && entity.Spec.HiddenMembers.FirstOrDefault(m => m.Name == name) is { } hidden)
                    {
                        // Property<string>("_description"): the private field (or non-public property) it names, with the
                        // field's nullability (EF judge: ordering model; it was taken for a shadow property, nullable, before).
                        if (hidden.Kind != MemberKind.Scalar || (step.TypeArguments.Count == 1 && step.TypeArguments[0].TrimEnd('?') != hidden.ClrType))
                        {
                            builder.Unknown("`Property` on the non-public member `" + name + "` of a type DataDocGen does not map", step.Location);
                            return;
                        }
                        property = builder.AddMemberProperty(entity, hidden);
                    }
                    else if (property is null && name is not null && step.TypeArguments.Count == 1 && entity.Spec.Members.All(m => m.Name != name))
                    {
                        property = builder.AddShadowProperty(entity, name, step.TypeArguments[0], step.Location);
                        if (property is not null && entity.Discriminator is { Property: null } named && named.Name == name)
                        {
                            // Property<string>("Type") after HasDiscriminator<string>("Type"): the same property, whose facets
                            // and converter shape the discriminator column (EF judge: "shelter" model; stated wrong before).
                            if (!SameType(property, named.ClrType))
                            {
                                builder.Unknown("`Property` configures the discriminator `" + name + "` with another type", step.Location);
                                return;
                            }
                            property.Evidence.Add(new EvidenceReport("HasDiscriminator<" + named.ClrType.Substring(named.ClrType.LastIndexOf('.') + 1) + ">(\"" + name + "\")", named.Location));
                            entity.Discriminator = named.WithProperty(property);
                        }
                    }
                    if (property is null)
                    {
                        builder.Unknown("`Property` on a member DataDocGen does not map (shadow or computed)", step.Location);
                        return;
                    }
                    state = State.Property;
                    break;
                case (State.Property, _) when PropertyNotes.Contains(method):
                    property!.Evidence.Add(new EvidenceReport(Evidence(step), step.Location)); // defaults, computed columns: shown, no JSON effect
                    break;
                case (State.Property, _) when PropertyFacets.Contains(method):
                    property!.Evidence.Add(new EvidenceReport(Evidence(step)
                        + (step.Method == "IsRequired" && property.InOptionalDependent ? " (no effect on the column: the owned reference is optional)" : ""), step.Location));
                    ApplyPropertyFacet(property, step with { Method = method });
                    break;
                case (State.Entity, "IsTemporal") when step.Arguments.Count == 0:
                    builder.AddTemporalPeriods(entity, step.Location);
                    break;
                case (State.Entity, "HasDiscriminator") when step.Arguments.Count == 1 && step.Arguments[0].StartsWith("=", System.StringComparison.Ordinal):
                    // HasDiscriminator(x => x.Kind): one of the root's own properties is the discriminator (string, int or enum).
                    var discriminatorProperty = Members(step) is { Count: 1 } kind ? entity.Properties.FirstOrDefault(p => p.Name == kind[0] && !p.IsShadow) : null;
                    if (discriminatorProperty is null || entity.Base is not null || entity.Derived.Count == 0
                        || (step.TypeArguments.Count == 1 && step.TypeArguments[0] != discriminatorProperty.ClrType)
                        || !(discriminatorProperty.ClrType is "System.String" or "System.Int32" || IsEnumProperty(discriminatorProperty)))
                    {
                        builder.Unknown("this form of `HasDiscriminator` is not evaluated yet", step.Location);
                        return;
                    }
                    discriminatorProperty.Evidence.Add(new EvidenceReport(Evidence(step), step.Location));
                    entity.Discriminator = new DiscriminatorNode(discriminatorProperty.Column, discriminatorProperty.ClrType, step.Location, discriminatorProperty);
                    state = State.Discriminator;
                    break;
                case (State.Entity, "HasDiscriminator"):
                    // HasDiscriminator<string|int>("Name") on a hierarchy root, with no property of that name; other forms
                    // (a lambda naming a property, other types) are not evaluated.
                    var discriminatorName = step.TypeArguments.Count == 1 && step.Arguments.Count == 1 ? Text(step, 0) : null;
                    if (discriminatorName is null || step.TypeArguments[0] is not ("System.String" or "System.Int32") || entity.Base is not null
                        || entity.Derived.Count == 0 || entity.SelfAndDescendants().Any(e => e.Spec.Members.Any(m => m.Name == discriminatorName)))
                    {
                        builder.Unknown("this form of `HasDiscriminator` is not evaluated yet", step.Location);
                        return;
                    }
                    // A shadow property of that name configured before (Property<string>("Type")) is the discriminator: its
                    // facets and converter apply to the column (EF judge: discriminators D7, "shelter" model).
                    var shadowDiscriminator = entity.Properties.FirstOrDefault(p => p.Name == discriminatorName);
                    if (shadowDiscriminator is not null && !SameType(shadowDiscriminator, step.TypeArguments[0]))
                    {
                        builder.Unknown("`HasDiscriminator` names a shadow property of another type", step.Location);
                        return;
                    }
                    shadowDiscriminator?.Evidence.Add(new EvidenceReport(Evidence(step), step.Location));
                    entity.Discriminator = new DiscriminatorNode(discriminatorName, step.TypeArguments[0], step.Location, shadowDiscriminator);
                    state = State.Discriminator;
                    break;
                case (State.Discriminator, "HasValue"):
                    var valued = step.TypeArguments.Count == 1 && step.Arguments.Count == 1 ? builder.Entity(step.TypeArguments[0]) : null;
                    var value = DiscriminatorValue(entity.Discriminator!, step);
                    if (valued is null || valued.Root != entity || value is null)
                    {
                        builder.Unknown("this form of `HasValue` is not evaluated yet", step.Location);
                        return;
                    }
                    entity.Discriminator!.Values[valued.FullName] = value;
                    entity.Discriminator.Property?.Evidence.Add(new EvidenceReport(Evidence(step), step.Location));
                    break;
                case (State.Entity, "Ignore"):
                    break; // read before the model is built (it removes members)
                case (State.Entity, "HasOne" or "HasMany"):
                    pending = new NavigationStart(step.Method == "HasMany", Members(step)?.FirstOrDefault() ?? Text(step, 0), step.TypeArguments.FirstOrDefault(), step.Location);
                    state = State.Navigation;
                    break;
                case (State.Navigation, "WithOne" or "WithMany"):
                    relationship = builder.ConfigureRelationship(entity, pending!, step.Method == "WithMany", Members(step)?.FirstOrDefault() ?? Text(step, 0), step.Location);
                    if (relationship is not null)
                    {
                        relationship.JoinRole ??= joinRole;
                        relationship.ConfiguredAt ??= Position;
                        if (relationship.ConfiguredAt == Position) relationship.ConfiguredWithoutNavigation = pending!.Navigation is null && (Members(step)?.FirstOrDefault() ?? Text(step, 0)) is null;
                    }
                    if (relationship is null && pending!.IsCollection && step.Method == "WithMany")
                    {
                        state = State.ManyToMany; // any further call (UsingEntity...) is not evaluated: see default
                        break;
                    }
                    if (relationship is null) return;
                    state = State.Relationship;
                    break;
                case (State.ManyToMany, "UsingEntity"):
                    // The shared-type forms: a join entity name, or a lambda that only names the table.
                    var joinEntity = step.TypeArguments.Count == 0 && step.Arguments.Count == 1 ? Text(step, 0) : null;
                    var joinTable = step.TypeArguments.Count == 0 && step.Arguments.Count == 1 && step.Arguments[0].StartsWith("⇒ToTable\"", System.StringComparison.Ordinal)
                        ? step.Arguments[0].Substring("⇒ToTable\"".Length) : null;
                    // UsingEntity<TJoin>(), or with lambdas (configureRight, configureLeft, configureJoinEntityType, or the last
                    // alone): their bodies are chains on TJoin of their own, and a j.ToTable(...) is a table mapping.
                    var joinClass = step.TypeArguments.Count == 1 && step.Arguments.Count <= 3
                                    && step.Arguments.All(a => a.StartsWith("λ", System.StringComparison.Ordinal) || a.StartsWith("⇒ToTable", System.StringComparison.Ordinal))
                        ? step.TypeArguments[0] : null;
                    // UsingEntity<TJoin>("Name", ...): the same with a shared-type entity type named "Name".
                    if (joinClass is null && step.TypeArguments.Count == 1 && step.Arguments.Count is >= 1 and <= 4 && Text(step, 0) is { } sharedName
                        && step.Arguments.Skip(1).All(a => a.StartsWith("λ", System.StringComparison.Ordinal) || a.StartsWith("⇒ToTable", System.StringComparison.Ordinal)))
                    {
                        if (SchemaBuilder.IsPropertyBag(step.TypeArguments[0]))
                        {
                            // UsingEntity<Dictionary<string, object>>("Name") is UsingEntity("Name") (EF judge: links model); with
                            // lambdas, whose chains all name the same CLR type, it is not evaluated, and the table names are
                            // withheld (DataDocGen listed a table "Dictionary" before, where EF Core has "Name").
                            // With lambdas (the scaffolder's form), a shared-type entity type of that name that SchemaBuilder
                            // adds before the chains run, configured by the lambdas' chains like a join class (EF judge:
                            // "scaffolded joins" model).
                            if (step.Arguments.Count > 1) joinClass = sharedName;
                        }
                        else
                        {
                            joinClass = step.TypeArguments[0];
                        }
                        joinEntity = sharedName;
                    }
                    if ((joinEntity is null && joinTable is null && joinClass is null) || !builder.ConfigureJoin(entity, pending!.Navigation, joinEntity, joinTable, step.Location, joinClass))
                    {
                        builder.Unknown("this form of `UsingEntity` is not evaluated yet", step.Location);
                        return;
                    }
                    break;
                case (State.Relationship, "HasForeignKey"):
                    if (step.TypeArguments.Count == 1 && step.TypeArguments[0] != relationship!.Dependent.FullName)
                    {
                        builder.SwapEnds(relationship);
                    }
                    relationship!.ForeignKeyNames = Members(step) ?? step.Arguments.Select(a => a.StartsWith("\"", System.StringComparison.Ordinal) ? a.Substring(1) : "?").ToList();
                    relationship.ReshapedAt = Position;
                    break;
                case (State.Relationship, "HasPrincipalKey"):
                    if (step.TypeArguments.Count == 1 && step.TypeArguments[0] != relationship!.Principal.FullName)
                    {
                        builder.SwapEnds(relationship);
                    }
                    if (Members(step) is not { Count: > 0 } principalKey)
                    {
                        builder.Unknown("`HasPrincipalKey` with properties DataDocGen cannot read", step.Location);
                        return;
                    }
                    relationship!.PrincipalKeyNames = principalKey;
                    relationship.ReshapedAt = Position;
                    break;
                case (State.Relationship, "OnDelete"):
                    relationship!.DeleteBehavior = step.Argument(0)?.Replace("DeleteBehavior.", "");
                    relationship.DeleteBehaviorAt = Position;
                    break;
                case (State.Relationship, "IsRequired"):
                    relationship!.Required = step.Argument(0) != "false";
                    relationship.ReshapedAt = Position;
                    break;
                case (State.Relationship, "HasConstraintName"):
                    relationship!.ConstraintName = Text(step, 0);
                    break;
                case (State.Entity, "HasCheckConstraint"):
                    check = new CheckConstraintReport(Text(step, 0) ?? "?", Text(step, 1) ?? "?", step.Location);
                    entity.CheckConstraints.Add(check);
                    state = State.Check;
                    break;
                case (State.Check, "HasName"):
                    entity.CheckConstraints.Remove(check!);
                    check = check! with { Name = Text(step, 0) ?? "?" };
                    entity.CheckConstraints.Add(check);
                    break;
                case (State.Entity, "HasQueryFilter"):
                    builder.AddQueryFilter(entity.FullName, step);
                    break;
                case (State.Entity, "HasData"):
                    builder.AddSeed(entity, step);
                    break;
                case (State.Entity, "Navigation"):
                    navigationName = Members(step)?.FirstOrDefault();
                    state = State.NavigationAccess;
                    break;
                case (State.NavigationAccess, "IsRequired") when navigationName is not null && builder.IsOwnedNavigation(entity, navigationName):
                    break; // read with OwnsOne before the model is built
                case (State.NavigationAccess, "IsRequired"):
                    builder.Unknown("`Navigation(...).IsRequired` on a relationship is not evaluated yet", step.Location);
                    return;
                case (State.Entity, "OwnsOne" or "OwnsMany" or "ComplexProperty") when step.Arguments.Count == 1:
                    state = State.Owned; // read before the model is built; further calls on the owned builder are read below or withheld
                    ownedPrefix = step.Method == "OwnsOne" ? Members(step)?.FirstOrDefault() : null;
                    ownedTop = step.Method == "ComplexProperty" ? null : SimpleNavigation(step);
                    ownedPath = ownedTop;
                    collectionPath = step.Method == "OwnsMany" && ownedTop is not null && !builder.IsJsonNavigation(entity, ownedTop) ? ownedTop : null;
                    if (step.Method == "OwnsOne" && ownedTop is not null && builder.IsTabledOwnedReference(entity, ownedTop)) (collectionPath, ownedPrefix) = (ownedTop, null);
                    break;
                case (State.Entity, "OwnsOne" or "OwnsMany") when step.Arguments.Count == 2 && step.Arguments[1].StartsWith("λ", System.StringComparison.Ordinal):
                    // OwnsOne/OwnsMany(x => x.Nav, owned => ...): the lambda's chains arrive as chains continuing this step.
                    state = State.Owned;
                    ownedPrefix = step.Method == "OwnsOne" && step.Arguments[0].StartsWith("=", System.StringComparison.Ordinal) && step.Arguments[0].IndexOf(',') < 0 ? step.Arguments[0].Substring(1) : null;
                    ownedTop = SimpleNavigation(step);
                    ownedPath = ownedTop;
                    collectionPath = step.Method == "OwnsMany" && ownedTop is not null && !builder.IsJsonNavigation(entity, ownedTop) ? ownedTop : null;
                    // An owned reference with a table of its own (ToTable on its builder): its calls shape that table, like an
                    // owned collection's (EF judge: dispatch model).
                    if (step.Method == "OwnsOne" && ownedTop is not null && builder.IsTabledOwnedReference(entity, ownedTop)) (collectionPath, ownedPrefix) = (ownedTop, null);
                    break;
                case (State.Owned, "OwnsMany") when collectionPrefix is not null:
                    builder.Unknown("an owned collection inside an owned reference of an owned collection is not evaluated yet", step.Location);
                    return;
                case (State.Owned, "OwnsMany") when ownedTop is not null && SimpleNavigation(step) is not null && !builder.IsJsonNavigation(entity, ownedTop)
                                                    && (step.Arguments.Count == 1 || step.Arguments[1].StartsWith("λ", System.StringComparison.Ordinal)):
                    // An owned collection inside an owned reference or collection (read before the model is built): a table of
                    // its own, whose builder's calls are applied with it (below).
                    ownedPrefix = null;
                    nestedOwned = true;
                    ownedPath += "." + SimpleNavigation(step);
                    collectionPath = ownedPath;
                    collectionPrefix = null;
                    break;
                case (State.Owned, "OwnsOne") when collectionPath is not null && SimpleNavigation(step) is { } inCollection && step.Arguments[0].StartsWith("=", System.StringComparison.Ordinal)
                                                   && (step.Arguments.Count == 1 || step.Arguments[1].StartsWith("λ", System.StringComparison.Ordinal)):
                    // An owned reference inside an owned collection (read with the collection, after the model is built): its
                    // columns are the collection table's [navigation]_[property] (EF judge: courier model).
                    ownedPath += "." + inCollection;
                    nestedOwned = true;
                    if (builder.IsTabledOwnedReference(entity, ownedPath))
                    {
                        if (collectionPrefix is not null)
                        {
                            builder.Unknown("an owned reference with a table of its own inside an owned reference of an owned collection is not evaluated yet", step.Location);
                            return;
                        }
                        collectionPath = ownedPath; // a table of its own inside the collection or owned reference (LineDiscounts)
                        break;
                    }
                    collectionPrefix = collectionPrefix is null ? inCollection : collectionPrefix + "_" + inCollection;
                    break;
                case (State.Owned, "OwnsOne") when ownedPrefix is not null && step.Arguments[0] is { } nestedNavigation
                                                   && nestedNavigation.StartsWith("=", System.StringComparison.Ordinal) && nestedNavigation.IndexOf(',') < 0
                                                   && (step.Arguments.Count == 1 || step.Arguments[1].StartsWith("λ", System.StringComparison.Ordinal)):
                    // A nested owned reference (read before the model is built): its columns are [outer]_[inner]_[property], unless
                    // ToTable gives it a table of its own (Home.Geo: HomeGeos, keyed AddressCustomerId).
                    ownedPrefix += "_" + nestedNavigation.Substring(1);
                    ownedPath += "." + nestedNavigation.Substring(1);
                    nestedOwned = true;
                    if (builder.IsTabledOwnedReference(entity, ownedPath)) (collectionPath, ownedPrefix) = (ownedPath, null);
                    break;
                case (_, FluentChainParser.BackToOwner):
                    builder.Unknown("calls chained after `OwnsOne`/`OwnsMany` with a builder lambda are not evaluated yet", step.Location);
                    return;
                case (State.Owned, "ToJson") when nestedOwned:
                    builder.Unknown("`ToJson` on a nested owned type is not evaluated yet", step.Location);
                    return;
                case (State.Owned, _) when collectionPath is not null && step.Method is not ("OwnsOne" or "OwnsMany"):
                    // Calls on an owned collection's builder (or on an owned reference's inside it) shape a table that exists
                    // only once the model is built: applied then (ApplyToOwnedCollection).
                    builder.DeferToOwnedCollection(entity, collectionPath, collectionPrefix, chain.Steps.Skip(stepIndex).ToList());
                    return;
                case (State.Owned, "Property") when ownedPrefix is not null:
                    // A table-split owned reference's properties are the owner's [navigation]_[property] columns; a JSON
                    // navigation has none, so its properties are not found and withheld.
                    var ownedName = Members(step)?.FirstOrDefault();
                    property = ownedName is null || builder.IsJsonNavigation(entity, ownedPrefix) ? null : entity.FindProperty(ownedPrefix + "_" + ownedName);
                    if (property is null)
                    {
                        builder.Unknown("`Property` on an owned type that DataDocGen does not map there", step.Location);
                        return;
                    }
                    state = State.Property;
                    break;
                case (State.Owned, "ToTable" or "ToView" or "SplitToTable" or "SplitToView" or "ToSqlQuery" or "ToFunction"):
                    // An owned type's own table (EF judge: O2 probe, OwnsMany(...).ToTable("ParcelStops") is that table's name):
                    // not modelled, and not to be taken for the owner's mapping (it was ignored before, a wrong table name).
                    builder.Unknown("`" + step.Method + "` on an owned type is not evaluated yet", step.Location);
                    return;
                case (State.Owned, "WithOwner") when step.Arguments.Count == 0:
                    break; // names no navigation back and no key: no schema effect
                case (State.Owned, "ToJson") when step.Arguments.Count == 0:
                    break; // read before the model is built (a JSON column)
                default:
                    if (NoSchemaEffect.Contains(method)) break;
                    builder.Unknown("`" + step.Method + "` is not evaluated yet", step.Location);
                    return;
            }
        }
        if (state == State.Navigation) builder.Unknown("`" + pending!.Method + "` without `WithOne`/`WithMany` is not evaluated", pending.Location);
    }

    /// <summary>Property calls shown with the column although they change nothing DATA_LAYER.json describes.</summary>
    private static readonly HashSet<string> PropertyNotes = new()
    {
        "HasDefaultValue", "HasDefaultValueSql", "HasComputedColumnSql", "ValueGeneratedOnAdd", "ValueGeneratedNever",
        "ValueGeneratedOnAddOrUpdate", "ValueGeneratedOnUpdate", "IsConcurrencyToken", "HasComment", "UseIdentityColumn", "UseHiLo", "UseSequence",
    };

    /// <summary>The builder call a call on the builder's metadata stands for (<c>builder.Metadata.FindProperty("Sku")?.SetMaxLength(30)</c>
    /// is <c>builder.Property("Sku").HasMaxLength(30)</c>, but for a property that does not exist, which EF skips and
    /// DataDocGen reports as not evaluated); the call's own name for any other call, or for arguments that are not
    /// constants (<c>SetMaxLength(null)</c> removes a length, <c>SetIsUnicode(null)</c> resets it: not evaluated).</summary>
    private static string MetadataCall(FluentStepSpec step)
    {
        bool Flag() => step.Arguments.Count == 1 && step.Arguments[0] is "true" or "false";
        bool Text() => step.Arguments.Count == 1 && step.Arguments[0].StartsWith("\"", System.StringComparison.Ordinal);
        return step.Method switch
        {
            "FindProperty" when Text() => "Property",
            "IndexerProperty" => "Property", // a property-bag entity type's (the scaffolder's join tables)
            "FindNavigation" when Text() => "Navigation",
            "SetMaxLength" when step.Arguments.Count == 1 && int.TryParse(step.Arguments[0], out _) => "HasMaxLength",
            "SetColumnName" when Text() => "HasColumnName",
            "SetIsUnicode" when Flag() => "IsUnicode",
            "SetIsConcurrencyToken" when Flag() => "IsConcurrencyToken",
            "SetPropertyAccessMode" => "UsePropertyAccessMode",
            "SetField" => "HasField",
            "SetComment" => "HasComment",
            _ => step.Method,
        };
    }

    private static readonly HashSet<string> PropertyFacets = new()
    {
        "HasMaxLength", "IsRequired", "HasColumnName", "HasPrecision", "IsUnicode", "IsFixedLength", "HasColumnType", "IsRowVersion", "HasConversion",
    };

    private void ApplyPropertyFacet(PropertyNode property, FluentStepSpec step)
    {
        switch (step.Method)
        {
            case "HasMaxLength":
                property.MaxLength = int.TryParse(step.Argument(0), out var length) ? length : null;
                if (property.MaxLength is null) builder.Unknown("`HasMaxLength` with a computed value", step.Location);
                break;
            case "IsRequired": property.Nullable = step.Argument(0) == "false" || property.InOptionalDependent; break;
            case "HasColumnName": property.ColumnName = Text(step, 0); break;
            case "HasPrecision":
                property.Precision = int.TryParse(step.Argument(0), out var precision) ? precision : null;
                property.Scale = int.TryParse(step.Argument(1), out var scale) ? scale : null;
                break;
            case "IsUnicode": property.Unicode = step.Argument(0) != "false"; break;
            case "IsFixedLength": property.FixedLength = step.Argument(0) != "false"; break;
            case "HasColumnType": property.ColumnType = Text(step, 0); break;
            case "IsRowVersion": property.RowVersion = true; break;
            case "HasConversion":
                property.Converted = true;
                property.Conversion = step.Converter;
                break;
        }
    }

    /// <summary>A shadow property declared with <c>Property&lt;T&gt;</c> of the discriminator's type <c>T</c> (<c>int?</c> is not <c>int</c>).</summary>
    private static bool SameType(PropertyNode property, string type) =>
        property.ClrType == type && (type == "System.String" || !property.Nullable);

    /// <summary>An enum property (its provider type is the enum's underlying type), whether or not a converter maps it.</summary>
    private static bool IsEnumProperty(PropertyNode property) => property.ProviderClrType != property.ClrType;

    /// <summary>A <c>HasValue</c> argument as written: a string, an int, or a member of the discriminator's enum
    /// (<c>NoticeKind.Reminder</c>); null for anything else.</summary>
    private static string? DiscriminatorValue(DiscriminatorNode discriminator, FluentStepSpec step)
    {
        if (discriminator.ClrType == "System.String") return Text(step, 0);
        if (discriminator.ClrType == "System.Int32")
        {
            return int.TryParse(step.Argument(0), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _) ? step.Argument(0) : null;
        }
        var enumName = discriminator.ClrType.Substring(discriminator.ClrType.LastIndexOfAny(new[] { '.', '+' }) + 1);
        return step.Argument(0) is { } member && member.StartsWith(enumName + ".", System.StringComparison.Ordinal) && member.IndexOf('.', enumName.Length + 1) < 0 ? member : null;
    }

    /// <summary>A call as code: <c>HasMaxLength(50)</c>, <c>HasColumnName("name")</c>.</summary>
    public static string Render(FluentStepSpec step) =>
        step.Method + (step.TypeArguments.Count == 0 ? "" : "<" + string.Join(", ", step.TypeArguments.Select(t => t.Substring(t.LastIndexOf('.') + 1))) + ">")
        + "(" + string.Join(", ", step.Arguments.Select(a => a.StartsWith("\"", System.StringComparison.Ordinal) ? "\"" + a.Substring(1) + "\""
                                                          : a.StartsWith("=", System.StringComparison.Ordinal) ? "x => x." + a.Substring(1)
                                                          : a.StartsWith(FluentChainParser.NameArray, System.StringComparison.Ordinal) ? "new[] { " + string.Join(", ", a.Substring(1).Split(',').Select(n => "\"" + n + "\"")) + " }"
                                                          : a)) + ")";

    /// <summary>A call as evidence: its code, and where library code made it (<see cref="EvidenceReport.Origin"/>).</summary>
    private static string Evidence(FluentStepSpec step) => Render(step) + (step.Origin is null ? "" : EvidenceReport.OriginSeparator + step.Origin);

    private static string Describe(FluentChainSpec chain) =>
        (chain.RootType ?? "?") + (chain.Steps.Count == 0 ? "" : chain.Steps[0].Method.StartsWith("=", System.StringComparison.Ordinal)
            ? "." + chain.Steps[0].Method.Substring(1) + " = ..." : "." + chain.Steps.FirstOrDefault(s => !ReadOnlyMetadata.Contains(s.Method))?.Method);

    /// <summary>A call on an index builder that shapes the index (entity types' and owned collections' alike).</summary>
    private static void ConfigureIndex(IndexNode index, FluentStepSpec step)
    {
        switch (step.Method)
        {
            case "IsUnique":
                index.Unique = step.Argument(0) != "false";
                break;
            case "HasDatabaseName" or "HasName":
                index.Name = Text(step, 0);
                break;
            case "HasFilter":
                index.Filter = step.Argument(0) == "null" ? null : Text(step, 0);
                index.FilterSet = true;
                break;
        }
    }

    /// <summary>Member names from <c>=A,B</c> (lambdas) or from string arguments; null when neither.</summary>
    internal static List<string>? Members(FluentStepSpec step)
    {
        if (step.Arguments.Count == 1 && (step.Arguments[0].StartsWith("=", System.StringComparison.Ordinal) || step.Arguments[0].StartsWith(FluentChainParser.NameArray, System.StringComparison.Ordinal)))
        {
            return step.Arguments[0].Substring(1).Split(',').ToList();
        }
        if (step.Arguments.Count > 0 && step.Arguments.All(a => a.StartsWith("\"", System.StringComparison.Ordinal)))
        {
            return step.Arguments.Select(a => a.Substring(1)).ToList();
        }
        return null;
    }

    /// <summary>The navigation of <c>OwnsOne/OwnsMany(x => x.Nav, ...)</c>, or of the string form; null for other forms.</summary>
    private static string? SimpleNavigation(FluentStepSpec step) =>
        step.Arguments.Count > 0 && step.Arguments[0] is { Length: > 1 } argument && (argument[0] == '=' && argument.IndexOf(',') < 0 || argument[0] == '"') ? argument.Substring(1) : null;

    private static string? Text(FluentStepSpec step, int index) =>
        step.Argument(index) is { } argument && argument.StartsWith("\"", System.StringComparison.Ordinal) ? argument.Substring(1) : null;

    private enum State { Entity, Key, AlternateKey, Index, Property, Navigation, Relationship, ManyToMany, Check, NavigationAccess, Owned, Discriminator }
}

/// <summary>The <c>HasOne</c>/<c>HasMany</c> half of a relationship chain, waiting for its <c>With*</c>.</summary>
internal sealed record NavigationStart(bool IsCollection, string? Navigation, string? TargetType, SourceLocation? Location)
{
    public string Method => IsCollection ? "HasMany" : "HasOne";
}
