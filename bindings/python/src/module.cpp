// heymilo._heymilo: validate(...) and parse(...) for Python, over the C++ library. The
// document is validated with the GIL released, by a parser kept per thread; parse() builds
// dicts and lists from the views by walking the field tables (bindings/common/to_native.hpp).

#include <pybind11/pybind11.h>

#include <cstring>
#include <string>
#include <unordered_map>

#include "../../common/request.hpp"
#include "../../common/to_native.hpp"

namespace py = pybind11;

namespace heymilo::bindings::python {
namespace {

// One error or warning, as Python sees it.
struct PyIssue {
  std::string code;
  std::string path;
  std::int64_t offset;
  std::string message;
};

struct PyValidation {
  bool valid;
  py::object event;  // the document's name, or None
  py::list errors;
  py::list warnings;
};

// Objects that live as long as the process: never released, because they must not be
// touched after the interpreter has finalised.
struct Globals {
  py::object json_loads;
  py::object validation_error;
  std::unordered_map<const tables::FieldInfo*, py::object> keys;
};
Globals& globals() {
  static Globals* instance = new Globals;
  return *instance;
}

[[noreturn]] void throw_python_error() { throw py::error_already_set(); }

py::object steal(PyObject* object) {
  if (object == nullptr) throw_python_error();
  return py::reinterpret_steal<py::object>(object);
}

// Builds dicts, lists and scalars for to_native.hpp. Strings decode with "surrogatepass",
// as json.loads keeps an escaped lone surrogate.
struct Builder {
  using Value = py::object;
  using Object = py::dict;
  using Array = py::list;

  Value null() { return py::none(); }
  Value string(std::string_view text) {
    return steal(
        PyUnicode_DecodeUTF8(text.data(), static_cast<Py_ssize_t>(text.size()), "surrogatepass"));
  }
  Value number(double value) { return steal(PyFloat_FromDouble(value)); }
  Value integer(std::int64_t value) { return steal(PyLong_FromLongLong(value)); }
  Value boolean(bool value) { return py::bool_(value); }
  Value raw_json(std::string_view json) { return globals().json_loads(string(json)); }
  Object object() { return py::dict(); }
  template <class Make>
  void set(Object& object, const tables::FieldInfo& field, Make make) {
    const Value value = make();
    if (PyDict_SetItem(object.ptr(), key(field).ptr(), value.ptr()) != 0) throw_python_error();
  }
  Array array(std::size_t size) { return py::list(size); }
  template <class Make>
  void set(Array& array, std::size_t index, Make make) {
    PyList_SET_ITEM(array.ptr(), static_cast<Py_ssize_t>(index), make().release().ptr());
  }
  template <class Built>
  Value finish(Built built) {
    return built;
  }

  // The field's key as one interned str, made once per field.
  static const py::object& key(const tables::FieldInfo& field) {
    py::object& key = globals().keys[&field];
    if (!key) key = steal(PyUnicode_InternFromString(std::string(field.name).c_str()));
    return key;
  }
};

// The input's bytes: immutable objects (bytes, str) are read where they are; anything else
// with the buffer protocol (bytearray, memoryview, ...) is copied first, since another thread
// may change it while the GIL is released.
class Input {
 public:
  explicit Input(const py::handle& body) {
    if (PyBytes_Check(body.ptr())) {
      char* data = nullptr;
      Py_ssize_t size = 0;
      if (PyBytes_AsStringAndSize(body.ptr(), &data, &size) != 0) throw_python_error();
      json_ = {data, static_cast<std::size_t>(size)};
    } else if (PyUnicode_Check(body.ptr())) {
      read_str(body);
    } else if (PyObject_CheckBuffer(body.ptr())) {
      copy_buffer(body);
    } else {
      throw py::type_error("heymilo: the body must be bytes, bytearray, memoryview or str, not " +
                           std::string(Py_TYPE(body.ptr())->tp_name));
    }
  }

  Result<AnyDocument> run(const Request& request) const {
    py::gil_scoped_release released;
    return copied_ ? bindings::run(PaddedInput{json_, copy().capacity()}, request)
                   : bindings::run(json_, request);
  }

 private:
  // The thread's copy of a mutable buffer, kept so that a warm thread allocates nothing.
  static std::string& copy() {
    thread_local std::string buffer;
    return buffer;
  }

  void read_str(const py::handle& body) {
    Py_ssize_t size = 0;
    if (const char* data = PyUnicode_AsUTF8AndSize(body.ptr(), &size)) {
      json_ = {data, static_cast<std::size_t>(size)};
      return;
    }
    // A lone surrogate has no UTF-8 form: keep its bytes so that the library rejects them
    // as invalid UTF-8, like any other invalid input.
    PyErr_Clear();
    const py::object bytes = steal(PyUnicode_AsEncodedString(body.ptr(), "utf-8", "surrogatepass"));
    store_copy(PyBytes_AS_STRING(bytes.ptr()),
               static_cast<std::size_t>(PyBytes_GET_SIZE(bytes.ptr())));
  }

  void copy_buffer(const py::handle& body) {
    Py_buffer view;
    if (PyObject_GetBuffer(body.ptr(), &view, PyBUF_SIMPLE) != 0) throw_python_error();
    store_copy(static_cast<const char*>(view.buf), static_cast<std::size_t>(view.len));
    PyBuffer_Release(&view);
  }

  void store_copy(const char* data, std::size_t size) {
    std::string& buffer = copy();
    buffer.assign(data, size);
    buffer.reserve(size + kPadding);
    json_ = buffer;
    copied_ = true;
  }

