#pragma once

#include "core/federation/directfeddns.h"

#include <QDnsLookup>
#include <QHostAddress>
#include <QObject>
#include <QPointer>

namespace atrium::core {

// Looks up the federated domain's TXT records (QDnsLookup) and says whether
// "DirectFedAuthUrl=<endpoint>" is there. check() always ends in exactly one finished(), queued
// (never from inside check()). A domain whose endpoint is on the domain gets NotNeeded without a
// lookup.
class DirectFedDnsChecker final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DirectFedDnsChecker)
public:
    explicit DirectFedDnsChecker(QObject *parent = nullptr);
    ~DirectFedDnsChecker() override;

    void check(const QString &federatedDomain, const QUrl &endpoint);
    // Ask this server instead of the system resolver (port 53, as QDnsLookup supports in Qt 6.4).
    void setNameserver(const QHostAddress &server) { m_nameserver = server; }

    // The decision once the lookup is done, without DNS (used by check() and by tests).
    static DirectFedDnsOutcome evaluate(const QString &federatedDomain, const QUrl &endpoint, QDnsLookup::Error error,
                                        const QList<QByteArray> &txtRecords, const QString &errorString = {});

signals:
    void finished(const atrium::core::DirectFedDnsOutcome &outcome);

private:
    QPointer<QDnsLookup> m_lookup;
    QHostAddress m_nameserver;
};

} // namespace atrium::core
