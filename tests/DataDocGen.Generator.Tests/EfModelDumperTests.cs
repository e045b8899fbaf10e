using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataDocGen.Generator.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Blogging = DataDocGen.Generator.Tests.DumperModels.Blogging;
using Store = DataDocGen.Generator.Tests.DumperModels.Store;

namespace DataDocGen.Generator.Tests
{
    /// <summary>
    /// Tests of the fidelity tests' EF Core side: <see cref="EfModelDumper"/> against hand-written expectations on small
    /// models declared below, and <see cref="JsonDiff"/>. The comments say what EF Core 10.0.15 (Npgsql 10.0.3) was seen
    /// to compute: they document EF, not DataDocGen.
    /// </summary>
    public class EfModelDumperTests
    {
        private const string B = "DataDocGen.Generator.Tests.DumperModels.Blogging.";
        private const string S = "DataDocGen.Generator.Tests.DumperModels.Store.";

        // ---- shape and format ----

        [Fact]
        public void Dump_is_one_context_object_with_fixed_property_order_2_space_indent_LF_and_a_trailing_newline()
        {
            var json = Dump(typeof(Blogging.BlogContext), "SqlServer");

            Assert.StartsWith("{\n  \"name\": \"BlogContext\",\n  \"fullName\": \"" + B + "BlogContext\",\n  \"provider\": \"SqlServer\",\n  \"tables\": [\n    {\n      \"name\": ", json);
            Assert.EndsWith("\n}\n", json);
            Assert.DoesNotContain("\r", json);
            Assert.DoesNotContain("\\u002B", json); // Ns.Outer+Inner stays readable (checked on the Store model below too)

            var context = Parse(json);
            Assert.Equal(["name", "fullName", "provider", "tables", "views", "relationships"], Names(context));
            var table = Table(context, "Posts");
            Assert.Equal(["name", "schema", "entities", "columns", "primaryKey", "foreignKeys", "indexes", "uniqueConstraints", "checkConstraints"], Names(table));
            Assert.Equal(["name", "clrType", "nullable", "maxLength", "storeType"], Names(Column(table, "BlogId")));
            Assert.Equal(["name", "columns"], Names(table.GetProperty("primaryKey")));
            Assert.Equal(["name", "columns", "principalTable", "principalColumns", "onDelete"], Names(Named(table, "foreignKeys", "FK_Posts_Blogs_BlogId")));
            Assert.Equal(["name", "columns", "unique", "filter"], Names(Named(table, "indexes", "IX_Posts_BlogId")));
            Assert.Equal(["principal", "dependent", "cardinality", "principalNavigation", "dependentNavigation", "required", "joinTable"],
                Names(context.GetProperty("relationships")[0]));
        }

