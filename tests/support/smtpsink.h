#pragma once

#include <QByteArray>
#include <QList>
#include <QProcess>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace atrium::test {

// A real SMTP server on 127.0.0.1 for tests: Debian's aiosmtpd (python3-aiosmtpd, run by
// /usr/bin/python3) delivering into a maildir the test reads back.
//
// Plain mode runs `python3 -m aiosmtpd -n -l 127.0.0.1:PORT -c aiosmtpd.handlers.Mailbox MAILDIR`.
// With TLS, AUTH or refusals it runs tests/support/smtp_auth_sink.py instead, with a self-signed
// certificate made by `openssl req -x509` (caFile() is that certificate). The certificate names
// only "localhost": clients connect to "localhost" to verify, and to 127.0.0.1 to see a host
// name mismatch.
// stop() then start() again simulates an outage: the server comes back on the same port.
class SmtpSink final {
public:
    struct Options {
        enum class Tls { None, StartTls, Implicit };
        Tls tls = Tls::None;
        QString username; // non-empty: AUTH PLAIN/LOGIN required (needs TLS)
        QString password;
        // RCPT TO of an address whose local part starts with "refuse450" / "refuse550" gets that code.
        bool refusals = false;
    };

    SmtpSink();
    explicit SmtpSink(Options options);
    ~SmtpSink();
    SmtpSink(const SmtpSink &) = delete;
    SmtpSink &operator=(const SmtpSink &) = delete;

    // Starts the server and waits until it accepts connections. On failure (aiosmtpd or openssl
    // missing, port taken, ...) returns false with a readable *error; tests QVERIFY2 on it.
    bool start(QString *error);
    void stop();
    bool isRunning() const;

    int port() const { return m_port; }
    QString maildir() const;
    QString caFile() const; // the self-signed certificate (TLS modes)

    // Raw RFC 822 bytes of each delivered message, oldest first. aiosmtpd's Mailbox handler adds
    // X-Peer, X-MailFrom and X-RcptTo headers (the SMTP envelope).
    QList<QByteArray> messages() const;
    bool waitForMessages(int count, int timeoutMs) const;

private:
    bool makeCertificate(QString *error);
    QString logText() const;

    Options m_options;
    QTemporaryDir m_dir;
    std::unique_ptr<QProcess> m_process;
    int m_port = 0;
};

} // namespace atrium::test
