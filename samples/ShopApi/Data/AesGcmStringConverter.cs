using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Shop.Data;

/// <summary>
/// Stores a string column encrypted with AES-GCM (a random 96-bit nonce per value, a 128-bit tag), as base64 of
/// nonce | tag | ciphertext. The encryption is randomised: the column can be neither searched nor indexed.
/// </summary>
public sealed class AesGcmStringConverter(byte[] key) : ValueConverter<string, string>(
    plain => Encrypt(plain, key),
    stored => Decrypt(stored, key))
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private static string Encrypt(string plain, byte[] key)
    {
        var plainBytes = Encoding.UTF8.GetBytes(plain);
        var buffer = new byte[NonceSize + TagSize + plainBytes.Length];
        RandomNumberGenerator.Fill(buffer.AsSpan(0, NonceSize));
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(buffer.AsSpan(0, NonceSize), plainBytes, buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize));
        return Convert.ToBase64String(buffer);
    }

    private static string Decrypt(string stored, byte[] key)
    {
        var buffer = Convert.FromBase64String(stored);
        var plainBytes = new byte[buffer.Length - NonceSize - TagSize];
        using var aes = new AesGcm(key, TagSize);
        aes.Decrypt(buffer.AsSpan(0, NonceSize), buffer.AsSpan(NonceSize + TagSize), buffer.AsSpan(NonceSize, TagSize), plainBytes);
        return Encoding.UTF8.GetString(plainBytes);
    }
}
