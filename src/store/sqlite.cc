#include "store/sqlite.h"

#include <sqlite3.h>

#include <zlib.h>

#include <cctype>
#include <cstdio>
#include <filesystem>

namespace dyad::sqlite {

std::string PackText(std::string_view text) {
  uLongf size = compressBound(static_cast<uLong>(text.size()));
  std::string out(size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(out.data()), &size,
                reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()),
                Z_BEST_SPEED) != Z_OK ||
      size >= text.size()) {
    return std::string(text);
  }
  out.resize(size);
  return out;
}

namespace {

// One inflate state per thread, reset for each text: uncompress() would
// allocate and free its state and window every time, which cost more than
// the inflating itself (a reader puts a story's text back for each of its
// mentions).
struct Inflater {
  z_stream z{};
  bool ready = false;
  Inflater() { ready = inflateInit(&z) == Z_OK; }
  ~Inflater() {
    if (ready) inflateEnd(&z);
  }
};

bool Inflate(std::string_view packed, std::string* out) {
  thread_local Inflater inf;
  if (!inf.ready || inflateReset(&inf.z) != Z_OK) return false;
  inf.z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  inf.z.avail_in = static_cast<uInt>(packed.size());
  inf.z.next_out = reinterpret_cast<Bytef*>(out->data());
  inf.z.avail_out = static_cast<uInt>(out->size());
  return inflate(&inf.z, Z_FINISH) == Z_STREAM_END && inf.z.avail_out == 0;
}

}  // namespace

std::optional<std::string> UnpackText(std::string_view packed, int64_t size) {
  if (size <= 0 || static_cast<uint64_t>(size) == packed.size()) return std::string(packed);
  std::string out(static_cast<size_t>(size), '\0');
  if (!Inflate(packed, &out)) return std::nullopt;
  return out;
}

namespace {

std::string_view BlobArg(sqlite3_value* v) {
  const void* p = sqlite3_value_blob(v);
  return std::string_view(static_cast<const char*>(p),
                          static_cast<size_t>(sqlite3_value_bytes(v)));
}

// sqlar_compress(X) and sqlar_uncompress(X, SZ), as the sqlite3 shell
// defines them for SQLite Archives: X zlib-compressed when that is smaller
// (else X itself); X inflated to SZ bytes unless SZ is its length.
void SqlarCompress(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  std::string packed = PackText(BlobArg(argv[0]));
  sqlite3_result_blob64(ctx, packed.data(), packed.size(), SQLITE_TRANSIENT);
}

void SqlarUncompress(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return sqlite3_result_null(ctx);
  const int64_t size = sqlite3_value_int64(argv[1]);
  std::string_view packed = BlobArg(argv[0]);
  if (size <= 0 || static_cast<uint64_t>(size) == packed.size()) {
    return sqlite3_result_value(ctx, argv[0]);
  }
  // A story's mentions come one after another: its text is put back once.
  thread_local std::string last_packed, last_text;
  if (packed != last_packed || last_text.size() != static_cast<uint64_t>(size)) {
    std::optional<std::string> text = UnpackText(packed, size);
    if (!text) {
      last_packed.clear();
      return sqlite3_result_error(ctx, "error in uncompress()", -1);
    }
    last_packed.assign(packed);
    last_text = std::move(*text);
  }
  sqlite3_result_blob64(ctx, last_text.data(), last_text.size(), SQLITE_TRANSIENT);
}

}  // namespace

Result<std::unique_ptr<Db>> Db::Open(const std::string& path, bool create) {
  return OpenWith(path, SQLITE_OPEN_READWRITE | (create ? SQLITE_OPEN_CREATE : 0));
}

Result<std::unique_ptr<Db>> Db::OpenReadOnly(const std::string& path) {
  auto db = OpenWith(path, SQLITE_OPEN_READONLY);
  if (!db.ok()) return db;
  // A WAL database needs its -shm file to be read. When it is absent (the
  // last writer closed cleanly) and cannot be created (a read-only folder),
  // SQLite answers SQLITE_READONLY: then no writer has the file open, and
  // it is read as immutable (no locks, no -shm).
  int rc = sqlite3_exec((*db)->handle(), "SELECT count(*) FROM sqlite_master", nullptr, nullptr,
                        nullptr);
  if ((rc & 0xFF) != SQLITE_READONLY) return db;
  std::string uri = "file:";
  for (unsigned char c : path) {
    if (std::isalnum(c) || c == '/' || c == '-' || c == '.' || c == '_' || c == '~') {
      uri += static_cast<char>(c);
    } else {
      char hex[4];
      snprintf(hex, sizeof hex, "%%%02X", c);
      uri += hex;
    }
  }
  uri += "?immutable=1";
  auto immutable = OpenWith(uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, path);
  return immutable;
}

