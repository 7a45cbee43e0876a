using System.Buffers.Binary;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Rekindle.Web.Features.Account;

namespace Rekindle.Tests.Account;

/// <summary>The Argon2id hasher on its own (decisions/0023): format, verification, upgrades and hostile stored values.</summary>
public sealed partial class MemberPasswordHasherTests
{
    // Made with the reference implementation's command-line tool (Debian's "argon2" package):
    //   echo -n password | argon2 somesaltsomesalt -id -t 2 -k 19456 -p 1 -l 32
    private const string ReferenceHash =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE";
    private const string ReferencePassword = "password";

    // The same tool for "correct horse battery" with lower (8 MiB, 1 pass) and higher (3 passes) parameters.
    private const string ReferenceLower =
        "$argon2id$v=19$m=8192,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$HhdGxmsoo8pSkWu74EOdjWuyMCjKM2aof0XQCAMO4jU";
    private const string ReferenceHigher =
        "$argon2id$v=19$m=19456,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$fmdP4y8xTngdIKoK81BzZWl2PqUNWP/wTlUx+KyLr0g";
    private const string ReferenceHigherPassword = "correct horse battery";

    private readonly MemberPasswordHasher _hasher = new();
    private readonly Member _member = new();

    [GeneratedRegex(@"^\$argon2id\$v=19\$m=19456,t=2,p=1\$(?<salt>[A-Za-z0-9+/]{22})\$(?<hash>[A-Za-z0-9+/]{43})$")]
    private static partial Regex PhcString();

    [Fact]
    public void A_hash_is_the_PHC_string_with_a_fresh_salt_and_verifies_its_password()
    {
        const string password = "calm river under pines";
        var first = _hasher.HashPassword(_member, password);
        var second = _hasher.HashPassword(_member, password);

        var match = PhcString().Match(first);
        Assert.True(match.Success, first);
        Assert.Equal(16, Convert.FromBase64String(match.Groups["salt"].Value + "==").Length);
        Assert.Equal(32, Convert.FromBase64String(match.Groups["hash"].Value + "=").Length);
        Assert.NotEqual(PhcString().Match(second).Groups["salt"].Value, match.Groups["salt"].Value);

        Assert.Equal(PasswordVerificationResult.Success, _hasher.VerifyHashedPassword(_member, first, password));
        Assert.Equal(PasswordVerificationResult.Success, _hasher.VerifyHashedPassword(_member, second, password));
    }

    [Fact]
    public async Task The_async_methods_give_the_same_answers()
    {
        var hash = await _hasher.HashPasswordAsync("lanterns by the harbour");
        Assert.Matches(PhcString(), hash);
        Assert.Equal(PasswordVerificationResult.Success, await _hasher.VerifyHashedPasswordAsync(_member, hash, "lanterns by the harbour"));
        Assert.Equal(PasswordVerificationResult.Failed, await _hasher.VerifyHashedPasswordAsync(_member, hash, "lanterns by the harbor"));
        Assert.Equal(PasswordVerificationResult.Failed, await _hasher.VerifyHashedPasswordAsync(_member, null, "lanterns by the harbour"));
    }

    [Fact]
    public void A_hash_from_the_reference_implementation_verifies_so_the_format_is_standard()
    {
        Assert.Equal(PasswordVerificationResult.Success, _hasher.VerifyHashedPassword(_member, ReferenceHash, ReferencePassword));
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(_member, ReferenceHash, "Password"));

        // The password goes in as UTF-8, as there: printf '%s' 'pâté à la crème 🍓' | argon2 somesaltsomesalt -id -t 2 -k 19456 -p 1 -l 32
        const string accented = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$vuHs3ZOsGVqEyq5sEJBrkQ8aOhJtHW4UENBxTKRD5Og";
        Assert.Equal(PasswordVerificationResult.Success, _hasher.VerifyHashedPassword(_member, accented, "pâté à la crème 🍓"));
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(_member, accented, "pate a la creme 🍓"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("calm river under pine")]
    [InlineData("calm river under pines ")]
    [InlineData("Calm river under pines")]
    public void A_wrong_password_fails(string wrong)
    {
        var hash = _hasher.HashPassword(_member, "calm river under pines");
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(_member, hash, wrong));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void A_tampered_salt_or_hash_fails(int part)
    {
        var hash = _hasher.HashPassword(_member, "calm river under pines");
        var parts = hash.Split('$');
        var chars = parts[part].ToCharArray();
        chars[10] = chars[10] == 'A' ? 'B' : 'A';
        parts[part] = new string(chars);
        Assert.Equal(
            PasswordVerificationResult.Failed,
            _hasher.VerifyHashedPassword(_member, string.Join('$', parts), "calm river under pines")
        );
    }

