// The web page of `dyad serve`: static HTML, CSS and JavaScript built into
// the binary (no CDN, nothing fetched from elsewhere). The page calls the
// JSON API of the same origin only (src/serve/api.h).
#ifndef DYAD_SERVE_WEB_ASSETS_H_
#define DYAD_SERVE_WEB_ASSETS_H_

#include <string_view>
#include <vector>

namespace dyad::serve {

struct Asset {
  std::string_view path;          // "/", "/app.js", "/app.css"
  std::string_view content_type;  // with charset for text
  std::string_view body;
};

// Every asset, in a static vector (valid for the whole run).
const std::vector<Asset>& WebAssets();

// Sent with every asset: scripts, styles, images and requests from this
// origin only, no inline script or style, no framing, no form posts.
inline constexpr std::string_view kContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

struct Header {
  std::string_view name, value;
};
// The headers every asset is sent with: the Content-Security-Policy above,
// X-Frame-Options DENY (apps/cli/serve_main.cc adds nosniff, no-referrer
// and no-store to every reply).
const std::vector<Header>& PageHeaders();

}  // namespace dyad::serve

#endif  // DYAD_SERVE_WEB_ASSETS_H_
