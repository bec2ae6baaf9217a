#pragma once

#include "core/base/result.h"

#include <QByteArray>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QTimer;

namespace atrium::core {

// Downloads federation metadata (or an OIDC discovery document) over Qt Network, asynchronously:
// call fetch() and wait for finished(), which is emitted exactly once per fetch() (queued when the
// URL is refused up front, so connect before or after fetch() alike). On a worker thread, run a
// QEventLoop until finished() — the fetcher lives in the thread of its QNetworkAccessManager.
//
// Rules: https only, except http to 127.0.0.1, ::1 or localhost (for tests and local IdPs);
// redirects (at most 5) only to https; the body is capped at kMaxMetadataBytes while downloading
// (a larger Content-Length is refused before the body arrives); the whole fetch times out after
// 20 s. Failures are ErrorCode::Network (transient for timeouts and connection errors) or
// ErrorCode::Invalid for a refused URL, each with a user-readable message.
class MetadataFetcher final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetadataFetcher)
public:
    explicit MetadataFetcher(QNetworkAccessManager *nam, QObject *parent = nullptr);
    ~MetadataFetcher() override;

    void fetch(const QUrl &url);
    void abort(); // emits finished() with ErrorCode::Cancelled if a fetch is running

    void setTimeoutMs(int ms) { m_timeoutMs = ms; } // default 20000; tests shorten it
    void setMaxBytes(qint64 bytes) { m_maxBytes = bytes; }
    bool isRunning() const { return m_reply != nullptr; }

    // The URL rule on its own (no network): empty when allowed, else why not.
    static QString refusalReason(const QUrl &url);

signals:
    void finished(atrium::core::Result<QByteArray> result);

private:
    void fail(Error error);
    void complete(Result<QByteArray> result);

    QNetworkAccessManager *m_nam = nullptr;
    QPointer<QNetworkReply> m_reply;
    QTimer *m_timer = nullptr;
    QByteArray m_body;
    QUrl m_url;
    int m_timeoutMs = 20000;
    qint64 m_maxBytes;
    bool m_failed = false;
};

} // namespace atrium::core
