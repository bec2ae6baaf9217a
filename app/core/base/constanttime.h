#pragma once

#include <QByteArray>
#include <QString>

namespace atrium::core {

// Compares two secrets (check values, CSRF tokens) in time that depends only on their length,
// so that a timing side channel does not tell how many leading bytes matched.
inline bool constantTimeEquals(const QByteArray &a, const QByteArray &b) {
    if (a.size() != b.size()) {
        return false;
    }
    unsigned char diff = 0;
    for (qsizetype i = 0; i < a.size(); ++i) {
        diff |= static_cast<unsigned char>(a.at(i) ^ b.at(i));
    }
    return diff == 0;
}

inline bool constantTimeEquals(const QString &a, const QString &b) {
    return constantTimeEquals(a.toUtf8(), b.toUtf8());
}

} // namespace atrium::core
