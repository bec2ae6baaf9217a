#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUrl>

// A real HTTP/1.1 server on 127.0.0.1 for fetch tests: one request per connection, answers set by
// path. Small on purpose (QTcpServer) so that tests can also make it misbehave: hang, omit
// Content-Length, redirect.
namespace atrium::test {

class LoopbackHttpServer final : public QObject {
    Q_OBJECT
public:
    struct Response {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        bool hang = false;              // read the request, never answer
        bool omitContentLength = false; // body delimited by closing the connection
    };

    explicit LoopbackHttpServer(QObject *parent = nullptr) : QObject(parent) {
        connect(&m_server, &QTcpServer::newConnection, this, &LoopbackHttpServer::accept);
    }

    bool start() { return m_server.listen(QHostAddress::LocalHost, 0); }
    quint16 port() const { return m_server.serverPort(); }
    QUrl url(const QString &path) const { return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path)); }
    void set(const QByteArray &path, const Response &r) { m_routes[path] = r; }
    int hits(const QByteArray &path) const { return m_hits.value(path); }

private:
    void accept() {
        while (QTcpSocket *s = m_server.nextPendingConnection()) {
            s->setParent(this);
            connect(s, &QTcpSocket::readyRead, this, [this, s] { onRead(s); });
            connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
        }
    }

    void onRead(QTcpSocket *s) {
        QByteArray &buffer = m_buffers[s];
        buffer += s->readAll();
        if (!buffer.isEmpty() && !(buffer.at(0) >= 'A' && buffer.at(0) <= 'Z')) {
            // Not HTTP (e.g. a TLS ClientHello after a redirect to https): hang up at once.
            m_buffers.remove(s);
            s->abort();
            return;
        }
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0) {
            return;
        }
        const QList<QByteArray> requestLine = buffer.left(buffer.indexOf("\r\n")).split(' ');
        const QByteArray path = requestLine.value(1);
        m_buffers.remove(s);
        ++m_hits[path];
        const auto it = m_routes.constFind(path);
        Response r = it == m_routes.cend() ? Response{404, "not found", {}, false, false} : *it;
        if (r.hang) {
            return;
        }
        QByteArray head = "HTTP/1.1 " + QByteArray::number(r.status) + " " + reason(r.status) + "\r\n";
        head += "Connection: close\r\n";
        if (!r.omitContentLength) {
            head += "Content-Length: " + QByteArray::number(r.body.size()) + "\r\n";
        }
        for (const auto &h : std::as_const(r.headers)) {
            head += h.first + ": " + h.second + "\r\n";
        }
        s->write(head + "\r\n");
        s->write(r.body);
        connect(s, &QTcpSocket::bytesWritten, s, [s] {
            if (s->bytesToWrite() == 0) {
                s->disconnectFromHost();
            }
        });
    }

    static QByteArray reason(int status) {
        switch (status) {
        case 200:
            return "OK";
        case 302:
            return "Found";
        case 404:
            return "Not Found";
        case 500:
            return "Internal Server Error";
        default:
            return "Status";
        }
    }

    QTcpServer m_server;
    QHash<QByteArray, Response> m_routes;
    QHash<QByteArray, int> m_hits;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace atrium::test