        [Fact]
        public void Named_things_are_sorted_ordinally_by_name_and_columns_inside_keys_keep_EFs_order()
        {
            var context = Parse(Dump(typeof(Store.StoreContext), "SqlServer"));

            // Tables by name, then schema: "CategoryLinks" is in catalog, "Companies" in crm, the rest in sales.
            Assert.Equal(["Categories", "CategoryLinks", "Companies", "CompanyPerson", "Orders", "Parties", "People"],
                Strings(context.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name"))));
            foreach (var table in context.GetProperty("tables").EnumerateArray())
            {
                foreach (var array in new[] { "columns", "foreignKeys", "indexes", "uniqueConstraints", "checkConstraints" })
                {
                    var names = Strings(table.GetProperty(array).EnumerateArray().Select(e => e.GetProperty("name")));
                    Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
                }
            }
            // Column order of the composite key is the key's (EF: RelatedId, RelatedToId as configured with HasKey).
            Assert.Equal(["RelatedId", "RelatedToId"], Strings(Table(context, "CategoryLinks").GetProperty("primaryKey").GetProperty("columns")));
        }

        // ---- the blog model ----

        [Theory]
        [InlineData("SqlServer")]
        [InlineData("Sqlite")]
        [InlineData("Npgsql")]
        public void Tables_list_the_entity_types_whose_main_table_they_are(string provider)
        {
            var context = Parse(Dump(typeof(Blogging.BlogContext), provider));

            Assert.Equal(provider, context.GetProperty("provider").GetString()); // the contract's names are the CreateContext names
            Assert.Equal(["Authors", "Blogs", "PostTag", "Posts", "Tags"], Strings(context.GetProperty("tables").EnumerateArray().Select(t => t.GetProperty("name"))));
            Assert.Empty(context.GetProperty("views").EnumerateArray());
            // EF: no schema anywhere (SQL Server's dbo is implicit and reported as null).
            Assert.All(context.GetProperty("tables").EnumerateArray(), t => Assert.Equal(JsonValueKind.Null, t.GetProperty("schema").ValueKind));
            // TPH: the whole hierarchy in one table.
            Assert.Equal([B + "FeaturedPost", B + "Post", B + "SponsoredPost"], Strings(Table(context, "Posts").GetProperty("entities")));
            // OwnsOne twice with the same CLR type: EF names the owned types "Author.Address#Address" and
            // "Author.Office#Address"; both are written (once) by their CLR name.
            Assert.Equal([B + "Address", B + "Author"], Strings(Table(context, "Authors").GetProperty("entities")));
            // The implicit join entity is a Dictionary<string, object> property bag named "PostTag" by EF.
            Assert.Equal(["PostTag"], Strings(Table(context, "PostTag").GetProperty("entities")));
        }

        [Theory]
        [InlineData("SqlServer", "int")]
        [InlineData("Sqlite", "INTEGER")]
        [InlineData("Npgsql", "integer")]
        public void Implicit_many_to_many_join_table(string provider, string intType)
        {
            var context = Parse(Dump(typeof(Blogging.BlogContext), provider));
            var postTag = Table(context, "PostTag");

            // EF 10 names the join columns navigation + principal key property: Post's key is PostId, so "PostsPostId"
            // (not "PostsId"); Tag's key is Id, so "TagsId".
            Assert.Equal(["PostsPostId", "TagsId"], ColumnNames(postTag));
            Assert.Equal(["PostsPostId", "TagsId"], Strings(postTag.GetProperty("primaryKey").GetProperty("columns")));
            Assert.Equal("PK_PostTag", postTag.GetProperty("primaryKey").GetProperty("name").GetString());
            Assert.Equal(intType, Column(postTag, "PostsPostId").GetProperty("storeType").GetString());
            Assert.False(Column(postTag, "TagsId").GetProperty("nullable").GetBoolean());

            // Both join FKs cascade (EF's default for join entities), on every provider.
            var toPosts = Named(postTag, "foreignKeys", "FK_PostTag_Posts_PostsPostId");
            Assert.Equal(["PostsPostId"], Strings(toPosts.GetProperty("columns")));
            Assert.Equal("Posts", toPosts.GetProperty("principalTable").GetString());
            Assert.Equal(["PostId"], Strings(toPosts.GetProperty("principalColumns")));
            Assert.Equal("Cascade", toPosts.GetProperty("onDelete").GetString());
            Assert.Equal("Cascade", Named(postTag, "foreignKeys", "FK_PostTag_Tags_TagsId").GetProperty("onDelete").GetString());
            // EF indexes only the second FK column: the first is covered by the primary key.
            Assert.Equal(["IX_PostTag_TagsId"], Strings(postTag.GetProperty("indexes").EnumerateArray().Select(i => i.GetProperty("name"))));

            // One ManyToMany relationship for the pair of skip navigations, none for the join entity's two FKs.
            var manyToMany = Relationship(context, B + "Post", B + "Tag", "Tags", "Posts");
            Assert.Equal("ManyToMany", manyToMany.GetProperty("cardinality").GetString());
            Assert.False(manyToMany.GetProperty("required").GetBoolean());
            Assert.Equal("PostTag", manyToMany.GetProperty("joinTable").GetString());
            Assert.DoesNotContain(Relationships(context), r => r.GetProperty("dependent").GetString() == "PostTag");
        }

        [Theory]
        [InlineData("SqlServer", "[Url] IS NOT NULL")]
        [InlineData("Sqlite", null)]
        [InlineData("Npgsql", null)]
        public void Unique_index_on_a_nullable_column(string provider, string? filter)
        {
            var blogs = Table(Parse(Dump(typeof(Blogging.BlogContext), provider)), "Blogs");
            var index = Named(blogs, "indexes", "IX_Blogs_Url");

            Assert.True(index.GetProperty("unique").GetBoolean());
            Assert.Equal(["Url"], Strings(index.GetProperty("columns")));
            // EF's SQL Server provider adds "[Url] IS NOT NULL" to unique indexes over nullable columns (SQL Server allows
            // one NULL per unique index otherwise); SQLite and PostgreSQL allow many NULLs, and EF adds no filter there.
            Assert.Equal(filter, index.GetProperty("filter").GetString());
            Assert.True(Column(blogs, "Url").GetProperty("nullable").GetBoolean());
            // No configured max length: SQL Server's nvarchar(450) comes from the index (key-sized string), not a facet.
            Assert.Equal(JsonValueKind.Null, Column(blogs, "Url").GetProperty("maxLength").ValueKind);
            if (provider == "SqlServer") Assert.Equal("nvarchar(450)", Column(blogs, "Url").GetProperty("storeType").GetString());
        }

        [Theory]
        [InlineData("SqlServer")]
        [InlineData("Sqlite")]
        [InlineData("Npgsql")]
        public void OnDelete_of_required_optional_and_self_referencing_foreign_keys(string provider)
        {
            var context = Parse(Dump(typeof(Blogging.BlogContext), provider));

            // Required (int BlogId): DeleteBehavior.Cascade → CASCADE.
            Assert.Equal("Cascade", Named(Table(context, "Posts"), "foreignKeys", "FK_Posts_Blogs_BlogId").GetProperty("onDelete").GetString());
            // Optional (int? AuthorId): EF's default DeleteBehavior.ClientSetNull → NO ACTION in the database (not SetNull).
            Assert.Equal("NoAction", Named(Table(context, "Posts"), "foreignKeys", "FK_Posts_Authors_AuthorId").GetProperty("onDelete").GetString());
            // Optional self-reference: also ClientSetNull → NoAction.
            var self = Named(Table(context, "Blogs"), "foreignKeys", "FK_Blogs_Blogs_ParentBlogId");
            Assert.Equal("NoAction", self.GetProperty("onDelete").GetString());
            Assert.Equal("Blogs", self.GetProperty("principalTable").GetString());
            Assert.Equal(["ParentBlogId"], Strings(self.GetProperty("columns")));
            Assert.Equal(["Id"], Strings(self.GetProperty("principalColumns")));

            var selfRelationship = Relationship(context, B + "Blog", B + "Blog", "Mirrors", "ParentBlog");
            Assert.Equal("OneToMany", selfRelationship.GetProperty("cardinality").GetString());
            Assert.False(selfRelationship.GetProperty("required").GetBoolean());
            Assert.True(Relationship(context, B + "Blog", B + "Post", "Posts", "Blog").GetProperty("required").GetBoolean());
            // A dependent-only navigation: Post.Author, nothing on Author.
            Assert.False(Relationship(context, B + "Author", B + "Post", null, "Author").GetProperty("required").GetBoolean());
        }

        [Theory]
        [InlineData("SqlServer", "nvarchar(80)", "nvarchar(max)")]
        [InlineData("Sqlite", "TEXT", "TEXT")]
        [InlineData("Npgsql", "character varying(80)", "text")]
        public void Owned_columns_are_prefixed_and_their_nullability_follows_the_navigation(string provider, string cityType, string streetType)
        {
            var context = Parse(Dump(typeof(Blogging.BlogContext), provider));
            var authors = Table(context, "Authors");

            Assert.Equal(["Address_City", "Address_Street", "Address_Zip", "Id", "Name", "Office_City", "Office_Street", "Office_Zip"], ColumnNames(authors));
            // Optional navigation (Address?): every owned column is nullable, even the non-nullable Street.
            Assert.True(Column(authors, "Address_Street").GetProperty("nullable").GetBoolean());
            Assert.True(Column(authors, "Address_City").GetProperty("nullable").GetBoolean());
            // Required navigation (Navigation(a => a.Office).IsRequired()): the owned type's own nullability holds.
            Assert.False(Column(authors, "Office_Street").GetProperty("nullable").GetBoolean());
            Assert.True(Column(authors, "Office_Zip").GetProperty("nullable").GetBoolean());
            // [MaxLength(80)] on Address.City applies to both owned copies.
            Assert.Equal(80, Column(authors, "Address_City").GetProperty("maxLength").GetInt32());
            Assert.Equal(80, Column(authors, "Office_City").GetProperty("maxLength").GetInt32());
            Assert.Equal(cityType, Column(authors, "Office_City").GetProperty("storeType").GetString());
            Assert.Equal(streetType, Column(authors, "Office_Street").GetProperty("storeType").GetString());
            Assert.Equal("System.String", Column(authors, "Office_City").GetProperty("clrType").GetString());

            // Ownerships are relationships: OneToOne, required, principal → owned type, no navigation back.
            foreach (var navigation in new[] { "Address", "Office" })
            {
                var ownership = Relationship(context, B + "Author", B + "Address", navigation, null);
                Assert.Equal("OneToOne", ownership.GetProperty("cardinality").GetString());
                Assert.True(ownership.GetProperty("required").GetBoolean());
            }
        }

        [Theory]
        [InlineData("SqlServer", "nvarchar(13)")]
        [InlineData("Sqlite", "TEXT")]
        [InlineData("Npgsql", "character varying(13)")]
        public void TPH_discriminator_and_sibling_columns(string provider, string discriminatorType)
        {
            var context = Parse(Dump(typeof(Blogging.BlogContext), provider));
            var posts = Table(context, "Posts");

            var discriminator = Column(posts, "Discriminator");
            Assert.Equal("System.String", discriminator.GetProperty("clrType").GetString());
            Assert.False(discriminator.GetProperty("nullable").GetBoolean());
            // EF sets the discriminator's max length to the longest discriminator value: "SponsoredPost" is 13
            // ("Post" 4, "FeaturedPost" 12). It is a configured facet, so maxLength is 13 on every provider.
            Assert.Equal(13, discriminator.GetProperty("maxLength").GetInt32());
            Assert.Equal(discriminatorType, discriminator.GetProperty("storeType").GetString());
            // Derived types' columns are nullable in the shared table, even Sponsor, a non-nullable string.
            Assert.True(Column(posts, "Sponsor").GetProperty("nullable").GetBoolean());
            Assert.True(Column(posts, "Headline").GetProperty("nullable").GetBoolean());
            // int? AuthorId: clrType is the unwrapped System.Int32; nullability is in "nullable".
            Assert.Equal("System.Int32", Column(posts, "AuthorId").GetProperty("clrType").GetString());
            Assert.True(Column(posts, "AuthorId").GetProperty("nullable").GetBoolean());
            Assert.Equal(["PostId"], Strings(posts.GetProperty("primaryKey").GetProperty("columns")));
            // [MaxLength(200)]
            Assert.Equal(200, Column(Table(context, "Blogs"), "Title").GetProperty("maxLength").GetInt32());
        }

        // ---- the store model: schemas, TPT, views, JSON, complex types, constraints ----

        [Fact]
        public void TPT_links_are_foreign_key_constraints_but_not_relationships()
        {
            var context = Parse(Dump(typeof(Store.StoreContext), "SqlServer"));

            // HasDefaultSchema("sales"), Companies explicitly in crm.
            Assert.Equal("crm", Table(context, "Companies").GetProperty("schema").GetString());
            Assert.Equal([S + "Party"], Strings(Table(context, "Parties").GetProperty("entities")));
            Assert.Equal([S + "Person"], Strings(Table(context, "People").GetProperty("entities")));
            Assert.Equal(["Id", "VatNumber"], ColumnNames(Table(context, "Companies")));

            // EF 10 has an entity-model FK Person → Party on the primary key (IsBaseLinking() is true) and maps it to a
            // cascading PK-to-PK constraint; principalTable is schema-qualified.
            var link = Named(Table(context, "People"), "foreignKeys", "FK_People_Parties_Id");
            Assert.Equal(["Id"], Strings(link.GetProperty("columns")));
            Assert.Equal("sales.Parties", link.GetProperty("principalTable").GetString());
            Assert.Equal("Cascade", link.GetProperty("onDelete").GetString());
            Assert.Equal("sales.Parties", Named(Table(context, "Companies"), "foreignKeys", "FK_Companies_Parties_Id").GetProperty("principalTable").GetString());
            // The base links are left out of relationships.
            Assert.DoesNotContain(Relationships(context), r => r.GetProperty("principal").GetString() == S + "Party"
                                                               && r.GetProperty("dependent").GetString() is S + "Person" or S + "Company");
        }

        [Fact]
        public void Views_have_columns_but_no_keys_or_constraints()
        {
            var context = Parse(Dump(typeof(Store.StoreContext), "SqlServer"));
            var view = Assert.Single(context.GetProperty("views").EnumerateArray());

            Assert.Equal("OrderSummaries", view.GetProperty("name").GetString());
            Assert.Equal("reporting", view.GetProperty("schema").GetString());
            Assert.Equal([S + "OrderSummary"], Strings(view.GetProperty("entities")));
            Assert.Equal(["Number", "Total"], ColumnNames(view));
            Assert.Equal("nvarchar(max)", Column(view, "Number").GetProperty("storeType").GetString());
            Assert.Equal(JsonValueKind.Null, view.GetProperty("primaryKey").ValueKind);
            foreach (var array in new[] { "foreignKeys", "indexes", "uniqueConstraints", "checkConstraints" })
            {
                Assert.Empty(view.GetProperty(array).EnumerateArray());
            }
            Assert.DoesNotContain(context.GetProperty("tables").EnumerateArray(), t => t.GetProperty("name").GetString() == "OrderSummaries");
        }

        [Fact]
        public void Column_types_keys_and_constraints_of_a_table_with_json_and_complex_columns()
        {
            var json = Dump(typeof(Store.StoreContext), "SqlServer");
            var orders = Table(Parse(json), "Orders");

            // Owned types stored as JSON in the owner's table have it as their main table; nested types as Outer+Inner.
            Assert.Equal([S + "Order", S + "Order+Line", S + "Shipping"], Strings(orders.GetProperty("entities")));
            Assert.Contains("\"" + S + "Order+Line\"", json);
            Assert.Equal(["CustomerId", "Discount_Amount", "Discount_Currency", "Id", "Number", "OrderLines", "Shipping", "Status", "Total"], ColumnNames(orders));
            // A converted strongly-typed id keeps its model type (the provider type is int).
            Assert.Equal(S + "OrderId", Column(orders, "Id").GetProperty("clrType").GetString());
            Assert.Equal("int", Column(orders, "Id").GetProperty("storeType").GetString());
            // An enum keeps its type; EF stores it as int.
            Assert.Equal(S + "OrderStatus", Column(orders, "Status").GetProperty("clrType").GetString());
            Assert.Equal("int", Column(orders, "Status").GetProperty("storeType").GetString());
            Assert.Equal("decimal(18,2)", Column(orders, "Total").GetProperty("storeType").GetString());
            // JSON container columns (ToJson) map no property: clrType is the owned type, maxLength null; EF 10 stores them
            // as nvarchar(max) (SQL Server's json type only with UseAzureSql or compatibility level 170). A required
            // OwnsOne (non-nullable Shipping) gives a NOT NULL column, an OwnsMany a nullable one.
            Assert.Equal(S + "Shipping", Column(orders, "Shipping").GetProperty("clrType").GetString());
            Assert.False(Column(orders, "Shipping").GetProperty("nullable").GetBoolean());
            Assert.Equal("nvarchar(max)", Column(orders, "Shipping").GetProperty("storeType").GetString());
            Assert.Equal(S + "Order+Line", Column(orders, "OrderLines").GetProperty("clrType").GetString());
            Assert.True(Column(orders, "OrderLines").GetProperty("nullable").GetBoolean());
            Assert.Equal(JsonValueKind.Null, Column(orders, "OrderLines").GetProperty("maxLength").ValueKind);
            // An optional complex property (Money?): prefixed, nullable columns; [MaxLength(3)] is kept.
            Assert.Equal(3, Column(orders, "Discount_Currency").GetProperty("maxLength").GetInt32());
            Assert.True(Column(orders, "Discount_Currency").GetProperty("nullable").GetBoolean());
            Assert.Equal("System.Decimal", Column(orders, "Discount_Amount").GetProperty("clrType").GetString());
            // A complex collection stored as JSON: the element type.
            var categories = Table(Parse(json), "Categories");
            Assert.Equal(S + "Translation", Column(categories, "Translations").GetProperty("clrType").GetString());
            Assert.Equal([S + "Category"], Strings(categories.GetProperty("entities"))); // complex types are not entities

            Assert.Equal("PK_Orders", orders.GetProperty("primaryKey").GetProperty("name").GetString());
            // The alternate key is a unique constraint (and, being key-sized, makes Number nvarchar(450)); the primary key is not listed.
            var alternateKey = Assert.Single(orders.GetProperty("uniqueConstraints").EnumerateArray());
            Assert.Equal("AK_Orders_Number", alternateKey.GetProperty("name").GetString());
            Assert.Equal(["Number"], Strings(alternateKey.GetProperty("columns")));
            Assert.Equal("nvarchar(450)", Column(orders, "Number").GetProperty("storeType").GetString());
            var check = Assert.Single(orders.GetProperty("checkConstraints").EnumerateArray());
            Assert.Equal("CK_Orders_Total", check.GetProperty("name").GetString());
            Assert.Equal("[Total] >= 0", check.GetProperty("sql").GetString());
            // OnDelete(DeleteBehavior.Restrict) → RESTRICT.
            Assert.Equal("Restrict", Named(orders, "foreignKeys", "FK_Orders_Parties_CustomerId").GetProperty("onDelete").GetString());
            Assert.Equal("sales.Parties", Named(orders, "foreignKeys", "FK_Orders_Parties_CustomerId").GetProperty("principalTable").GetString());

            var context = Parse(json);
            var lines = Relationship(context, S + "Order", S + "Order+Line", "Lines", null);
            Assert.Equal("OneToMany", lines.GetProperty("cardinality").GetString()); // OwnsMany
            Assert.True(lines.GetProperty("required").GetBoolean());
            Assert.Equal("OneToOne", Relationship(context, S + "Order", S + "Shipping", "Shipping", null).GetProperty("cardinality").GetString());
        }

        [Theory]
        [InlineData("SqlServer", "NoAction")]
        [InlineData("Sqlite", "Cascade")]
        public void Many_to_many_with_a_configured_join_table_and_a_unidirectional_one(string provider, string firstLinkOnDelete)
        {
            var context = Parse(Dump(typeof(Store.StoreContext), provider));

            // A self-referencing many-to-many through a property bag "CategoryLinks" in schema catalog.
            var links = Relationship(context, S + "Category", S + "Category", "Related", "RelatedTo");
            Assert.Equal("ManyToMany", links.GetProperty("cardinality").GetString());
            Assert.Equal("catalog.CategoryLinks", links.GetProperty("joinTable").GetString());
            Assert.Equal(["CategoryLinks"], Strings(Table(context, "CategoryLinks").GetProperty("entities")));
            // Two cascading paths from Categories: EF's SQL Server provider turns one into ClientCascade, which the
            // database sees as NO ACTION; SQLite keeps both Cascade.
            var table = Table(context, "CategoryLinks");
            Assert.Equal(firstLinkOnDelete, Named(table, "foreignKeys", "FK_CategoryLinks_Categories_RelatedId").GetProperty("onDelete").GetString());
            Assert.Equal("Cascade", Named(table, "foreignKeys", "FK_CategoryLinks_Categories_RelatedToId").GetProperty("onDelete").GetString());

            // HasMany(c => c.Staff).WithMany(): EF 10 adds a shadow skip navigation "Company" on Person; it is no CLR
            // navigation, so that end is written without one. The implicit join table is CompanyPerson (CompanyId, StaffId).
            var staff = Relationship(context, S + "Company", S + "Person", "Staff", null);
            Assert.Equal("sales.CompanyPerson", staff.GetProperty("joinTable").GetString());
            Assert.Equal(["CompanyId", "StaffId"], ColumnNames(Table(context, "CompanyPerson")));
            Assert.Equal("crm.Companies", Named(Table(context, "CompanyPerson"), "foreignKeys", "FK_CompanyPerson_Companies_CompanyId").GetProperty("principalTable").GetString());

            // Sorted by (principal, dependent, principalNavigation, dependentNavigation), ordinally, null first.
            var keys = Relationships(context).Select(RelationshipKey).ToList();
            Assert.Equal(keys.OrderBy(k => k, StringComparer.Ordinal), keys);
            Assert.Equal(5, keys.Count); // 2 many-to-many, Lines, Shipping, Order.Customer; no TPT links, no join FKs
        }

        // ---- CreateContext ----

        [Fact]
        public void A_context_configured_in_OnConfiguring_is_created_as_it_is_and_non_relational_providers_have_no_tables()
        {
            using var context = EfModelDumper.CreateContext(typeof(Store.LegacyContext), "SqlServer");
            var dump = Parse(EfModelDumper.Dump(context));

            // LegacyContext only has a parameterless constructor and calls UseInMemoryDatabase itself.
            Assert.Equal("InMemory", dump.GetProperty("provider").GetString());
            Assert.Equal("Microsoft.EntityFrameworkCore.InMemory", context.Database.ProviderName);
            Assert.Empty(dump.GetProperty("tables").EnumerateArray());
            Assert.Empty(dump.GetProperty("views").EnumerateArray());
            // Relationships still come from the entity model: Company.Staff (List<Person>) without inverse is a
            // one-to-many by convention here (no many-to-many configured), optional.
            var staff = Assert.Single(Relationships(dump));
            Assert.Equal(S + "Company", staff.GetProperty("principal").GetString());
            Assert.Equal(S + "Person", staff.GetProperty("dependent").GetString());
            Assert.Equal("OneToMany", staff.GetProperty("cardinality").GetString());
            Assert.Equal("Staff", staff.GetProperty("principalNavigation").GetString());
            Assert.False(staff.GetProperty("required").GetBoolean());
            Assert.Equal(JsonValueKind.Null, staff.GetProperty("joinTable").ValueKind);
        }

        [Fact]
        public void CreateContext_passes_options_to_either_constructor_and_rejects_unknown_providers()
        {
            using (var generic = EfModelDumper.CreateContext(typeof(Blogging.BlogContext), "Npgsql"))
            {
                Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", generic.Database.ProviderName);
            }
            using (var nonGeneric = EfModelDumper.CreateContext(typeof(Store.StoreContext), "Sqlite"))
            {
                Assert.Equal("Microsoft.EntityFrameworkCore.Sqlite", nonGeneric.Database.ProviderName);
            }
            Assert.Throws<ArgumentException>(() => EfModelDumper.CreateContext(typeof(Blogging.BlogContext), "Oracle"));
            Assert.Throws<ArgumentException>(() => EfModelDumper.CreateContext(typeof(string), "SqlServer"));
            Assert.False(File.Exists("fidelity.db")); // nothing connected
        }

        [Fact]
        public void Provider_names_map_to_the_contract()
        {
            Assert.Equal("SqlServer", EfModelDumper.ProviderName("Microsoft.EntityFrameworkCore.SqlServer"));
            Assert.Equal("Npgsql", EfModelDumper.ProviderName("Npgsql.EntityFrameworkCore.PostgreSQL"));
            Assert.Equal("Sqlite", EfModelDumper.ProviderName("Microsoft.EntityFrameworkCore.Sqlite"));
            Assert.Equal("MySql", EfModelDumper.ProviderName("Pomelo.EntityFrameworkCore.MySql"));
            Assert.Equal("MySql", EfModelDumper.ProviderName("MySql.EntityFrameworkCore"));
            Assert.Equal("Cosmos", EfModelDumper.ProviderName("Microsoft.EntityFrameworkCore.Cosmos"));
            Assert.Equal("InMemory", EfModelDumper.ProviderName("Microsoft.EntityFrameworkCore.InMemory"));
            Assert.Equal("Oracle", EfModelDumper.ProviderName("Oracle.EntityFrameworkCore"));
            Assert.Null(EfModelDumper.ProviderName("Some.Other.Provider"));
            Assert.Null(EfModelDumper.ProviderName(null));
        }

        // ---- JsonDiff ----

        [Fact]
        public void JsonDiff_finds_nothing_between_equal_documents_whatever_their_property_order_and_layout()
        {
            var dump = Dump(typeof(Store.StoreContext), "SqlServer");
            Assert.Null(JsonDiff.Describe(dump, dump));
            Assert.Null(JsonDiff.Describe(dump, JsonNode.Parse(dump)!.ToJsonString())); // compact vs indented
            Assert.Null(JsonDiff.Describe("""{"a": 1, "b": [true, null, "x"]}""", """{"b":[true,null,"x"],"a":1.0}"""));
        }

        [Fact]
        public void JsonDiff_describes_planted_differences_by_key_not_by_index()
        {
            var expected = Dump(typeof(Blogging.BlogContext), "SqlServer");
            var actual = JsonNode.Parse(expected)!;
            var posts = actual["tables"]!.AsArray().Single(t => (string?)t!["name"] == "Posts")!;
            posts["columns"]!.AsArray().Single(c => (string?)c!["name"] == "BlogId")!["nullable"] = true;
            var foreignKeys = posts["foreignKeys"]!.AsArray();
            foreignKeys.Remove(foreignKeys.Single(f => (string?)f!["name"] == "FK_Posts_Blogs_BlogId"));
            foreignKeys.Add(new JsonObject { ["name"] = "FK_Extra", ["columns"] = new JsonArray(), ["principalTable"] = "X", ["principalColumns"] = new JsonArray(), ["onDelete"] = "Cascade" });
            posts["entities"] = new JsonArray(B + "SponsoredPost", B + "Post", B + "FeaturedPost");
            var manyToMany = actual["relationships"]!.AsArray().Single(r => (string?)r!["cardinality"] == "ManyToMany")!;
            manyToMany["joinTable"] = null;
            actual["provider"] = "Sqlite";

            var description = JsonDiff.Describe(expected, actual.ToJsonString());

            Assert.NotNull(description);
            Assert.Equal(
                [
                    "EF Core and DataDocGen differ in 6 places:",
                    "$.provider: EF Core \"SqlServer\", DataDocGen \"Sqlite\"",
                    $"$.tables[Posts].entities: order differs: EF Core [{B}FeaturedPost, {B}Post, {B}SponsoredPost], DataDocGen [{B}SponsoredPost, {B}Post, {B}FeaturedPost]",
                    "$.tables[Posts].columns[BlogId].nullable: EF Core false, DataDocGen true",
                    "$.tables[Posts].foreignKeys: missing in DataDocGen: FK_Posts_Blogs_BlogId",
                    "$.tables[Posts].foreignKeys: unexpected in DataDocGen: FK_Extra",
                    $"$.relationships[{B}Post:Tags -> {B}Tag:Posts].joinTable: EF Core \"PostTag\", DataDocGen null",
                ],
                description!.Split('\n'));

            // The labels are the caller's.
            Assert.StartsWith("expected and actual differ in 1 place:\n$.a: expected 1, actual 2", JsonDiff.Describe("""{"a":1}""", """{"a":2}""", "expected", "actual"));
        }

        [Fact]
        public void JsonDiff_reports_missing_properties_kind_changes_list_changes_and_stays_bounded()
        {
            var description = JsonDiff.Describe(
                """{"a": 1, "b": {"c": [1, 2]}, "d": ["x", "y"], "e": [[1], [2]], "f": "s"}""",
                """{"b": {"c": [2, 1]}, "d": ["x", "z"], "e": [[1]], "f": {"g": 1}, "h": null}""")!;
            Assert.Equal(
                [
                    "EF Core and DataDocGen differ in 7 places:",
                    "$.a: missing in DataDocGen (EF Core 1)",
                    "$.b.c: order differs: EF Core [1, 2], DataDocGen [2, 1]",
                    "$.d: missing in DataDocGen: y",
                    "$.d: unexpected in DataDocGen: z",
                    "$.e: EF Core has 2 items, DataDocGen 1",
                    "$.f: EF Core \"s\", DataDocGen {\"g\":1}",
                    "$.h: unexpected in DataDocGen (DataDocGen null)",
                ],
                description.Split('\n'));

            // 200 differences: at most 60 lines, and it says how many are left out.
            var many = JsonDiff.Describe(
                "{" + string.Join(",", Enumerable.Range(0, 200).Select(i => $"\"p{i}\": {i}")) + "}",
                "{" + string.Join(",", Enumerable.Range(0, 200).Select(i => $"\"p{i}\": {i + 1}")) + "}")!;
            var lines = many.Split('\n');
            Assert.True(lines.Length <= 60, lines.Length + " lines");
            Assert.Equal("EF Core and DataDocGen differ in 200 places:", lines[0]);
            Assert.Equal("... and 142 more", lines[^1]);
        }

        // ---- helpers ----

        private static string Dump(Type contextType, string provider)
        {
            using var context = EfModelDumper.CreateContext(contextType, provider);
            return EfModelDumper.Dump(context);
        }

        private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();

        private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).ToArray();

        private static string[] Strings(JsonElement array) => Strings(array.EnumerateArray());

        private static string[] Strings(IEnumerable<JsonElement> items) => items.Select(i => i.GetString()!).ToArray();

        private static JsonElement Table(JsonElement context, string name) =>
            context.GetProperty("tables").EnumerateArray().Single(t => t.GetProperty("name").GetString() == name);

        private static JsonElement Named(JsonElement table, string array, string name) =>
            Assert.Single(table.GetProperty(array).EnumerateArray(), e => e.GetProperty("name").GetString() == name);

        private static JsonElement Column(JsonElement table, string name) => Named(table, "columns", name);

        private static string[] ColumnNames(JsonElement table) => Strings(table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name")));

        private static List<JsonElement> Relationships(JsonElement context) => context.GetProperty("relationships").EnumerateArray().ToList();

        private static JsonElement Relationship(JsonElement context, string principal, string dependent, string? principalNavigation, string? dependentNavigation) =>
            Assert.Single(Relationships(context), r => r.GetProperty("principal").GetString() == principal
                                                      && r.GetProperty("dependent").GetString() == dependent
                                                      && r.GetProperty("principalNavigation").GetString() == principalNavigation
                                                      && r.GetProperty("dependentNavigation").GetString() == dependentNavigation);

        /// <summary>The sort key, with null navigations as "" so that ordinal order puts them first.</summary>
        private static string RelationshipKey(JsonElement r) => string.Join("\u0000",
            new[] { "principal", "dependent", "principalNavigation", "dependentNavigation" }.Select(p => r.GetProperty(p).GetString() ?? ""));
    }
}

namespace DataDocGen.Generator.Tests.DumperModels.Blogging
{
    public class Blog
    {
        public int Id { get; set; }
        [MaxLength(200)] public string Title { get; set; } = "";
        public string? Url { get; set; }
        public int? ParentBlogId { get; set; }
        public Blog? ParentBlog { get; set; }
        public List<Blog> Mirrors { get; set; } = new();
        public List<Post> Posts { get; set; } = new();
    }

