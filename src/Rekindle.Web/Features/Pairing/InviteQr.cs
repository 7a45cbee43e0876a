using System.Globalization;
using System.Net;
using System.Text;
using QRCoder;

namespace Rekindle.Web.Features.Pairing;

/// <summary>
/// The invite link as a QR code, drawn here as inline SVG from QRCoder's module matrix: the markup is
/// ours alone (one square per dark module, no text from the library), it loads nothing, and it is dark
/// on white with the quiet zone scanners need in both themes.
/// </summary>
public static class InviteQr
{
    public static string Svg(string link, string title)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }

        var side = size.ToString(CultureInfo.InvariantCulture);
        return new StringBuilder()
            .Append(
                CultureInfo.InvariantCulture,
                $"""<svg xmlns="http://www.w3.org/2000/svg" id="invite-qr" viewBox="0 0 {side} {side}" """
            )
            .Append("""width="220" height="220" role="img" aria-labelledby="invite-qr-title" shape-rendering="crispEdges">""")
            .Append("""<title id="invite-qr-title">""")
            .Append(WebUtility.HtmlEncode(title))
            .Append(CultureInfo.InvariantCulture, $"""</title><rect width="{side}" height="{side}" fill="#ffffff"/>""")
            .Append("<path fill=\"#000000\" d=\"")
            .Append(path)
            .Append("\"/></svg>")
            .ToString();
    }
}
