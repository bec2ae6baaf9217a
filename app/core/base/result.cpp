#include "core/base/result.h"

#include <QCoreApplication>

namespace atrium::core {

QString errorCodeName(ErrorCode code) {
    switch (code) {
    case ErrorCode::Invalid: return QStringLiteral("invalid");
    case ErrorCode::NotFound: return QStringLiteral("notFound");
    case ErrorCode::Conflict: return QStringLiteral("conflict");
    case ErrorCode::AlreadyExists: return QStringLiteral("alreadyExists");
    case ErrorCode::PermissionDenied: return QStringLiteral("permissionDenied");
    case ErrorCode::PolicyDenied: return QStringLiteral("policyDenied");
    case ErrorCode::Database: return QStringLiteral("database");
    case ErrorCode::SchemaTooNew: return QStringLiteral("schemaTooNew");
    case ErrorCode::Unsupported: return QStringLiteral("unsupported");
    case ErrorCode::Secret: return QStringLiteral("secret");
    case ErrorCode::Network: return QStringLiteral("network");
    case ErrorCode::Cancelled: return QStringLiteral("cancelled");
    case ErrorCode::Internal: return QStringLiteral("internal");
    }
    return QStringLiteral("internal");
}

Error Error::conflict(const QString &what) {
    return {ErrorCode::Conflict,
            QCoreApplication::translate("atrium::core::Error", "%1 was changed by someone else — reload and try again.")
                .arg(what),
            {},
            {},
            false};
}

Error Error::notFound(const QString &what) {
    return {ErrorCode::NotFound, QCoreApplication::translate("atrium::core::Error", "%1 was not found.").arg(what), {},
            {}, false};
}

Error Error::permissionDenied(const QString &permission, const QString &action) {
    return {ErrorCode::PermissionDenied,
            QCoreApplication::translate("atrium::core::Error", "You may not %1: it needs %2.").arg(action, permission),
            permission,
            {},
            false};
}

} // namespace atrium::core
