#include "core/services/settingsservice.h"

#include "core/mail/smtpsettings.h"
#include "core/policy/collaborationsettings.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QUrl>

namespace atrium::core {
namespace {
QString tr(const char *s) { return QCoreApplication::translate("atrium::core::SettingsService", s); }

std::function<Result<QString>(const QString &)> intRange(int lo, int hi) {
    return [lo, hi](const QString &v) -> Result<QString> {
        bool ok = false;
        const int n = v.trimmed().toInt(&ok);
        if (!ok || n < lo || n > hi) {
            return Error::invalid(tr("Enter a whole number from %1 to %2.").arg(lo).arg(hi));
        }
        return QString::number(n);
    };
}

template <typename T> Result<QString> jsonSetting(const QString &v) {
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(v.toUtf8(), &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()) {
        return Error::invalid(tr("The value is not a JSON object: %1.").arg(pe.errorString()));
    }
    auto parsed = T::fromJson(doc.object());
    if (!parsed.ok()) {
        return parsed.error();
    }
    return QString::fromUtf8(QJsonDocument(parsed->toJson()).toJson(QJsonDocument::Compact));
}

Result<QString> portalUrl(const QString &v) {
    const QUrl url(v.trimmed(), QUrl::StrictMode);
    const bool local = url.host() == QLatin1String("localhost") || url.host() == QLatin1String("127.0.0.1") ||
                       url.host() == QLatin1String("::1");
    if (!url.isValid() || url.host().isEmpty() || !url.userInfo().isEmpty() || url.hasQuery() || url.hasFragment() ||
        !(url.scheme() == QLatin1String("https") || (url.scheme() == QLatin1String("http") && local))) {
        return Error::invalid(
            tr("The portal base URL must be an absolute https:// URL without query (http:// only for localhost)."));
    }
    QString s = url.toString(QUrl::FullyEncoded);
    while (s.endsWith(QLatin1Char('/'))) {
        s.chop(1);
    }
    return s;
}

Result<QString> termsUrl(const QString &v) {
    const QString t = v.trimmed();
    if (t.isEmpty()) {
        return QString();
    }
    const QUrl url(t, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("https") || url.host().isEmpty() || !url.userInfo().isEmpty()) {
        return Error::invalid(tr("The terms of use URL must be an absolute https:// URL (or empty for none)."));
    }
    return url.toString(QUrl::FullyEncoded);
}

Result<QString> termsText(const QString &v) {
    if (v.size() > 10000) {
        return Error::invalid(tr("The terms of use text is longer than 10,000 characters."));
    }
    for (const QChar c : v) {
        if (c.category() == QChar::Other_Control && c != QLatin1Char('\n') && c != QLatin1Char('\t') &&
            c != QLatin1Char('\r')) {
            return Error::invalid(tr("The terms of use text contains a control character."));
        }
    }
    return v.trimmed();
}
} // namespace

const QList<SettingsService::Definition> &SettingsService::definitions() {
    static const QList<Definition> defs{
        {settingkey::PortalBaseUrl, QStringLiteral("http://127.0.0.1:8443"), Permission::EditPortalAndMailSettings,
         QT_TRANSLATE_NOOP("atrium::core::SettingsService",
                           "Base URL of atrium-portal; every redemption link is built on it, never from a request."),
         portalUrl},
        {settingkey::InvitationExpiryDays, QStringLiteral("0"), Permission::EditCollaborationSettings,
         QT_TRANSLATE_NOOP("atrium::core::SettingsService",
                           "Days after which a redemption link expires; 0 = never (as in the model system)."),
         intRange(0, 3650)},
        {settingkey::AuditViewRetentionDays, QStringLiteral("30"), Permission::EditCollaborationSettings,
         QT_TRANSLATE_NOOP("atrium::core::SettingsService",
                           "Days of audit history the audit pane shows by default; rows are never deleted."),
         intRange(1, 36500)},
        {settingkey::InactiveGuestDays, QStringLiteral("90"), Permission::EditCollaborationSettings,
         QT_TRANSLATE_NOOP("atrium::core::SettingsService",
                           "Days without sign-in after which a guest counts as inactive."),
         intRange(1, 3650)},
        {settingkey::Collaboration,
         QString::fromUtf8(QJsonDocument(CollaborationSettings().toJson()).toJson(QJsonDocument::Compact)),
         Permission::EditCollaborationSettings,
         QT_TRANSLATE_NOOP("atrium::core::SettingsService",
                           "External collaboration settings (guest access, who may invite, domain restrictions, "
                           "passcodes)."),
         jsonSetting<CollaborationSettings>},
        {settingkey::Smtp, QStringLiteral("{}"), Permission::EditPortalAndMailSettings,
         QT_TRANSLATE_NOOP("atrium::core::SettingsService",
                           "SMTP server for invitation mail (host, port, security, user, from); the password is kept "
                           "in the keychain."),
         jsonSetting<SmtpSettings>},
        {settingkey::MailRatePerMinute, QStringLiteral("120"), Permission::EditPortalAndMailSettings,
         QT_TRANSLATE_NOOP("atrium::core::SettingsService", "At most this many mails are sent per minute."),
         intRange(1, 100000)},
        {QStringLiteral("passcodeValidityMinutes"), QStringLiteral("10"), Permission::EditCollaborationSettings,
         QT_TRANSLATE_NOOP("atrium::core::SettingsService",
                           "Minutes an email one-time passcode stays valid (at most 30, as in the model system)."),
         intRange(1, 30)},
        {settingkey::TermsOfUseUrl, QString(), Permission::EditCollaborationSettings,
         QT_TRANSLATE_NOOP("atrium::core::SettingsService",
                           "Terms of use a guest accepts once after consent (https URL); empty = none."),
         termsUrl},
        {settingkey::TermsOfUseText, QString(), Permission::EditCollaborationSettings,
         QT_TRANSLATE_NOOP("atrium::core::SettingsService",
                           "Terms of use as plain text (at most 10,000 characters) a guest accepts once after "
                           "consent; empty = none."),
         termsText},
    };
    return defs;
}

QString SettingsService::knownKeys() {
    QStringList keys;
    for (const Definition &d : definitions()) {
        keys << d.key;
    }
    return keys.join(QStringLiteral(", "));
}

const SettingsService::Definition *SettingsService::definition(const QString &key) {
    for (const Definition &d : definitions()) {
        if (d.key == key) {
            return &d;
        }
    }
    return nullptr;
}

Result<QString> SettingsService::read(QSqlDatabase &db, const QString &key) {
    const Definition *def = definition(key);
    auto q = Database::exec(db, QStringLiteral("SELECT value FROM settings WHERE key = ?"), {key});
    if (!q.ok()) {
        return q.error();
    }
    if (q->next()) {
        return q->value(0).toString();
    }
    return def ? def->defaultValue : QString();
}

Result<QList<Setting>> SettingsService::all() const {
    QList<Setting> out;
    for (const Definition &d : definitions()) {
        auto s = get(d.key);
        if (!s.ok()) {
            return s.error();
        }
        out << *s;
    }
    return out;
}

Result<Setting> SettingsService::get(const QString &key) const {
    if (Status s = m_ctx.require(Permission::ReadDirectory, {QStringLiteral("Read setting"), category::Policy});
        !s.ok()) {
        return s.error();
    }
    const Definition *def = definition(key);
    if (!def) {
        return Error::invalid(tr("There is no setting called \"%1\".").arg(key));
    }
    auto c = m_ctx.db().connection();
    if (!c.ok()) {
        return c.error();
    }
    auto q = Database::exec(*c, QStringLiteral("SELECT value, row_version FROM settings WHERE key = ?"), {key});
    if (!q.ok()) {
        return q.error();
    }
    if (q->next()) {
        return Setting{key, q->value(0).toString(), false, q->value(1).toLongLong()};
    }
    return Setting{key, def->defaultValue, true, 0};
}

Result<Setting> SettingsService::set(const QString &key, const QString &value, qint64 expectedRowVersion) {
    const Definition *def = definition(key);
    if (!def) {
        return Error::invalid(tr("There is no setting called \"%1\". Known settings: %2.")
                                  .arg(key, knownKeys()));
    }
    AuditEntry e{activity::UpdateSetting, category::Policy, QStringLiteral("setting")};
    e.targetId = key;
    e.targetName = key;
    if (Status s = m_ctx.require(def->permission, e); !s.ok()) {
        return s.error();
    }
    auto normalized = def->normalize(value);
    if (!normalized.ok()) {
        Error err = normalized.error();
        err.field = key;
        return err;
    }
    Setting result;
    const Status s = m_ctx.db().transaction([&](QSqlDatabase &db) -> Status {
        auto cur = Database::exec(db, QStringLiteral("SELECT value, row_version FROM settings WHERE key = ?"), {key});
        if (!cur.ok()) {
            return cur.error();
        }
        const qint64 now = m_ctx.clock().nowMs();
        if (cur->next()) {
            const QString before = cur->value(0).toString();
            auto r = Database::exec(db,
                                    QStringLiteral("UPDATE settings SET value = ?, updated_at = ?, row_version = "
                                                   "row_version + 1 WHERE key = ? AND row_version = ?"),
                                    {*normalized, now, key, expectedRowVersion});
            if (!r.ok()) {
                return r.error();
            }
            if (r->numRowsAffected() == 0) {
                return Error::conflict(tr("The setting %1").arg(key));
            }
            e.before = QJsonObject{{key, before}};
            result = Setting{key, *normalized, false, cur->value(1).toLongLong() + 1};
        } else {
            if (expectedRowVersion > 0) {
                return Error::conflict(tr("The setting %1").arg(key));
            }
            auto r = Database::exec(
                db, QStringLiteral("INSERT INTO settings (key, value, updated_at, row_version) VALUES (?, ?, ?, 1)"),
                {key, *normalized, now});
            if (!r.ok()) {
                if (r.error().code == ErrorCode::AlreadyExists) {
                    return Error::conflict(tr("The setting %1").arg(key));
                }
                return r.error();
            }
            e.before = QJsonObject{{key, def->defaultValue}};
            result = Setting{key, *normalized, false, 1};
        }
        e.after = QJsonObject{{key, *normalized}};
        return AuditLog::append(db, m_ctx.clock(), m_ctx.op(), e);
    });
    if (!s.ok()) {
        if (s.error().code == ErrorCode::Conflict) {
            return m_ctx.refuse(s.error(), e).error();
        }
        return s.error();
    }
    return result;
}

} // namespace atrium::core
