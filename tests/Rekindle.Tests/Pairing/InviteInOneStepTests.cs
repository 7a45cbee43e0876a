using System.Globalization;
using System.Text.RegularExpressions;
using Rekindle.Testing;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using static Rekindle.Testing.Journeys;

namespace Rekindle.Tests.Pairing;

/// <summary>Issue 24, point 5: from "Start our space" straight to the link, the code and a QR code; Leave only with a partner.</summary>
public abstract partial class InviteInOneStepTests(RekindleFactory app)
{
    [Fact]
    public async Task Start_our_space_on_the_home_page_goes_straight_to_the_link_code_and_qr_without_a_leave_box()
    {
        var (ada, _) = await MemberAsync(app, "Ada");

        // One tap from the home page: its button posts the couple page's own invite form.
        var home = await ada.GetAsync("/");
        var invite = await ada.SubmitAsync(home, "invite");
        Assert.Equal("/couple", invite.Url.AbsolutePath);
        var link = invite.TextOf("#invite-link");
        Assert.Matches("/join\\?code=[A-Z2-9]{8}$", link);
        Assert.Matches("^[A-Z2-9]{4}-[A-Z2-9]{4}$", invite.TextOf("#invite-code"));

        // Copy and Share wait hidden for the script, which is our own; the QR code is inline, with a text alternative.
        Assert.NotNull(invite.Find("#copy-invite[hidden]"));
        Assert.NotNull(invite.Find("#share-invite[hidden]"));
        Assert.NotNull(invite.Find("script[src='/js/invite.js']"));
        var svg = invite.Find("svg#invite-qr")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.Equal("QR code of the invite link", invite.TextOf("#invite-qr-title"));
        Assert.Contains("point their phone's camera here", invite.TextOf("figure.invite-qr figcaption"), StringComparison.Ordinal);
        Assert.DoesNotContain("href", svg.OuterHtml, StringComparison.Ordinal);
        Assert.Equal(link, DecodeQr(svg.OuterHtml));

        // No partner yet: nothing to leave, only the invite to cancel, and not in red.
        Assert.Null(invite.Find("#leave-box"));
        Assert.DoesNotContain("Leave now", invite.Text, StringComparison.Ordinal);
        Assert.Null(invite.Find("button.danger"));
        var later = await ada.GetAsync("/couple");
        Assert.Null(later.Find("#leave-box"));
        Assert.Contains("Cancel this invite", later.Text, StringComparison.Ordinal);
        Assert.Null(later.Find("svg#invite-qr"));
        var cancelled = await ada.SubmitAsync(invite, "revoke");
        Assert.Contains("The invite is cancelled", cancelled.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_leave_box_appears_once_there_is_a_partner_to_leave()
    {
        var (bea, _) = await MemberAsync(app, "Bea");
        var (cal, _) = await MemberAsync(app, "Cal");
        await JoinAsync(cal, await InviteAsync(bea));

        foreach (var member in new[] { bea, cal })
        {
            var couple = await member.GetAsync("/couple");
            Assert.NotNull(couple.Find("#leave-box"));
            Assert.Contains("Leave now", couple.TextOf("#leave-box"), StringComparison.Ordinal);
            Assert.Null(couple.Find("#new-invite"));
        }
    }

    /// <summary>Draws the SVG's squares as pixels and reads them back with ZXing, a decoder that shares nothing with QRCoder.</summary>
    private static string DecodeQr(string svg)
    {
        var size = int.Parse(ViewBox().Match(svg).Groups[1].Value, CultureInfo.InvariantCulture);
        const int Scale = 4;
        var width = size * Scale;
        var pixels = Enumerable.Repeat((byte)255, width * width).ToArray();
        foreach (Match square in Square().Matches(svg))
        {
            var x = int.Parse(square.Groups[1].Value, CultureInfo.InvariantCulture);
            var y = int.Parse(square.Groups[2].Value, CultureInfo.InvariantCulture);
            for (var dy = 0; dy < Scale; dy++)
            {
                for (var dx = 0; dx < Scale; dx++)
                {
                    pixels[((y * Scale) + dy) * width + (x * Scale) + dx] = 0;
                }
            }
        }

        var source = new RGBLuminanceSource(pixels, width, width, RGBLuminanceSource.BitmapFormat.Gray8);
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)));
        Assert.NotNull(result);
        return result.Text;
    }

    [GeneratedRegex("viewBox=\"0 0 (\\d+) \\1\"")]
    private static partial Regex ViewBox();

    [GeneratedRegex("M(\\d+) (\\d+)h1v1h-1z")]
    private static partial Regex Square();
}

public sealed class InviteInOneStepTestsOnSqlite(SqliteApp app) : InviteInOneStepTests(app), IClassFixture<SqliteApp>;

public sealed class InviteInOneStepTestsOnPostgres(PostgresApp app) : InviteInOneStepTests(app), IClassFixture<PostgresApp>;
