#pragma once

// Shared by the portal tests: a directory with one invited guest, an in-memory keychain, a mail
// transport that keeps what it is given, and a dump of the tables a redemption may touch.

#include "core/invitations/invitationservice.h"
#include "core/invitations/invitationtoken.h"
#include "core/mail/mailtransport.h"
#include "core/secrets/secretstore.h"
#include "core/services/directoryservice.h"
#include "core/services/settingsservice.h"
#include "core/storage/database.h"
#include "directoryfixture.h"

#include <QHash>
#include <QMutex>
#include <QSqlRecord>
#include <QStringList>

namespace atrium::test {

class MemorySecretStore final : public core::SecretStore {
public:
    core::Result<QString> read(const QString &key) const override {
        QMutexLocker l(&m_mutex);
        if (!m_values.contains(key)) {
            return core::Error::notFound(key);
        }
        return m_values.value(key);
    }
    core::Status write(const QString &key, const QString &secret) override {
        QMutexLocker l(&m_mutex);
        m_values.insert(key, secret);
        return {};
    }
    core::Status remove(const QString &key) override {
        QMutexLocker l(&m_mutex);
        m_values.remove(key);
        return {};
    }

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_values;
};

class CapturingTransport final : public core::MailTransport {
public:
    core::Status send(const core::MailMessage &m) override {
        QMutexLocker l(&m_mutex);
        m_sent << m;
        return {};
    }
    QList<core::MailMessage> sent() const {
        QMutexLocker l(&m_mutex);
        return m_sent;
    }

private:
    mutable QMutex m_mutex;
    QList<core::MailMessage> m_sent;
};

// Every row of the tables that make up the guest's state, in a stable order, as text.
inline QString dumpDirectory(core::Database &db) {
    static const QStringList queries{
        QStringLiteral("SELECT * FROM users ORDER BY id"),
        QStringLiteral("SELECT * FROM invitations ORDER BY id"),
        QStringLiteral("SELECT * FROM user_identities ORDER BY user_id, sign_in_type, issuer"),
        QStringLiteral("SELECT * FROM audit_log ORDER BY id"),
        QStringLiteral("SELECT * FROM consents ORDER BY user_id"),
        QStringLiteral("SELECT * FROM unsubscribed ORDER BY email_lower"),
        QStringLiteral("SELECT id_hash, user_id, consented FROM portal_sessions ORDER BY id_hash"),
    };
    auto c = db.connection();
    if (!c.ok()) {
        return QStringLiteral("connection failed: ") + c.error().message;
    }
    QString out;
    for (const QString &sql : queries) {
        auto q = core::Database::exec(*c, sql);
        if (!q.ok()) {
            return QStringLiteral("query failed: ") + q.error().message;
        }
        out += sql + QLatin1Char('\n');
        while (q->next()) {
            QStringList cells;
            const QSqlRecord rec = q->record();
            for (int i = 0; i < rec.count(); ++i) {
                cells << (q->value(i).isNull() ? QStringLiteral("NULL") : q->value(i).toString());
            }
            out += cells.join(QLatin1Char('|')) + QLatin1Char('\n');
        }
    }
    return out;
}

inline QString tokenFromUrl(const QString &url) {
    return url.section(QLatin1Char('/'), -1);
}

inline core::Status setSetting(const core::ServiceContext &ctx, const QString &key, const QString &value) {
    core::SettingsService settings(ctx);
    auto cur = settings.get(key);
    if (!cur.ok()) {
        return cur.error();
    }
    auto s = settings.set(key, value, cur->isDefault ? -1 : cur->rowVersion);
    if (!s.ok()) {
        return s.error();
    }
    return {};
}

// A single scalar from the database (tests only).
inline QVariant scalar(core::Database &db, const QString &sql, const QVariantList &values = {}) {
    auto c = db.connection();
    if (!c.ok()) {
        return {};
    }
    auto q = core::Database::exec(*c, sql, values);
    if (!q.ok() || !q->next()) {
        return {};
    }
    return q->value(0);
}

} // namespace atrium::test
