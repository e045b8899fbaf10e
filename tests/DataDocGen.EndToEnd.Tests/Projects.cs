namespace DataDocGen.EndToEnd.Tests;

/// <summary>Project files and sources for the consumer scenarios.</summary>
public static class Projects
{
    public const string EfCoreVersion = "10.0.15";

    public static string Library(string extraProperties = "", string framework = "<TargetFramework>net10.0</TargetFramework>", string efVersion = EfCoreVersion) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            {framework}
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            {extraProperties}
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="DataDocGen" Version="{PackageFixture.Version}" />
            <PackageReference Include="Microsoft.EntityFrameworkCore.Sqlite" Version="{efVersion}" />
          </ItemGroup>
        </Project>
        """;

    public const string ShopContext = """
        using Microsoft.EntityFrameworkCore;

        namespace Shop.Data;

        public class Order
        {
            public int Id { get; set; }
        }

        public class ShopContext : DbContext
        {
            public DbSet<Order> Orders => Set<Order>();

            protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
                optionsBuilder.UseSqlite("Data Source=shop.db;Password=Lib-S3cret");
        }
        """;
}
