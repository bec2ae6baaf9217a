#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

namespace atrium::core {

// The one check of an email one-time passcode (SPEC §7), shared by redemption and self-service
// sign-up so that the security rules live in one place:
//   - the code must be the live one (not used, not replaced by a newer one);
//   - a code with maxWrongAttempts wrong tries is spent, even when the next try is right;
//   - an expired code is refused;
//   - the typed digits are compared with the keyed check value in constant time;
//   - a wrong try is counted (optimistic row_version: a concurrent try is a conflict, retried by
//     the caller's transaction), a right one marks the code used, once.
enum class PasscodeVerdict { Accepted, NoActiveCode, WrongCode, CodeExpired, TooManyAttempts };

struct PasscodeCheck {
    PasscodeVerdict verdict = PasscodeVerdict::NoActiveCode;
    QString passcodeId;   // the row that was judged (empty for NoActiveCode)
    int attemptsLeft = 0; // for WrongCode: tries that remain for this code
};

// Which passcode row is judged.
struct PasscodeSelector {
    enum class By { Id, LatestForInvitation };
    By by = By::Id;
    QString value; // the passcode id, or the invitation id
};

// What the guest typed, reduced to the digits: spaces and dashes are dropped ("1234 5678",
// "1234-5678"); any other character makes the code wrong, never "right after cleaning".
QString passcodeDigits(const QString &typed);

// Judges `typed` inside the caller's transaction `db`. Errors are database errors or a conflict.
Result<PasscodeCheck> checkPasscode(QSqlDatabase &db, const PasscodeSelector &which, const QString &typed,
                                    const QByteArray &key, qint64 nowMs, int maxWrongAttempts);

} // namespace atrium::core
