// parseEmailAddress, guest UPNs and parseRedirectUrl on arbitrary text: no crash, and what is
// accepted keeps the rules (idempotent normalization, lengths, no disallowed characters).
#include "core/text/emailaddress.h"
#include "core/text/guestupn.h"
#include "core/text/redirecturl.h"

#include <cstdint>
#include <cstdlib>

using namespace atrium::core;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    const QString input = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    if (const auto email = parseEmailAddress(input)) {
        const QString normalized = email->normalized();
        if (normalized.size() > 254 || email->local.size() > 64 || email->local.isEmpty()) {
            abort();
        }
        for (const QChar c : email->local) {
            if (QStringLiteral("~!#$%^&*()+=[]{}\\/|;:\"<>?,@ ").contains(c) || c.unicode() < 0x20 ||
                c.unicode() > 0x7e) {
                abort();
            }
        }
        const auto again = parseEmailAddress(normalized);
        if (!again || again->normalized() != normalized) {
            abort();
        }
        for (int attempt : {0, 1, 1000}) {
            const QString upn = guestUpnCandidate(*email, QStringLiteral("fabrikam.example"), attempt);
            const qsizetype at = upn.lastIndexOf(QLatin1Char('@'));
            if (at > kGuestUpnMaxPrefix || upn.count(QLatin1Char('#')) != 2 || upn.count(QLatin1Char('@')) != 1) {
                abort();
            }
        }
    }

    if (const auto url = parseRedirectUrl(input)) {
        const QString scheme = url->scheme();
        const QString host = url->host();
        if (!url->isValid() || !url->userInfo().isEmpty() || host.isEmpty()) {
            abort();
        }
        if (scheme != QLatin1String("https") &&
            !(scheme == QLatin1String("http") &&
              (host == QLatin1String("localhost") || host == QLatin1String("127.0.0.1") ||
               host == QLatin1String("::1")))) {
            abort();
        }
    }
    return 0;
}
