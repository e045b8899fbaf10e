using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore;

namespace Fleet
{
    public class Garage
    {
        public int Id { get; set; }
        public string City { get; set; } = "";
        public List<Vehicle> Vehicles { get; } = new();
    }
    public abstract class Vehicle
    {
        public int Id { get; set; }
        public string Registration { get; set; } = "";
        public int GarageId { get; set; }
        public Garage Garage { get; set; } = null!;
    }
    public class Car : Vehicle { public int Seats { get; set; } }
    public class Truck : Vehicle { public decimal PayloadTonnes { get; set; } public string? TrailerCode { get; set; } }
    public class ElectricCar : Car { public int RangeKm { get; set; } }
    public class FleetContext(DbContextOptions<FleetContext> options) : DbContext(options)
    {
        public DbSet<Garage> Garages => Set<Garage>();
        public DbSet<Vehicle> Vehicles => Set<Vehicle>();
        public DbSet<Car> Cars => Set<Car>();
        public DbSet<Truck> Trucks => Set<Truck>();
        public DbSet<ElectricCar> ElectricCars => Set<ElectricCar>();
        protected override void OnConfiguring(DbContextOptionsBuilder b) { if (!b.IsConfigured) b.UseSqlServer("Server=fleet.internal;Database=Fleet;User Id=fleet;Password=Fleet-S3cret"); }
    }
}
