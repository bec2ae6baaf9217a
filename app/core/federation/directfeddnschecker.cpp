#include "core/federation/directfeddnschecker.h"

#include "core/base/domainname.h"
#include "core/base/logging.h"

#include <QCoreApplication>

namespace atrium::core {

namespace {

QString ftr(const char *text) {
    return QCoreApplication::translate("atrium::core::Federation", text);
}

} // namespace

DirectFedDnsChecker::DirectFedDnsChecker(QObject *parent) : QObject(parent) {}

DirectFedDnsChecker::~DirectFedDnsChecker() {
    if (m_lookup) {
        m_lookup->disconnect(this);
        m_lookup->abort();
        m_lookup->deleteLater();
    }
}

DirectFedDnsOutcome DirectFedDnsChecker::evaluate(const QString &federatedDomain, const QUrl &endpoint,
                                                  QDnsLookup::Error error, const QList<QByteArray> &txtRecords,
                                                  const QString &errorString) {
    DirectFedDnsOutcome out;
    const QString domain = normalizeDomain(federatedDomain).ok() ? *normalizeDomain(federatedDomain) : federatedDomain;
    out.expectedRecord = QStringLiteral("DirectFedAuthUrl=") + endpoint.toString();
    if (!needsDirectFedDnsRecord(federatedDomain, endpoint)) {
        out.state = DirectFedDnsOutcome::State::NotNeeded;
        out.message = ftr("The sign-in endpoint is on %1, so no DNS record is needed.").arg(domain);
        return out;
    }
    out.recordsSeen = txtRecords;
    // NXDOMAIN or "no TXT records" is an answer, not a failure: the record is simply not there.
    if (error == QDnsLookup::NoError || error == QDnsLookup::NotFoundError) {
        if (txtRecordsAuthorize(txtRecords, endpoint)) {
            out.state = DirectFedDnsOutcome::State::Found;
            out.message = ftr("%1 publishes the DNS TXT record %2.").arg(domain, out.expectedRecord);
        } else {
            out.state = DirectFedDnsOutcome::State::NotFound;
            out.message = ftr("The sign-in endpoint is not on %1, and %1 has no DNS TXT record %2. Ask the partner "
                              "to publish it; until then guests cannot sign in with this provider.")
                              .arg(domain, out.expectedRecord);
        }
        return out;
    }
    out.state = DirectFedDnsOutcome::State::LookupFailed;
    out.message = ftr("The DNS TXT records of %1 could not be looked up (%2); try again later.")
                      .arg(domain, errorString.isEmpty() ? ftr("DNS error") : errorString);
    return out;
}

void DirectFedDnsChecker::check(const QString &federatedDomain, const QUrl &endpoint) {
    if (m_lookup) {
        m_lookup->disconnect(this);
        m_lookup->abort();
        m_lookup->deleteLater();
    }
    if (!needsDirectFedDnsRecord(federatedDomain, endpoint)) {
        const auto outcome = evaluate(federatedDomain, endpoint, QDnsLookup::NoError, {});
        QMetaObject::invokeMethod(
            this, [this, outcome] { emit finished(outcome); }, Qt::QueuedConnection);
        return;
    }
    const auto domain = normalizeDomain(federatedDomain);
    if (!domain) {
        auto outcome = evaluate(federatedDomain, endpoint, QDnsLookup::InvalidRequestError, {}, domain.error().message);
        QMetaObject::invokeMethod(
            this, [this, outcome] { emit finished(outcome); }, Qt::QueuedConnection);
        return;
    }
    m_lookup = new QDnsLookup(QDnsLookup::TXT, *domain, this);
    if (!m_nameserver.isNull()) {
        m_lookup->setNameserver(m_nameserver);
    }
    QDnsLookup *lookup = m_lookup;
    connect(lookup, &QDnsLookup::finished, this, [this, lookup, federatedDomain, endpoint] {
        QList<QByteArray> records;
        const auto txt = lookup->textRecords();
        for (const QDnsTextRecord &r : txt) {
            // A TXT record may be split into several character-strings; they form one value.
            records << r.values().join();
        }
        const auto outcome = evaluate(federatedDomain, endpoint, lookup->error(), records, lookup->errorString());
        qCInfo(lcFederation) << "DirectFedAuthUrl check" << federatedDomain << toString(outcome.state);
        lookup->deleteLater();
        m_lookup = nullptr;
        emit finished(outcome);
    });
    lookup->lookup();
}

} // namespace atrium::core
