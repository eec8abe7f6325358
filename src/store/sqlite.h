// A thin RAII layer over the SQLite C API: a connection, prepared
// statements, and a transaction guard. Errors are values (Status); nothing
// here throws.
//
//   auto db = sqlite::Db::Open("events.db");
//   if (!db.ok()) ...
//   sqlite::Stmt st(*db, "SELECT count(*) FROM stories WHERE date = ?");
//   st.Bind(1, "2025-03-14");
//   if (st.Next() == sqlite::Step::kRow) n = st.Int(0);
//
// A Db is used from one thread at a time (SQLite is opened in
// multi-thread mode: connections are not shared between threads).
#ifndef DYAD_STORE_SQLITE_H_
#define DYAD_STORE_SQLITE_H_

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "dyad/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace dyad::sqlite {

// How long a connection waits for another's lock before SQLITE_BUSY.
inline constexpr int kBusyTimeoutMs = 10000;

// A text as the store keeps it compressed (the form of an SQLite Archive's
// file: zlib's compress() output when that is smaller, else the text as it
// is), and back given its size in bytes (nullopt: not such a form). Every
// connection Db opens has the SQL functions sqlar_compress(X) and
// sqlar_uncompress(X, SZ) of the sqlite3 shell, which do the same.
std::string PackText(std::string_view text);
std::optional<std::string> UnpackText(std::string_view packed, int64_t size);

class Db {
 public:
  // Opens (creating if `create`) the database at `path`. Fails with
  // kNotFound when it does not exist and `create` is false.
  static Result<std::unique_ptr<Db>> Open(const std::string& path, bool create = true);
  // Opens an existing database for reading only: nothing is written to it
  // or beside it beyond what SQLite needs to read a WAL file, so a database
  // in a folder the user cannot write can be read.
  static Result<std::unique_ptr<Db>> OpenReadOnly(const std::string& path);
  ~Db();
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;

  // Runs one or more statements that return no rows of interest.
  Status Exec(std::string_view sql);
  // The last error of this connection, with the path, for messages.
  std::string Error() const;
  // True when the last call failed because another connection held a lock.
  bool Busy() const;
  // True when the last call failed because the file is damaged.
  bool Corrupt() const;
  int64_t LastInsertRowid() const;
  int Changes() const;
  sqlite3* handle() const { return db_; }
  const std::string& path() const { return path_; }

 private:
  Db(sqlite3* db, std::string path) : db_(db), path_(std::move(path)) {}
  // `name` as SQLite takes it (a path or a file: URI); `file_path`, when
  // given, is the file itself, for the existence check and messages.
  static Result<std::unique_ptr<Db>> OpenWith(const std::string& name, int flags,
                                              const std::string& file_path = "");
  sqlite3* db_;
  std::string path_;
};

enum class Step { kRow, kDone, kError };

// A prepared statement. Construction never fails: a statement that did not
// compile reports it through ok()/status(), and every Next() on it is kError.
class Stmt {
 public:
  Stmt(Db& db, std::string_view sql);
  ~Stmt();
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;

  bool ok() const { return stmt_ != nullptr; }
  Status status() const;

  // Parameters are 1-based, as in SQLite. Text is copied (SQLITE_TRANSIENT).
  Stmt& Bind(int i, std::string_view text);
  Stmt& Bind(int i, const char* text) { return Bind(i, std::string_view(text)); }
  Stmt& Bind(int i, const std::string& text) { return Bind(i, std::string_view(text)); }
  Stmt& Bind(int i, int64_t v);
  Stmt& Bind(int i, int v) { return Bind(i, static_cast<int64_t>(v)); }
  Stmt& Bind(int i, double v);
  Stmt& Bind(int i, std::optional<double> v);
  Stmt& BindNull(int i);
  Stmt& BindBlob(int i, std::string_view bytes);

  Step Next();
  // Steps a statement that returns no rows; resets it for reuse.
  Status Run();
  void Reset();  // also clears bindings

  // Columns are 0-based. NULL reads as "" / 0.
  std::string Text(int col) const;
  int64_t Int(int col) const;
  double Double(int col) const;
  bool IsNull(int col) const;

 private:
  Db& db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::string sql_;
};

// Binds parameters in order: Binder(st).Add(a).Add(b).Null() binds 1, 2, 3.
class Binder {
 public:
  explicit Binder(Stmt& st) : st_(st) {}
  template <typename T>
  Binder& Add(const T& v) {
    st_.Bind(next_, v);
    ++next_;
    return *this;
  }
  Binder& Null() {
    st_.BindNull(next_);
    ++next_;
    return *this;
  }

 private:
  Stmt& st_;
  int next_ = 1;
};

// BEGIN IMMEDIATE on construction; ROLLBACK on destruction unless Commit()
// succeeded. Check status() before using it.
class Transaction {
 public:
  explicit Transaction(Db& db);
  ~Transaction();
  const Status& status() const { return status_; }
  Status Commit();

 private:
  Db& db_;
  Status status_;
  bool open_ = false;
};

}  // namespace dyad::sqlite

#endif  // DYAD_STORE_SQLITE_H_
