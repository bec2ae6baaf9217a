#include "core/base/domainname.h"

#include <QCoreApplication>
#include <QStringList>
#include <QUrl>

namespace atrium::core {
namespace {
QString tr(const char *text) { return QCoreApplication::translate("atrium::core::DomainName", text); }

bool isLdh(QChar c) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
           c == QLatin1Char('-');
}
} // namespace

Result<QString> normalizeDomain(const QString &input) {
    QString d = input.trimmed();
    if (d.isEmpty()) {
        return Error::invalid(tr("The domain is empty."));
    }
    if (d.contains(QLatin1String("://"))) {
        return Error::invalid(tr("\"%1\" is a URL; enter only the domain name, without a scheme.").arg(input));
    }
    if (d.contains(QLatin1Char('/'))) {
        return Error::invalid(tr("\"%1\" contains a path; enter only the domain name.").arg(input));
    }
    if (d.contains(QLatin1Char('@'))) {
        return Error::invalid(tr("\"%1\" is an email address; enter only the part after the @.").arg(input));
    }
    if (d.contains(QLatin1Char(':'))) {
        return Error::invalid(tr("\"%1\" contains a port; enter only the domain name.").arg(input));
    }
    for (const QChar c : d) {
        if (c.isSpace() || c.category() == QChar::Other_Control) {
            return Error::invalid(tr("\"%1\" contains a space or control character.").arg(input));
        }
    }
    if (d.endsWith(QLatin1Char('.'))) {
        d.chop(1);
    }
    const QString ace = QString::fromLatin1(QUrl::toAce(d.toLower())).toLower();
    if (ace.isEmpty()) {
        return Error::invalid(tr("\"%1\" is not a valid internationalized domain name.").arg(input));
    }
    if (ace.size() > 253) {
        return Error::invalid(tr("\"%1\" is longer than 253 characters.").arg(input));
    }
    const QStringList labels = ace.split(QLatin1Char('.'));
    if (labels.size() < 2) {
        return Error::invalid(tr("\"%1\" needs at least two labels, like contoso.com.").arg(input));
    }
    for (const QString &label : labels) {
        if (label.isEmpty()) {
            return Error::invalid(tr("\"%1\" has an empty label (two dots in a row).").arg(input));
        }
        if (label.size() > 63) {
            return Error::invalid(tr("\"%1\" has a label longer than 63 characters.").arg(input));
        }
        if (label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-'))) {
            return Error::invalid(tr("\"%1\" has a label that starts or ends with a hyphen.").arg(input));
        }
        for (const QChar c : label) {
            if (!isLdh(c)) {
                return Error::invalid(tr("\"%1\" contains the character \"%2\", which a domain cannot contain.")
                                          .arg(input, QString(c)));
            }
        }
    }
    return ace;
}

bool isSameOrSubdomain(const QString &domain, const QString &parent) {
    if (domain.size() == parent.size()) {
        return domain == parent;
    }
    return domain.size() > parent.size() && domain.endsWith(parent) &&
           domain.at(domain.size() - parent.size() - 1) == QLatin1Char('.');
}

QString domainForDisplay(const QString &normalized) { return QUrl::fromAce(normalized.toLatin1()); }

} // namespace atrium::core
