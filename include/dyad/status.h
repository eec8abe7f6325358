// dyad/status.h — errors as values.
//
// A Status is either OK or an error code with a message. Result<T> holds a
// value or a non-OK Status. Library code returns these instead of throwing;
// exceptions from third-party code are caught at the application boundary.
//
//   Result<Lexicon> lex = LoadLexicon(dir);
//   if (!lex.ok()) { std::cerr << lex.status().ToString(); return 2; }
#ifndef DYAD_STATUS_H_
#define DYAD_STATUS_H_

#include <string>
#include <utility>
#include <variant>

namespace dyad {

enum class StatusCode { kOk = 0, kInvalidArgument, kNotFound, kDataLoss, kInternal };

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return Status(StatusCode::kInvalidArgument, std::move(m));
  }
  static Status NotFound(std::string m) { return Status(StatusCode::kNotFound, std::move(m)); }
  static Status DataLoss(std::string m) { return Status(StatusCode::kDataLoss, std::move(m)); }
  static Status Internal(std::string m) { return Status(StatusCode::kInternal, std::move(m)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "OK" or the message alone (messages already carry file:line where known).
  std::string ToString() const { return ok() ? "OK" : message_; }

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or an error. Accessing value() of an error Result is a programmer
// error (std::get throws).
template <typename T>
class Result {
 public:
  Result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {}  // NOLINT: must not be OK

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace dyad

#define DYAD_RETURN_IF_ERROR(expr)          \
  do {                                      \
    ::dyad::Status _st = (expr);            \
    if (!_st.ok()) return _st;              \
  } while (0)

#endif  // DYAD_STATUS_H_
