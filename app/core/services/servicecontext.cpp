#include "core/services/servicecontext.h"

#include "core/base/logging.h"

namespace atrium::core {

Status ServiceContext::require(Permission p, AuditEntry attempt) const {
    if (m_op.can(p)) {
        return {};
    }
    return refuse(Error::permissionDenied(rolesGrantingText(p), permissionAction(p)), std::move(attempt));
}

Status ServiceContext::refuse(const Error &error, AuditEntry attempt) const {
    attempt.result = error.code == ErrorCode::PermissionDenied ? QStringLiteral("denied") : QStringLiteral("failure");
    attempt.reason = error.message;
    const Status s = m_db->transaction([&](QSqlDatabase &db) { return AuditLog::append(db, *m_clock, m_op, attempt); });
    if (!s.ok()) {
        qCWarning(lcServices) << "could not audit a refused action:" << s.error().detail;
    }
    return error;
}

} // namespace atrium::core
