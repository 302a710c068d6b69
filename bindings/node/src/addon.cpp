// The `heymilo` Node.js addon: validate(input, options) and parse(input, options) over the C++
// library, with node-addon-api. A JavaScript thread (the main one or a worker) keeps its own
// parser. Built with C++ exceptions (NAPI_CPP_EXCEPTIONS): a failed N-API call throws.

#include <napi.h>

#include <iterator>
#include <span>
#include <string>

#include "../../common/request.hpp"
#include "ascii_json.hpp"

namespace heymilo::bindings::node {
namespace {

// Per environment (main thread or worker): the HeyMiloValidationError class that
// lib/index.js registers.
struct Instance {
  Napi::FunctionReference validation_error;
};

Instance& instance(Napi::Env env) { return *env.GetInstanceData<Instance>(); }

// A string's UTF-8 bytes, copied into a buffer the thread keeps (with the parser's padding,
// so the parser reads it in place). V8 writes a lone surrogate as U+FFFD.
PaddedInput utf8_of(const Napi::String& text) {
  thread_local std::string buffer;
  std::size_t size = 0;
  const napi_env env = text.Env();
  NAPI_THROW_IF_FAILED_VOID(env, napi_get_value_string_utf8(env, text, nullptr, 0, &size));
  buffer.resize(size);
  buffer.reserve(size + kPadding + 1);
  NAPI_THROW_IF_FAILED_VOID(env,
                            napi_get_value_string_utf8(env, text, buffer.data(), size + 1, &size));
  return {buffer, buffer.capacity()};
}

Result<AnyDocument> run_input(const Napi::Value& input, const Request& request) {
  const napi_env env = input.Env();
  bool typed_array = false;
  NAPI_THROW_IF_FAILED_VOID(env, napi_is_typedarray(env, input, &typed_array));
  if (typed_array) {
    napi_typedarray_type type;
    std::size_t length = 0;
    void* data = nullptr;
    NAPI_THROW_IF_FAILED_VOID(
        env, napi_get_typedarray_info(env, input, &type, &length, &data, nullptr, nullptr));
    if (type == napi_uint8_array)
      return run(std::string_view(static_cast<const char*>(data), length), request);
  } else if (input.IsString()) {
    return run(utf8_of(input.As<Napi::String>()), request);
  }
  throw Napi::TypeError::New(env, "heymilo: the input must be a Buffer, a Uint8Array or a string");
}

// A count lib/index.js has checked (a safe non-negative integer); anything else reads as 0.
std::size_t read_count(const Napi::Value& value) {
  const std::int64_t count = value.As<Napi::Number>().Int64Value();
  return count > 0 ? static_cast<std::size_t>(count) : 0;
}

// The options, which lib/index.js reads and checks: JavaScript reads an object's properties
// in far less time than N-API calls (0.6 us a call, more than validating a small payload).
// They come as the arguments after the input (six at most, as node-addon-api keeps that many
// without allocating): the document's index in kAllDocuments (-1: detect it), flags (1:
// lenient, 2: drift), maxErrors, maxBytes and maxDepth. Without them, the defaults.
Request read_request(const Napi::CallbackInfo& info) {
  Request request;
  if (info.Length() < 6) return request;
  const std::int32_t document = info[1].As<Napi::Number>().Int32Value();
  if (document >= 0 && static_cast<std::size_t>(document) < std::size(kAllDocuments))
    request.document = kAllDocuments[static_cast<std::size_t>(document)];
  const std::uint32_t flags = info[2].As<Napi::Number>().Uint32Value();
  request.options.mode = (flags & 1) != 0 ? Mode::lenient : Mode::strict;
  request.options.drift = (flags & 2) != 0;
  request.options.max_errors = read_count(info[3]);
  request.options.max_bytes = read_count(info[4]);
  request.options.max_depth = read_count(info[5]);
  return request;
}

// Errors and warnings as {code, path, offset, message} objects.
template <class Issue>
Napi::Array issues_of(Napi::Env env, std::span<const Issue> found) {
  auto issues = Napi::Array::New(env, found.size());
  for (std::size_t i = 0; i < found.size(); ++i) {
    auto issue = Napi::Object::New(env);
    const std::string_view code = to_string(found[i].code);
    issue.Set("code", Napi::String::New(env, code.data(), code.size()));
    issue.Set("path", Napi::String::New(env, found[i].path.data(), found[i].path.size()));
    issue.Set("offset", Napi::Number::New(env, static_cast<double>(found[i].offset)));
    issue.Set("message", Napi::String::New(env, found[i].message.data(), found[i].message.size()));
    issues.Set(static_cast<std::uint32_t>(i), issue);
  }
  return issues;
}

Napi::Value event_name(Napi::Env env) {
  const auto document = last_read_as();
  if (!document) return env.Null();
  const std::string_view name = to_string(*document);
  return Napi::String::New(env, name.data(), name.size());
}

// For validate() in lib/index.js. The common case, valid without warnings, comes back as the
// index of the document in kAllDocuments, and lib/index.js builds the result object: a
// JavaScript literal costs far less than the N-API calls that would build it here, which on a
// small payload took as long as the validation.
Napi::Value validate(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const auto result = run_input(info[0], read_request(info));
  const std::span<const Warning> warnings = last_warnings();
  if (result.ok() && warnings.empty())
    return Napi::Number::New(env, static_cast<double>(document_of(*result)));
  auto out = Napi::Object::New(env);
  out.Set("valid", Napi::Boolean::New(env, result.ok()));
  out.Set("event", event_name(env));
  out.Set("errors", issues_of(env, result.errors()));
  out.Set("warnings", issues_of(env, warnings));
  return out;
}

// For parse() in lib/index.js, which reads it with JSON.parse: the canonical JSON of the views
// in ASCII, as a one-byte string (a copy). Measured faster than building the objects through
// N-API calls, and than UTF-8 text (bindings/README.md).
Napi::Value ascii_json(const Napi::CallbackInfo& info) {
  const Napi::Env env = info.Env();
  const auto result = run_input(info[0], read_request(info));
  if (!result) {
    const std::string message = to_string(result.error());
    const Napi::Object error = instance(env).validation_error.New(
        {Napi::String::New(env, message), issues_of(env, result.errors())});
    throw Napi::Error(env, error);
  }
  thread_local std::string json;  // kept: a warm thread allocates nothing here
  json.clear();
  append_ascii_json(json, *result);
  napi_value text;
  NAPI_THROW_IF_FAILED_VOID(env, napi_create_string_latin1(env, json.data(), json.size(), &text));
  return {env, text};
}

// lib/index.js hands over its error class once, at load.
void set_error_class(const Napi::CallbackInfo& info) {
  instance(info.Env()).validation_error = Napi::Persistent(info[0].As<Napi::Function>());
}

Napi::Object init(Napi::Env env, Napi::Object exports) {
  auto* data = new Instance;
  env.SetInstanceData(data);
  exports.Set("validate", Napi::Function::New(env, validate, "validate"));
  exports.Set("asciiJson", Napi::Function::New(env, ascii_json, "asciiJson"));
  exports.Set("setErrorClass", Napi::Function::New(env, set_error_class, "setErrorClass"));
  auto defaults = Napi::Object::New(env);
  const Options options;
  defaults.Set("maxErrors", Napi::Number::New(env, static_cast<double>(options.max_errors)));
  defaults.Set("maxBytes", Napi::Number::New(env, static_cast<double>(options.max_bytes)));
  defaults.Set("maxDepth", Napi::Number::New(env, static_cast<double>(options.max_depth)));
  exports.Set("defaults", defaults);
  auto documents = Napi::Array::New(env);
  for (Document document : kAllDocuments) {
    const std::string_view name = to_string(document);
    documents.Set(documents.Length(), Napi::String::New(env, name.data(), name.size()));
  }
  exports.Set("documents", documents);
  return exports;
}

}  // namespace
}  // namespace heymilo::bindings::node

// NODE_API_MODULE names a function in the global namespace.
static Napi::Object heymilo_init(Napi::Env env, Napi::Object exports) {
  return heymilo::bindings::node::init(env, exports);
}
NODE_API_MODULE(heymilo, heymilo_init)