Result<std::unique_ptr<Db>> Db::OpenWith(const std::string& name, int flags,
                                         const std::string& file_path) {
  const std::string& path = file_path.empty() ? name : file_path;
  if (!(flags & SQLITE_OPEN_CREATE) && !std::filesystem::exists(path)) {
    return Status::NotFound(path + ": no such database (run `dyad ingest --db " + path +
                            "` first)");
  }
  sqlite3* db = nullptr;
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(name.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string msg = path + ": cannot open database: " +
                      (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    sqlite3_close(db);
    return Status::InvalidArgument(msg);
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  // The store's views read the stories' compressed text with them.
  const int fn_flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
  sqlite3_create_function(db, "sqlar_compress", 1, fn_flags, nullptr, SqlarCompress, nullptr,
                          nullptr);
  sqlite3_create_function(db, "sqlar_uncompress", 2, fn_flags, nullptr, SqlarUncompress, nullptr,
                          nullptr);
  return std::unique_ptr<Db>(new Db(db, path));
}

Db::~Db() { sqlite3_close_v2(db_); }

Status Db::Exec(std::string_view sql) {
  char* err = nullptr;
  std::string s(sql);
  if (sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string msg = path_ + ": " + (err ? err : "sqlite error");
    sqlite3_free(err);
    return Status::Internal(msg);
  }
  return Status::Ok();
}

std::string Db::Error() const { return path_ + ": " + sqlite3_errmsg(db_); }
bool Db::Busy() const { return (sqlite3_errcode(db_) & 0xFF) == SQLITE_BUSY; }
bool Db::Corrupt() const { return (sqlite3_errcode(db_) & 0xFF) == SQLITE_CORRUPT; }
int64_t Db::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
int Db::Changes() const { return sqlite3_changes(db_); }

Stmt::Stmt(Db& db, std::string_view sql) : db_(db), sql_(sql) {
  if (sqlite3_prepare_v3(db.handle(), sql_.data(), static_cast<int>(sql_.size()),
                         SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
    stmt_ = nullptr;
  }
}

Stmt::~Stmt() { sqlite3_finalize(stmt_); }

Status Stmt::status() const {
  if (stmt_) return Status::Ok();
  return Status::Internal(db_.Error() + " (in: " + sql_.substr(0, 80) + ")");
}

Stmt& Stmt::Bind(int i, std::string_view text) {
  if (stmt_) {
    // An empty view may have no data at all: SQLite binds a null pointer as
    // NULL, so an empty text is bound as "".
    sqlite3_bind_text(stmt_, i, text.data() ? text.data() : "", static_cast<int>(text.size()),
                      SQLITE_TRANSIENT);
  }
  return *this;
}

Stmt& Stmt::Bind(int i, int64_t v) {
  if (stmt_) sqlite3_bind_int64(stmt_, i, v);
  return *this;
}

Stmt& Stmt::Bind(int i, double v) {
  if (stmt_) sqlite3_bind_double(stmt_, i, v);
  return *this;
}

Stmt& Stmt::Bind(int i, std::optional<double> v) {
  return v ? Bind(i, *v) : BindNull(i);
}

Stmt& Stmt::BindNull(int i) {
  if (stmt_) sqlite3_bind_null(stmt_, i);
  return *this;
}

Stmt& Stmt::BindBlob(int i, std::string_view bytes) {
  if (stmt_) sqlite3_bind_blob64(stmt_, i, bytes.data(), bytes.size(), SQLITE_TRANSIENT);
  return *this;
}

Step Stmt::Next() {
  if (!stmt_) return Step::kError;
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return Step::kRow;
  if (rc == SQLITE_DONE) return Step::kDone;
  return Step::kError;
}

Status Stmt::Run() {
  if (!stmt_) return status();
  int rc = sqlite3_step(stmt_);
  Status st;
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    st = Status::Internal(db_.Error() + " (in: " + sql_.substr(0, 80) + ")");
  }
  Reset();
  return st;
}

void Stmt::Reset() {
  if (!stmt_) return;
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string Stmt::Text(int col) const {
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return "";
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

int64_t Stmt::Int(int col) const { return sqlite3_column_int64(stmt_, col); }
double Stmt::Double(int col) const { return sqlite3_column_double(stmt_, col); }
bool Stmt::IsNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }

Transaction::Transaction(Db& db) : db_(db) {
  status_ = db_.Exec("BEGIN IMMEDIATE");
  open_ = status_.ok();
}

Transaction::~Transaction() {
  if (open_) db_.Exec("ROLLBACK");
}

Status Transaction::Commit() {
  if (!open_) return status_.ok() ? Status::Internal("transaction not open") : status_;
  Status st = db_.Exec("COMMIT");
  if (st.ok()) open_ = false;
  return st;
}

}  // namespace dyad::sqlite
