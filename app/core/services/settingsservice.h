#pragma once

#include "core/services/servicecontext.h"

#include <functional>

namespace atrium::core {

struct Setting {
    QString key;
    QString value;
    bool isDefault = true;
    qint64 rowVersion = 0; // 0 while the default is in force
};

// Directory settings kept as key/value rows. Each key is declared with its default, validator and
// the permission that changes it; unknown keys are refused.
class SettingsService final {
public:
    explicit SettingsService(ServiceContext ctx) : m_ctx(std::move(ctx)) {}

    struct Definition {
        QString key;
        QString defaultValue;
        Permission permission;
        const char *description; // translate with QCoreApplication::translate("atrium::core::SettingsService", ...)
        std::function<Result<QString>(const QString &)> normalize; // validates and normalizes a new value
    };
    static const QList<Definition> &definitions();
    static const Definition *definition(const QString &key);
    static QString knownKeys();

    Result<QList<Setting>> all() const;
    Result<Setting> get(const QString &key) const;
    // expectedRowVersion < 0: last writer wins is NOT allowed for settings that exist — pass the
    // version you read; -1 means "I read the default" (the row must not exist yet).
    Result<Setting> set(const QString &key, const QString &value, qint64 expectedRowVersion);

    // Reads a value (or its default) inside an open transaction; no permission check.
    static Result<QString> read(QSqlDatabase &db, const QString &key);

private:
    ServiceContext m_ctx;
};

namespace settingkey {
inline const QString PortalBaseUrl = QStringLiteral("portalBaseUrl");
inline const QString InvitationExpiryDays = QStringLiteral("invitationExpiryDays");
inline const QString AuditViewRetentionDays = QStringLiteral("auditViewRetentionDays");
inline const QString InactiveGuestDays = QStringLiteral("inactiveGuestDays");
inline const QString Collaboration = QStringLiteral("collaboration"); // CollaborationSettings JSON (SPEC §4)
inline const QString Smtp = QStringLiteral("smtp");                   // SmtpSettings JSON; password in the keychain
inline const QString MailRatePerMinute = QStringLiteral("mailRatePerMinute");
// Terms of use (SPEC §2): shown after consent and accepted once, when either is set.
inline const QString TermsOfUseUrl = QStringLiteral("termsOfUseUrl");
inline const QString TermsOfUseText = QStringLiteral("termsOfUseText");
} // namespace settingkey

} // namespace atrium::core