    public class Post
    {
        public int PostId { get; set; }
        public string Title { get; set; } = "";
        public int BlogId { get; set; }
        public Blog Blog { get; set; } = null!;
        public int? AuthorId { get; set; }
        public Author? Author { get; set; }
        public List<Tag> Tags { get; set; } = new();
    }

    public class FeaturedPost : Post { public string? Headline { get; set; } }

    public class SponsoredPost : Post { public string Sponsor { get; set; } = ""; }

    public class Tag
    {
        public int Id { get; set; }
        public string Label { get; set; } = "";
        public List<Post> Posts { get; set; } = new();
    }

    public class Author
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public Address? Address { get; set; }
        public Address Office { get; set; } = null!;
    }

    public class Address
    {
        public string Street { get; set; } = "";
        [MaxLength(80)] public string City { get; set; } = "";
        public string? Zip { get; set; }
    }

    public class BlogContext(DbContextOptions<BlogContext> options) : DbContext(options)
    {
        public DbSet<Blog> Blogs => Set<Blog>();
        public DbSet<Post> Posts => Set<Post>();
        public DbSet<Tag> Tags => Set<Tag>();
        public DbSet<Author> Authors => Set<Author>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<Blog>().HasIndex(b => b.Url).IsUnique();
            modelBuilder.Entity<Blog>().HasOne(b => b.ParentBlog).WithMany(b => b.Mirrors).HasForeignKey(b => b.ParentBlogId);
            modelBuilder.Entity<FeaturedPost>();
            modelBuilder.Entity<SponsoredPost>();
            modelBuilder.Entity<Author>().OwnsOne(a => a.Address);
            modelBuilder.Entity<Author>().OwnsOne(a => a.Office);
            modelBuilder.Entity<Author>().Navigation(a => a.Office).IsRequired();
        }
    }
}

