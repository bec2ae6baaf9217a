#pragma once

// A deliberately simple, independent reader for the messages the tests compose or receive:
// unfolds headers, decodes RFC 2047 "B"/"Q" words, splits multipart bodies and decodes
// quoted-printable/base64. Accepts CRLF (composer output) and LF (maildir files).

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QRegularExpression>
#include <QString>

namespace atrium::test {

struct MimeEntity {
    QList<QPair<QByteArray, QByteArray>> headers; // unfolded, raw
    QByteArray rawBody;

    QByteArray header(const QByteArray &name) const {
        for (const auto &[n, v] : headers) {
            if (n.compare(name, Qt::CaseInsensitive) == 0) {
                return v;
            }
        }
        return {};
    }
    int headerCount(const QByteArray &name) const {
        int c = 0;
        for (const auto &h : headers) {
            c += h.first.compare(name, Qt::CaseInsensitive) == 0 ? 1 : 0;
        }
        return c;
    }
};

inline QByteArray normalizeNewlines(QByteArray raw) { return raw.replace("\r\n", "\n"); }

inline MimeEntity parseEntity(const QByteArray &rawInput) {
    const QByteArray raw = normalizeNewlines(rawInput);
    MimeEntity e;
    qsizetype split = raw.indexOf("\n\n");
    const QByteArray head = split < 0 ? raw : raw.left(split);
    e.rawBody = split < 0 ? QByteArray() : raw.mid(split + 2);
    for (const QByteArray &line : head.split('\n')) {
        if ((line.startsWith(' ') || line.startsWith('\t')) && !e.headers.isEmpty()) {
            e.headers.last().second += line; // unfolding removes only the line break
        } else if (const qsizetype colon = line.indexOf(':'); colon > 0) {
            e.headers.append({line.left(colon), line.mid(colon + 1)});
        }
    }
    for (auto &h : e.headers) {
        h.second = h.second.trimmed(); // the value may start on a continuation line
    }
    return e;
}

inline QByteArray decodeQuotedPrintable(const QByteArray &in) {
    QByteArray out;
    const QByteArray s = normalizeNewlines(in);
    for (qsizetype i = 0; i < s.size(); ++i) {
        if (s.at(i) == '=' && i + 1 < s.size() && s.at(i + 1) == '\n') {
            ++i;
        } else if (s.at(i) == '=' && i + 2 < s.size()) {
            out += QByteArray::fromHex(s.mid(i + 1, 2));
            i += 2;
        } else {
            out += s.at(i);
        }
    }
    return out;
}

inline QString decodeHeader(const QByteArray &value) {
    static const QRegularExpression word(QStringLiteral("=\\?([^?]+)\\?([BbQq])\\?([^?]*)\\?="));
    // Whitespace between two encoded-words is not part of the text (RFC 2047 6.2).
    QString v = QString::fromLatin1(value);
    static const QRegularExpression gap(QStringLiteral("(\\?=)\\s+(=\\?)"));
    v.replace(gap, QStringLiteral("\\1\\2"));
    QByteArray out;
    qsizetype pos = 0;
    auto it = word.globalMatch(v);
    while (it.hasNext()) {
        const auto m = it.next();
        out += v.mid(pos, m.capturedStart() - pos).toLatin1();
        const QByteArray payload = m.captured(3).toLatin1();
        if (m.captured(2).toUpper() == QLatin1String("B")) {
            out += QByteArray::fromBase64(payload);
        } else {
            out += decodeQuotedPrintable(QByteArray(payload).replace('_', ' '));
        }
        pos = m.capturedEnd();
    }
    out += v.mid(pos).toLatin1();
    return QString::fromUtf8(out);
}

inline QByteArray decodeBody(const MimeEntity &e) {
    const QByteArray cte = e.header("Content-Transfer-Encoding").toLower();
    if (cte == "quoted-printable") {
        return decodeQuotedPrintable(e.rawBody);
    }
    if (cte == "base64") {
        return QByteArray::fromBase64(e.rawBody);
    }
    return e.rawBody;
}

// The parts of a multipart entity (empty when it is not multipart).
inline QList<MimeEntity> parts(const MimeEntity &e) {
    static const QRegularExpression boundaryRe(QStringLiteral("boundary=\"?([^\";]+)\"?"));
    const auto m = boundaryRe.match(QString::fromLatin1(e.header("Content-Type")));
    if (!m.hasMatch()) {
        return {};
    }
    const QByteArray delimiter = "--" + m.captured(1).toLatin1();
    QList<MimeEntity> out;
    const QByteArray body = normalizeNewlines(e.rawBody);
    qsizetype pos = body.indexOf(delimiter);
    while (pos >= 0) {
        pos += delimiter.size();
        if (body.mid(pos, 2) == "--") {
            break;
        }
        const qsizetype next = body.indexOf(QByteArray("\n" + delimiter), pos);
        if (next < 0) {
            break;
        }
        out.append(parseEntity(body.mid(pos + 1, next - pos - 1 + 1)));
        pos = next + 1;
    }
    return out;
}

// The decoded text of the first part (or the entity itself) whose type starts with `type`.
inline QString bodyOfType(const MimeEntity &e, const QByteArray &type) {
    if (e.header("Content-Type").toLower().startsWith(type)) {
        return QString::fromUtf8(decodeBody(e));
    }
    for (const MimeEntity &p : parts(e)) {
        if (p.header("Content-Type").toLower().startsWith(type)) {
            return QString::fromUtf8(decodeBody(p));
        }
    }
    return {};
}

} // namespace atrium::test
