#include "core/redemption/passcodecheck.h"

#include "core/base/constanttime.h"
#include "core/mail/passcodemail.h"
#include "core/storage/database.h"

namespace atrium::core {

QString passcodeDigits(const QString &typed) {
    QString digits;
    for (const QChar ch : typed) {
        if (ch.isDigit() && ch.unicode() < 128) {
            digits += ch;
        } else if (!ch.isSpace() && ch != QLatin1Char('-')) {
            digits += QLatin1Char('x');
        }
    }
    return digits;
}

Result<PasscodeCheck> checkPasscode(QSqlDatabase &db, const PasscodeSelector &which, const QString &typed,
                                    const QByteArray &key, qint64 nowMs, int maxWrongAttempts) {
    const QString select =
        which.by == PasscodeSelector::By::Id
            ? QStringLiteral("SELECT id, code_hash, expires_at, attempts, row_version FROM passcodes "
                             "WHERE id = ? AND used_at IS NULL AND superseded_at IS NULL")
            : QStringLiteral("SELECT id, code_hash, expires_at, attempts, row_version FROM passcodes "
                             "WHERE invitation_id = ? AND used_at IS NULL AND superseded_at IS NULL "
                             "ORDER BY created_at DESC, id LIMIT 1");
    auto q = Database::exec(db, select, {which.value});
    if (!q.ok()) {
        return q.error();
    }
    PasscodeCheck check;
    if (!q->next()) {
        return check; // NoActiveCode
    }
    check.passcodeId = q->value(0).toString();
    const QString stored = q->value(1).toString();
    const qint64 expiresAt = q->value(2).toLongLong();
    const int attempts = q->value(3).toInt();
    const qint64 version = q->value(4).toLongLong();
    q->finish();
    if (attempts >= maxWrongAttempts) {
        check.verdict = PasscodeVerdict::TooManyAttempts;
        return check;
    }
    if (expiresAt <= nowMs) {
        check.verdict = PasscodeVerdict::CodeExpired;
        return check;
    }
    if (!constantTimeEquals(passcodeCheckHash(key, check.passcodeId, passcodeDigits(typed)), stored)) {
        auto r = Database::exec(db,
                                QStringLiteral("UPDATE passcodes SET attempts = attempts + 1, row_version = "
                                               "row_version + 1 WHERE id = ? AND row_version = ?"),
                                {check.passcodeId, version});
        if (!r.ok()) {
            return r.error();
        }
        if (r->numRowsAffected() != 1) {
            return Error::conflict(QStringLiteral("passcode"));
        }
        check.attemptsLeft = maxWrongAttempts - attempts - 1;
        check.verdict = check.attemptsLeft > 0 ? PasscodeVerdict::WrongCode : PasscodeVerdict::TooManyAttempts;
        return check;
    }
    auto r = Database::exec(db,
                            QStringLiteral("UPDATE passcodes SET used_at = ?, row_version = row_version + 1 WHERE "
                                           "id = ? AND row_version = ? AND used_at IS NULL"),
                            {nowMs, check.passcodeId, version});
    if (!r.ok()) {
        return r.error();
    }
    check.verdict = r->numRowsAffected() == 1 ? PasscodeVerdict::Accepted
                                              : PasscodeVerdict::NoActiveCode; // another tab used it a moment ago
    return check;
}

} // namespace atrium::core
