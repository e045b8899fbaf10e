using System.Threading.Tasks;
using Bogus;
using Microsoft.EntityFrameworkCore;
using Shop.Domain;

namespace Shop.Data;

/// <summary>Fills an empty development database with generated customers (never run outside Development).</summary>
public static class DevelopmentSeeder
{
    public static async Task SeedAsync(ShopContext db)
    {
        if (await db.Customers.AnyAsync()) return;
        var customers = new Faker<Customer>()
            .UseSeed(1234)
            .RuleFor(c => c.DisplayName, f => f.Name.FullName())
            .RuleFor(c => c.Email, (f, c) => f.Internet.Email(c.DisplayName))
            .Generate(100);
        db.Customers.AddRange(customers);
        await db.SaveChangesAsync();
    }
}
