using Ardalis.Specification;
using Microsoft.EntityFrameworkCore;

namespace Clinic.Data;

public interface IRepository<T> where T : class
{
    Task<T?> GetByIdAsync(int id, CancellationToken cancellationToken = default);
    Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);
    void Add(T entity);
    void Remove(T entity);
}

/// <summary>Reads and writes any entity of the clinic database; saving is the unit of work's job.</summary>
public class Repository<T>(ClinicContext db) : IRepository<T> where T : class
{
    public async Task<T?> GetByIdAsync(int id, CancellationToken cancellationToken = default) =>
        await db.Set<T>().FindAsync([id], cancellationToken);

    /// <summary>Applies what the clinic's specifications use: criteria, order, paging and tracking.</summary>
    public Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default)
    {
        var query = WhereEvaluator.Instance.GetQuery(db.Set<T>(), specification);
        query = OrderEvaluator.Instance.GetQuery(query, specification);
        query = PaginationEvaluator.Instance.GetQuery(query, specification);
        if (specification.AsNoTracking) query = query.AsNoTracking();
        return query.ToListAsync(cancellationToken);
    }

    public void Add(T entity) => db.Set<T>().Add(entity);

    public void Remove(T entity) => db.Set<T>().Remove(entity);
}
