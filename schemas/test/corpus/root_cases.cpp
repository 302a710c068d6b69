// Cases about a whole document rather than one field.
#include "corpus.hpp"

namespace heymilo::corpus {
namespace {

using test::Json;
using test::JsonArray;
using test::JsonObject;

// A key spelled with its first character as a \u escape: the same key once decoded.
std::string escaped_key(const std::string& key) {
  char escape[8];
  std::snprintf(escape, sizeof escape, "\\u%04x", static_cast<unsigned char>(key.front()));
  return "\"" + std::string(escape) + key.substr(1) + "\"";
}

std::string nested_arrays(std::size_t depth) {
  return std::string(depth, '[') + std::string(depth, ']');
}

}  // namespace

void add_root_cases(Document document, const std::string& base_name, const Json& base,
                    std::vector<Case>& cases) {
  const auto add = [&](const std::string& what, const std::string& json,
                       const std::string& exclusion = "") {
    cases.push_back({base_name + " " + what, exclusion.empty() ? "mutation" : "excluded", document,
                     json, exclusion});
  };
  for (const char* root : {"null", "true", "1", "\"text\"", "[]", "{}", "[{}]"})
    add(std::string("root ") + root, root);
  if (!base.is_object()) return;

  // Every member of the root: its key escaped (the same key), and repeated through an escape.
  for (std::size_t i = 0; i < base.object().size(); ++i) {
    const std::string key = base.object()[i].first;
    Json renamed = base, repeated = base;
    RawTokens raw;
    renamed.object()[i].first = raw.key(escaped_key(key));
    add("key " + key + " escaped", raw.write(renamed));
    repeated.object().emplace_back(raw.key(escaped_key(key)), base.object()[i].second);
    add("key " + key + " repeated escaped", raw.write(repeated), "duplicate_key");
  }

  // An unknown member holding what JSON Schema validators do not see or do not limit.
  const auto with_unknown = [&](const std::string& raw_value) {
    Json copy = base;
    RawTokens raw;
    copy.object().emplace_back("x_unknown", raw.value(raw_value));
    return raw.write(copy);
  };
  add("unknown member nested 1000 deep", with_unknown(nested_arrays(999)));
  add("unknown member nested 1100 deep", with_unknown(nested_arrays(1099)), "depth_limit");
  add("unknown member 1e300", with_unknown("1e300"));
  add("unknown member 2^63", with_unknown("9223372036854775808"));
  for (const char* number : {"1e400", "-1e400", "18446744073709551616", "-9223372036854775809",
                             "123456789012345678901234567890"})
    add(std::string("unknown member ") + number, with_unknown(number), "unknown_number_limits");
  add("unknown member lone surrogate", with_unknown(R"("\udc00")"), "lone_surrogate");
}

void add_url_cases(const Json& base, std::vector<Case>& cases) {
  // Each branch of is_http_url (src/json_text.cpp): scheme, banned characters, userinfo,
  // IPv6 literals, ports, the end of the authority.
  static const std::string kUrls[] = {"http://example.com",
                                      "https://example.com/hooks?a=1&b=2#frag",
                                      "HTTP://EXAMPLE.COM",
                                      "hTtPs://h",
                                      "https://h",
                                      "http://h:",
                                      "https://h:8443/x",
                                      "https://h:port",
                                      "https://a:b:c",
                                      "https://user:pw@host:8080/p",
                                      "https://@host",
                                      "http://a@b@c/d",
                                      "https://user@",
                                      "https://user@:80",
                                      "https://u@/path",
                                      "https://[::1]/x",
                                      "https://[::1]:8443",
                                      "https://[v1.fe]",
                                      "https://[x]junk",
                                      "https://[]",
                                      "https://[",
                                      "https://[::1",
                                      "https://u@[::1]",
                                      "https://u@[]",
                                      "https://[::1]@h",
                                      "https://]",
                                      "https://h]",
                                      "https://a[b",
                                      "https://ex\\ample.com",
                                      "https://例え.jp/パス",
                                      "https://h/ü?q=ß#ñ",
                                      "https://a\u00a0b",
                                      "https://a\u2028b",
                                      "https://a/\u0085",
                                      "https://a/\u0080b",
                                      "https://a?\u009f",
                                      "https://a/\u00a1",
                                      "https://a\u1680b",
                                      "https://a/\u2000",
                                      "https://a/\u200a",
                                      "https://a/\u200b",
                                      "https://a/\u202f",
                                      "https://a/\u205f",
                                      "https://a/\u3000",
                                      "https://a/\u3001",
                                      "http://",
                                      "https://",
                                      "http:/example.com",
                                      "http:example.com",
                                      "http//example.com",
                                      "httpss://x",
                                      "htp://x",
                                      "ftp://example.com",
                                      "mailto:someone@example.com",
                                      "//example.com",
                                      "example.com",
                                      "",
                                      "https://:8080",
                                      "https://:",
                                      "https:///path",
                                      "https://?q",
                                      "https://#f",
                                      "https://h?",
                                      "https://h#",
                                      "https://h/",
                                      "https://a/b@c",
                                      "https://a?b@c",
                                      "https://a#b@c",
                                      " https://example.com",
                                      "https://example.com ",
                                      "https://exa mple.com",
                                      "https://example.com/a b",
                                      "https://example.com\t",
                                      "\thttps://example.com",
                                      "https://example.com\n",
                                      "https://example.com\r",
                                      "https://ex\x7f"
                                      "ample.com",
                                      "https://example.com/\x1f",
                                      std::string("https://example.com/\0", 21),
                                      "https://example.com/\x7e",
                                      "https://example.com/%20",
                                      "HTTPS://[::1]:0/"};
  const auto& fields = tables::describe(Document::webhook_create_request).fields;
  for (const tables::FieldInfo& field : fields) {
    if (field.check != tables::Check::http_url) continue;
    for (const std::string& url : kUrls) {
      Json copy = base;
      *copy.find(field.name) = Json{url};
      cases.push_back({"webhook_create_request url " + test::to_json(Json{url}), "url",
                       Document::webhook_create_request, test::to_json(copy), ""});
    }
  }
}

}  // namespace heymilo::corpus
