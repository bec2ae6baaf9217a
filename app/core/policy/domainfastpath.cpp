#include "core/policy/domainfastpath.h"

#include "core/base/domainname.h"

namespace atrium::core {

bool normalizePlainAsciiDomain(QStringView input, QString &out) {
    qsizetype n = input.size();
    if (n > 0 && input.at(n - 1) == QLatin1Char('.')) {
        --n; // normalizeDomain drops one trailing dot
    }
    if (n < 3 || n > 253) {
        return false;
    }
    QString result(n, Qt::Uninitialized);
    QChar *dst = result.data();
    int labels = 0;
    qsizetype labelStart = 0;
    for (qsizetype i = 0; i <= n; ++i) {
        if (i == n || input.at(i) == QLatin1Char('.')) {
            const qsizetype len = i - labelStart;
            if (len == 0 || len > 63 || dst[labelStart] == QLatin1Char('-') || dst[i - 1] == QLatin1Char('-')) {
                return false;
            }
            // "ab--..." labels are IDNA territory (xn--, reserved R-LDH labels): leave them to QUrl.
            if (len >= 4 && dst[labelStart + 2] == QLatin1Char('-') && dst[labelStart + 3] == QLatin1Char('-')) {
                return false;
            }
            ++labels;
            if (i < n) {
                dst[i] = QLatin1Char('.');
            }
            labelStart = i + 1;
            continue;
        }
        const char16_t c = input.at(i).unicode();
        if (c >= u'a' && c <= u'z') {
            dst[i] = QChar(c);
        } else if (c >= u'A' && c <= u'Z') {
            dst[i] = QChar(char16_t(c + (u'a' - u'A')));
        } else if ((c >= u'0' && c <= u'9') || c == u'-') {
            dst[i] = QChar(c);
        } else {
            return false;
        }
    }
    if (labels < 2) {
        return false;
    }
    out = std::move(result);
    return true;
}

Result<QString> normalizeDomainFast(const QString &input) {
    QString out;
    if (normalizePlainAsciiDomain(input, out)) {
        return out;
    }
    return normalizeDomain(input);
}

} // namespace atrium::core
