#pragma once

#include "core/base/result.h"
#include "core/mail/mailmessage.h"

namespace atrium::core {

struct PasscodeMailData {
    QString organizationName;
    QString recipientEmail;
    QString recipientName; // optional
    QString code;          // 8 digits
    int validMinutes = 10;
    QString language; // "en" (default) or "de"; others fall back to "en"
};

// The email one-time passcode mail (SPEC §7) from resources/mail/passcode.{txt,html}
// (:/mail/passcode.txt, German under :/mail/de/ when present). Subject
// "Your <organization> account verification code". The code is never logged.
Result<MailMessage> renderPasscodeMail(const PasscodeMailData &d, const MailAddress &from);

// Passcodes are never stored (see resources/sql/*/005_portal.sql). The code is derived when needed
// from the directory's token key (keychain) and the passcode row's id and random nonce:
//     code = first 8 bytes of HMAC-SHA256(key, "passcode:" ‖ id ‖ ":" ‖ nonce) as a big-endian
//            uint64, mod 10^8, as 8 decimal digits (the bias of 2^64 mod 10^8 is negligible)
// and the row keeps only the keyed check value
//     checkHash = hex HMAC-SHA256(key, "passcode-check:" ‖ id ‖ ":" ‖ code)
// so that neither the database alone nor a backup of it reveals a code (an unkeyed hash of
// 10^8 possible codes would be searched in seconds).
QString derivePasscode(const QByteArray &key, const QString &passcodeId, const QString &nonce);
QString passcodeCheckHash(const QByteArray &key, const QString &passcodeId, const QString &code);

} // namespace atrium::core
