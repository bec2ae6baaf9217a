#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <utility>
#include <variant>

namespace atrium::core {

// One error convention across the core: a typed code for programs, a sentence for people.
enum class ErrorCode {
    Invalid,          // bad input; nothing was written
    NotFound,         // the object does not exist (any more)
    Conflict,         // stale row version: someone else changed it first
    AlreadyExists,    // a unique value is taken
    PermissionDenied, // the operator lacks a permission (named in the message)
    PolicyDenied,     // a directory policy refuses it (the trace says why)
    Database,         // the database failed or is unreachable
    SchemaTooNew,     // the database was written by a newer Atrium
    Unsupported,      // refused by design (e.g. SQLite on a network file system)
    Secret,           // the keychain failed or has no backend
    Network,          // a remote server failed
    Cancelled,        // the operator cancelled; what was committed stays committed
    Internal,         // a bug
};

QString errorCodeName(ErrorCode code);

struct Error {
    ErrorCode code = ErrorCode::Internal;
    QString message; // user-readable: what happened and what to do
    QString detail;  // technical detail for logs (driver text, field name, ...)
    QString field;   // the input field the error is about, when there is one
    bool transient = false; // retrying later may succeed (busy database, lost connection, SMTP 4xx)
    QStringList why;        // for policy refusals: the ordered trace of rules checked, shown as "why"

    static Error invalid(const QString &message, const QString &field = {}) {
        return {ErrorCode::Invalid, message, {}, field, false};
    }
    static Error conflict(const QString &what);
    static Error notFound(const QString &what);
    static Error permissionDenied(const QString &permission, const QString &action);
};

// A small expected<T, Error>.
template <typename T> class [[nodiscard]] Result {
public:
    Result(T value) : m_data(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_data(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_data.index() == 0; }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<0>(m_data); }
    const T &value() const & { return std::get<0>(m_data); }
    T &&value() && { return std::get<0>(std::move(m_data)); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }
    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }

    const Error &error() const { return std::get<1>(m_data); }

private:
    std::variant<T, Error> m_data;
};

template <> class [[nodiscard]] Result<void> {
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return *m_error; }

private:
    std::optional<Error> m_error;
};

using Status = Result<void>;

} // namespace atrium::core
