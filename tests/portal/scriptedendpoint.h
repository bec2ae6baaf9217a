#pragma once

// A real HTTP endpoint on loopback for API connector tests (SPEC §8): answers each POST with the
// next scripted (status, body, delay) and records what it was sent (head and body).

#include <QHash>
#include <QObject>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>

namespace atrium::test {

// Answers each POST with the next scripted (status, body, delay); records what it was sent.
class ScriptedEndpoint final : public QObject {
public:
    struct Answer {
        int status = 200;
        QByteArray body;
        int delayMs = 0;
    };
    struct Request {
        QByteArray head;
        QByteArray body;
    };

    bool start() {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] { onData(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
        return m_server.listen(QHostAddress::LocalHost, 0);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/connector").arg(m_server.serverPort())); }
    QList<Answer> script;
    QList<Request> requests;

private:
    void onData(QTcpSocket *s) {
        QByteArray &buf = m_buffers[s];
        buf += s->readAll();
        const qsizetype headEnd = buf.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            return;
        }
        const QByteArray head = buf.left(headEnd);
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:")) {
                length = line.mid(15).trimmed().toLongLong();
            }
        }
        if (buf.size() < headEnd + 4 + length) {
            return;
        }
        requests << Request{head, buf.mid(headEnd + 4, length)};
        m_buffers.remove(s);
        const Answer a = script.isEmpty() ? Answer{500, "{}", 0} : script.takeFirst();
        auto respond = [s, a] {
            if (s->state() != QAbstractSocket::ConnectedState) {
                return;
            }
            const QByteArray reason = a.status == 200 ? "OK" : "Status";
            s->write("HTTP/1.1 " + QByteArray::number(a.status) + ' ' + reason +
                     "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " +
                     QByteArray::number(a.body.size()) + "\r\n\r\n" + a.body);
            s->disconnectFromHost();
        };
        if (a.delayMs > 0) {
            QTimer::singleShot(a.delayMs, s, respond);
        } else {
            respond();
        }
    }
    QTcpServer m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace atrium::test