  std::string_view json_;
  bool copied_ = false;
};

Request read_request(std::string_view event, bool lenient, std::size_t max_errors,
                     std::size_t max_bytes, std::size_t max_depth, bool drift) {
  Request request;
  if (!read_event(event, request.document))
    throw py::value_error("heymilo: unknown event '" + std::string(event) + "'; expected one of " +
                          std::string(event_names()));
  request.options.mode = lenient ? Mode::lenient : Mode::strict;
  request.options.max_bytes = max_bytes;
  request.options.max_depth = max_depth;
  request.options.max_errors = max_errors;
  request.options.drift = drift;
  return request;
}

py::object event_name() {
  const auto document = last_read_as();
  return document ? py::object(py::str(std::string(to_string(*document)))) : py::object(py::none());
}

// Errors and warnings as heymilo.Error objects.
template <class Issue>
py::list issues_of(std::span<const Issue> found) {
  py::list issues(found.size());
  for (std::size_t i = 0; i < found.size(); ++i)
    PyList_SET_ITEM(
        issues.ptr(), static_cast<Py_ssize_t>(i),
        py::cast(PyIssue{std::string(to_string(found[i].code)), std::string(found[i].path),
                         found[i].offset, std::string(found[i].message)})
            .release()
            .ptr());
  return issues;
}

PyValidation validate(const py::handle& body, std::string_view event, bool lenient,
                      std::size_t max_errors, std::size_t max_bytes, std::size_t max_depth,
                      bool drift) {
  const Request request = read_request(event, lenient, max_errors, max_bytes, max_depth, drift);
  const auto result = Input(body).run(request);
  return {result.ok(), event_name(), issues_of(result.errors()), issues_of(last_warnings())};
}

py::object parse(const py::handle& body, std::string_view event, bool lenient,
                 std::size_t max_errors, std::size_t max_bytes, std::size_t max_depth, bool drift) {
  const Request request = read_request(event, lenient, max_errors, max_bytes, max_depth, drift);
  const auto result = Input(body).run(request);
  if (result) {
    Builder builder;
    return document_to_native(builder, *result);
  }
  const py::list errors = issues_of(result.errors());
  const py::object exception = globals().validation_error(py::str(to_string(result.error())));
  exception.attr("errors") = errors;
  PyErr_SetObject(globals().validation_error.ptr(), exception.ptr());
  throw_python_error();
}

std::string issue_repr(const PyIssue& issue) {
  return "Error(code=" + py::repr(py::str(issue.code)).cast<std::string>() +
         ", path=" + py::repr(py::str(issue.path)).cast<std::string>() +
         ", offset=" + std::to_string(issue.offset) +
         ", message=" + py::repr(py::str(issue.message)).cast<std::string>() + ")";
}

}  // namespace
}  // namespace heymilo::bindings::python

PYBIND11_MODULE(_heymilo, module) {
  using namespace heymilo::bindings::python;
  namespace hb = heymilo::bindings;
  module.doc() = "HeyMilo webhook payloads validated and extracted by the heymilo C++ library.";

  globals().json_loads = py::module_::import("json").attr("loads");
  globals().validation_error = steal(PyErr_NewExceptionWithDoc(
      "heymilo.ValidationError",
      "The payload breaks the contract; .errors lists why (heymilo.Error objects).",
      PyExc_ValueError, nullptr));
  module.attr("ValidationError") = globals().validation_error;

  py::class_<PyIssue>(module, "Error",
                      "An error or warning: code, JSON Pointer path, byte offset, message.")
      .def_readonly("code", &PyIssue::code)
      .def_readonly("path", &PyIssue::path)
      .def_readonly("offset", &PyIssue::offset)
      .def_readonly("message", &PyIssue::message)
      .def("__repr__", &issue_repr)
      .def("__eq__", [](const PyIssue& a, const PyIssue& b) {
        return a.code == b.code && a.path == b.path && a.offset == b.offset &&
               a.message == b.message;
      });

  py::class_<PyValidation>(module, "Validation", "What validate() found.")
      .def_readonly("valid", &PyValidation::valid)
      .def_readonly("event", &PyValidation::event)
      .def_readonly("errors", &PyValidation::errors)
      .def_readonly("warnings", &PyValidation::warnings)
      .def("__bool__", [](const PyValidation& v) { return v.valid; })
      .def("__repr__", [](const PyValidation& v) {
        return "Validation(valid=" + std::string(v.valid ? "True" : "False") +
               ", event=" + py::repr(v.event).cast<std::string>() +
               ", errors=" + py::repr(v.errors).cast<std::string>() +
               ", warnings=" + py::repr(v.warnings).cast<std::string>() + ")";
      });

  const heymilo::Options defaults;
  module.attr("DEFAULT_MAX_BYTES") = defaults.max_bytes;
  module.attr("DEFAULT_MAX_DEPTH") = defaults.max_depth;
  py::list events;
  events.append("auto");
  for (heymilo::Document document : heymilo::kAllDocuments)
    events.append(std::string(heymilo::to_string(document)));
  module.attr("EVENTS") = py::tuple(events);

  const auto args = [&] {
    return std::make_tuple(py::arg("body"), py::arg("event") = "auto", py::kw_only(),
                           py::arg("lenient") = false, py::arg("max_errors") = 1,
                           py::arg("max_bytes") = defaults.max_bytes,
                           py::arg("max_depth") = defaults.max_depth, py::arg("drift") = false);
  };
  std::apply([&](auto... a) { module.def("validate", &validate, a..., "Validates a payload."); },
             args());
  std::apply(
      [&](auto... a) { module.def("parse", &parse, a..., "Validates and extracts a payload."); },
      args());
}
