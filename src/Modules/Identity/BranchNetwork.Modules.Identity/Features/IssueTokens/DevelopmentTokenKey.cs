using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace BranchNetwork.Modules.Identity.Features.IssueTokens;

/// <summary>
/// The token key of a Development or demo node that has no certificate: one RSA key kept in the data folder, so a restart
/// neither generates keys before it can answer nor invalidates the tokens it issued (ADR 0027). Production configures
/// <c>OpenIddict:SigningCertificatePath</c> and never reaches this.
/// </summary>
internal static class DevelopmentTokenKey
{
    public const string DefaultPath = "data/token-key.pem";

    public static RsaSecurityKey LoadOrCreate(string path)
    {
        var rsa = RSA.Create();
        if (TryImport(rsa, path))
        {
            return new RsaSecurityKey(rsa);
        }

        rsa.Dispose();
        rsa = RSA.Create(2048);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        // Written beside the target and moved into place without overwriting: hosts starting together (the test suite
        // starts many) all end up with the one key that was moved first.
        var candidate = $"{path}.{Guid.NewGuid():N}.tmp";
        File.WriteAllText(candidate, rsa.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(candidate, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        try
        {
            File.Move(candidate, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(candidate);
            rsa.Dispose();
            rsa = RSA.Create();
            if (!TryImport(rsa, path))
            {
                throw new InvalidOperationException($"The development token key '{path}' cannot be read; delete it to have a new one made.");
            }
        }

        return new RsaSecurityKey(rsa);
    }

    private static bool TryImport(RSA rsa, string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }

        var pem = File.ReadAllText(path);
        if (pem.Length == 0)
        {
            return false;
        }

        rsa.ImportFromPem(pem);
        return true;
    }
}
