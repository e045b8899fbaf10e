using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Clinic.Data;

/// <summary>Encrypts a column with ASP.NET Core Data Protection before it is written, and decrypts it when read.</summary>
public sealed class EncryptedStringConverter(IDataProtector protector)
    : ValueConverter<string, string>(value => protector.Protect(value), stored => protector.Unprotect(stored));