    [Theory]
    [InlineData("m=19456,t=3,p=1")]
    [InlineData("m=19457,t=2,p=1")]
    public void Parameters_changed_in_a_stored_hash_fail(string settings)
    {
        var tampered = ReferenceHash.Replace("m=19456,t=2,p=1", settings, StringComparison.Ordinal);
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(_member, tampered, ReferencePassword));
    }

    // Every one is tried with the reference hash's own password: where the salt and hash parts are the
    // reference ones, a parser that let the oddity through would compute the same bytes and succeed.
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("garbage")]
    [InlineData("not base64 at all!")]
    [InlineData("$")]
    [InlineData("$argon2id$")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE$")]
    [InlineData("$argon2id$$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData(" $argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2i$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2d$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$ARGON2ID$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=16$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$t=2,m=19456,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=2$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1,x=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=019456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=+19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m= 19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=02,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=01$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=-19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=0$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=2$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    // Absurd work: above 1 GiB, or past what libsodium takes at all (which would throw if it got there).
    [InlineData("$argon2id$v=19$m=1048577,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=4294967296,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=99999999999999999999,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=11,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=4294967296,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    // Salt and hash of the wrong length, padded, URL-safe, with whitespace, or with stray trailing bits.
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2Fs$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdGE$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA==$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdB$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRz b21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPpt")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE=")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV-9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE")]
    [InlineData("$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptF")]
    [InlineData(
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$K13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptEK13EBUiG7JV+9ZxztmHFTdb7J0WQsnj2V8bZaqyPptE"
    )]
    // Things that look like Identity's base64 hashes but are not.
    [InlineData("AQ")]
    [InlineData("AQAAAAEAACcQAAAAEA")]
    [InlineData("AQAAAAEAACcQAAAAEA==")]
    [InlineData("Ag==")]
    [InlineData("AQAAAAIAAYag!AAAAEA==")]
    public async Task Malformed_or_absurd_stored_hashes_fail_without_throwing(string stored)
    {
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(_member, stored, ReferencePassword));
        Assert.Equal(PasswordVerificationResult.Failed, await _hasher.VerifyHashedPasswordAsync(_member, stored, ReferencePassword));
    }

    [Fact]
    public void A_very_long_stored_value_fails_without_throwing()
    {
        Assert.Equal(
            PasswordVerificationResult.Failed,
            _hasher.VerifyHashedPassword(_member, ReferenceHash + new string('A', 100_000), ReferencePassword)
        );
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(_member, new string('A', 100_000), ReferencePassword));
    }

    [Fact]
    public void A_hash_with_lower_parameters_verifies_and_asks_to_be_replaced()
    {
        const string password = "calm river under pines";
        Assert.Equal(
            PasswordVerificationResult.SuccessRehashNeeded,
            _hasher.VerifyHashedPassword(_member, MemberPasswordHasher.HashWith(password, MemberPasswordHasher.MemoryKiB, 1), password)
        );
        Assert.Equal(
            PasswordVerificationResult.SuccessRehashNeeded,
            _hasher.VerifyHashedPassword(_member, MemberPasswordHasher.HashWith(password, 8192, MemberPasswordHasher.Passes), password)
        );
        Assert.Equal(
            PasswordVerificationResult.SuccessRehashNeeded,
            _hasher.VerifyHashedPassword(_member, ReferenceLower, ReferenceHigherPassword)
        );

        Assert.Equal(
            PasswordVerificationResult.Failed,
            _hasher.VerifyHashedPassword(_member, MemberPasswordHasher.HashWith(password, 8192, 1), "calm river under pine")
        );
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(_member, ReferenceLower, ReferencePassword));
    }

    [Fact]
    public void A_hash_with_higher_parameters_is_kept()
    {
        Assert.Equal(PasswordVerificationResult.Success, _hasher.VerifyHashedPassword(_member, ReferenceHigher, ReferenceHigherPassword));
        Assert.Equal(
            PasswordVerificationResult.Success,
            _hasher.VerifyHashedPassword(
                _member,
                MemberPasswordHasher.HashWith("calm river under pines", 20 * 1024, 3),
                "calm river under pines"
            )
        );
    }

    [Fact]
    public void Identitys_own_hashes_verify_and_ask_to_be_replaced()
    {
        const string password = "calm river under pines";
        var v3 = new PasswordHasher<Member>().HashPassword(_member, password);
        Assert.Equal(0x01, Convert.FromBase64String(v3)[0]);
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, _hasher.VerifyHashedPassword(_member, v3, password));
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(_member, v3, "calm river under pine"));

        var v2 = new PasswordHasher<Member>(
            Options.Create(new PasswordHasherOptions { CompatibilityMode = PasswordHasherCompatibilityMode.IdentityV2 })
        ).HashPassword(_member, password);
        Assert.Equal(0x00, Convert.FromBase64String(v2)[0]);
        Assert.Equal(PasswordVerificationResult.SuccessRehashNeeded, _hasher.VerifyHashedPassword(_member, v2, password));
        Assert.Equal(PasswordVerificationResult.Failed, _hasher.VerifyHashedPassword(_member, v2, "calm river under pine"));
    }

    [Fact]
    public async Task An_Identity_hash_asking_for_absurd_iterations_fails_at_once()
    {
        // Identity would run PBKDF2 with whatever count the stored hash names: two billion would take hours.
        var bytes = Convert.FromBase64String(new PasswordHasher<Member>().HashPassword(_member, "calm river under pines"));
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(5, 4), int.MaxValue);
        var stored = Convert.ToBase64String(bytes);
        var result = await Task.Run(() => _hasher.VerifyHashedPassword(_member, stored, "calm river under pines"))
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(PasswordVerificationResult.Failed, result);
    }

    [Fact]
    public async Task Many_checks_at_once_all_get_their_own_answer()
    {
        var passwords = Enumerable.Range(0, 12).Select(i => $"password number {i}").ToList();
        var hashes = await Task.WhenAll(passwords.Select(p => _hasher.HashPasswordAsync(p)));
        var right = await Task.WhenAll(passwords.Select((p, i) => _hasher.VerifyHashedPasswordAsync(_member, hashes[i], p)));
        var crossed = await Task.WhenAll(
            passwords.Select((p, i) => Task.Run(() => _hasher.VerifyHashedPassword(_member, hashes[(i + 1) % hashes.Length], p)))
        );
        Assert.All(right, r => Assert.Equal(PasswordVerificationResult.Success, r));
        Assert.All(crossed, r => Assert.Equal(PasswordVerificationResult.Failed, r));
    }
}