namespace DataDocGen.Generator.Tests.DumperModels.Store
{
    public abstract class Party
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
    }

    public class Person : Party { public DateOnly? Birthday { get; set; } }

    public class Company : Party
    {
        public string VatNumber { get; set; } = "";
        public List<Person> Staff { get; set; } = new();
    }

    public enum OrderStatus { Open, Shipped }

    public readonly record struct OrderId(int Value);

    public class Money
    {
        public decimal Amount { get; set; }
        [MaxLength(3)] public string Currency { get; set; } = "";
    }

    public class Order
    {
        public OrderId Id { get; set; }
        public string Number { get; set; } = "";
        public OrderStatus Status { get; set; }
        public decimal Total { get; set; }
        public Money? Discount { get; set; }
        public int CustomerId { get; set; }
        public Party Customer { get; set; } = null!;
        public Shipping Shipping { get; set; } = null!;
        public List<Line> Lines { get; set; } = new();

        public class Line
        {
            public string Sku { get; set; } = "";
            public int Quantity { get; set; }
        }
    }

    public class Shipping
    {
        public string Carrier { get; set; } = "";
        public DateTime? ShippedAt { get; set; }
    }

    public class OrderSummary
    {
        public string Number { get; set; } = "";
        public decimal Total { get; set; }
    }

    public class Translation
    {
        public string Culture { get; set; } = "";
        public string? Text { get; set; }
    }

    public class Category
    {
        public int Id { get; set; }
        public string Name { get; set; } = "";
        public List<Translation> Translations { get; set; } = new();
        public List<Category> Related { get; set; } = new();
        public List<Category> RelatedTo { get; set; } = new();
    }

    /// <summary>Takes the non-generic DbContextOptions.</summary>
    public class StoreContext(DbContextOptions options) : DbContext(options)
    {
        public DbSet<Party> Parties => Set<Party>();
        public DbSet<Order> Orders => Set<Order>();
        public DbSet<OrderSummary> Summaries => Set<OrderSummary>();
        public DbSet<Category> Categories => Set<Category>();

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.HasDefaultSchema("sales");
            modelBuilder.Entity<Party>().UseTptMappingStrategy();
            modelBuilder.Entity<Person>().ToTable("People");
            modelBuilder.Entity<Company>().ToTable("Companies", "crm");
            modelBuilder.Entity<Company>().HasMany(c => c.Staff).WithMany();
            modelBuilder.Entity<Order>(b =>
            {
                b.Property(o => o.Id).HasConversion(id => id.Value, value => new OrderId(value));
                b.HasAlternateKey(o => o.Number);
                b.Property(o => o.Total).HasPrecision(18, 2);
                b.ComplexProperty(o => o.Discount, d => d.Property(m => m.Amount).HasPrecision(18, 2));
                b.ToTable(t => t.HasCheckConstraint("CK_Orders_Total", "[Total] >= 0"));
                b.OwnsOne(o => o.Shipping, s => s.ToJson());
                b.OwnsMany(o => o.Lines, l => l.ToJson("OrderLines"));
                b.HasOne(o => o.Customer).WithMany().OnDelete(DeleteBehavior.Restrict);
            });
            modelBuilder.Entity<OrderSummary>().HasNoKey().ToView("OrderSummaries", "reporting");
            // A complex collection must be stored as JSON. (EF 10.0.15 fails building the relational model when the
            // TPT root Party has one: "An item with the same key has already been added", hence Category.)
            modelBuilder.Entity<Category>().ComplexCollection(c => c.Translations, t => t.ToJson());
            modelBuilder.Entity<Category>().HasMany(c => c.Related).WithMany(c => c.RelatedTo)
                .UsingEntity<Dictionary<string, object>>("CategoryLinks",
                    r => r.HasOne<Category>().WithMany().HasForeignKey("RelatedToId"),
                    l => l.HasOne<Category>().WithMany().HasForeignKey("RelatedId"),
                    j => j.ToTable("CategoryLinks", "catalog").HasKey("RelatedId", "RelatedToId"));
        }
    }

    /// <summary>Only a parameterless constructor: configures its own (non-relational) provider.</summary>
    public class LegacyContext : DbContext
    {
        public DbSet<Party> Parties => Set<Party>();
        public DbSet<Company> Companies => Set<Company>();

        protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) => optionsBuilder.UseInMemoryDatabase("legacy");
    }
}
