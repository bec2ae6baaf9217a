#include "smtpsink.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QThread>

#include <algorithm>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace atrium::test {

namespace {

const QString kPython = QStringLiteral("/usr/bin/python3");

// A port nobody listens on right now (the kernel picks it; the server binds it right after).
int freeLoopbackPort() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return 0;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    int port = 0;
    socklen_t len = sizeof(addr);
    if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0 &&
        ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0) {
        port = ntohs(addr.sin_port);
    }
    ::close(fd);
    return port;
}

bool canConnect(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) {
        return false;
    }
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(quint16(port));
    const bool ok = ::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof(addr)) == 0;
    ::close(fd);
    return ok;
}

QString supportDir() {
    const QString fromEnv = qEnvironmentVariable("ATRIUM_SOURCE_DIR");
    if (!fromEnv.isEmpty() && QFileInfo::exists(fromEnv + QStringLiteral("/tests/support/smtp_auth_sink.py"))) {
        return fromEnv + QStringLiteral("/tests/support");
    }
    // Run directly (not through CTest): the script sits next to this source file.
    return QFileInfo(QString::fromUtf8(__FILE__)).absolutePath();
}

} // namespace

SmtpSink::SmtpSink() : SmtpSink(Options{}) {}

SmtpSink::SmtpSink(Options options) : m_options(std::move(options)) {}

SmtpSink::~SmtpSink() { stop(); }

QString SmtpSink::maildir() const { return m_dir.filePath(QStringLiteral("maildir")); }

QString SmtpSink::caFile() const { return m_dir.filePath(QStringLiteral("cert.pem")); }

bool SmtpSink::isRunning() const { return m_process && m_process->state() == QProcess::Running; }

QString SmtpSink::logText() const {
    QFile f(m_dir.filePath(QStringLiteral("sink.log")));
    if (!f.open(QIODevice::ReadOnly)) {
        return {};
    }
    return QString::fromUtf8(f.readAll()).trimmed().right(2000);
}

bool SmtpSink::makeCertificate(QString *error) {
    if (QFileInfo::exists(caFile())) {
        return true;
    }
    QProcess openssl;
    openssl.setProcessChannelMode(QProcess::MergedChannels);
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                   QStringLiteral("-nodes"), QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                   QStringLiteral("/CN=localhost"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=DNS:localhost"), QStringLiteral("-keyout"),
                   m_dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"), caFile()});
    if (!openssl.waitForStarted(10000)) {
        *error = QStringLiteral("cannot run openssl (apt-get install openssl): ") + openssl.errorString();
        return false;
    }
    if (!openssl.waitForFinished(60000) || openssl.exitStatus() != QProcess::NormalExit || openssl.exitCode() != 0) {
        *error = QStringLiteral("openssl req -x509 failed: ") + QString::fromUtf8(openssl.readAll());
        return false;
    }
    return true;
}

bool SmtpSink::start(QString *error) {
    QString ignored;
    if (!error) {
        error = &ignored;
    }
    if (isRunning()) {
        return true;
    }
    if (!m_dir.isValid()) {
        *error = QStringLiteral("cannot create a temporary directory: ") + m_dir.errorString();
        return false;
    }
    if (!QFileInfo::exists(kPython)) {
        *error = QStringLiteral("/usr/bin/python3 is missing (apt-get install python3 python3-aiosmtpd)");
        return false;
    }
    // The subfolders too: Python's mailbox.Maildir only creates them for a path that does not exist.
    for (const char *sub : {"tmp", "new", "cur"}) {
        QDir().mkpath(maildir() + QLatin1Char('/') + QLatin1String(sub));
    }
    const bool scripted = m_options.tls != Options::Tls::None || !m_options.username.isEmpty() || m_options.refusals;
    if (m_options.tls != Options::Tls::None && !makeCertificate(error)) {
        return false;
    }
    if (m_port == 0) {
        m_port = freeLoopbackPort();
        if (m_port == 0) {
            *error = QStringLiteral("no free TCP port on 127.0.0.1");
            return false;
        }
    }

    QStringList args;
    if (scripted) {
        args << supportDir() + QStringLiteral("/smtp_auth_sink.py") << QStringLiteral("--port")
             << QString::number(m_port) << QStringLiteral("--maildir") << maildir();
        if (m_options.tls != Options::Tls::None) {
            args << (m_options.tls == Options::Tls::Implicit ? QStringLiteral("--smtps") : QStringLiteral("--starttls"))
                 << QStringLiteral("--cert") << caFile() << QStringLiteral("--key")
                 << m_dir.filePath(QStringLiteral("key.pem"));
        }
        if (!m_options.username.isEmpty()) {
            args << QStringLiteral("--user") << m_options.username << QStringLiteral("--password")
                 << m_options.password;
        }
        if (m_options.refusals) {
            args << QStringLiteral("--refusals");
        }
    } else {
        args << QStringLiteral("-m") << QStringLiteral("aiosmtpd") << QStringLiteral("-n") << QStringLiteral("-l")
             << QStringLiteral("127.0.0.1:%1").arg(m_port) << QStringLiteral("-c")
             << QStringLiteral("aiosmtpd.handlers.Mailbox") << maildir();
    }

    m_process = std::make_unique<QProcess>();
    // Output goes to a file: a pipe nobody reads could fill up and stall the server.
    m_process->setStandardOutputFile(m_dir.filePath(QStringLiteral("sink.log")), QIODevice::Append);
    m_process->setStandardErrorFile(m_dir.filePath(QStringLiteral("sink.log")), QIODevice::Append);
    m_process->start(kPython, args);
    if (!m_process->waitForStarted(10000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(kPython, m_process->errorString());
        m_process.reset();
        return false;
    }
    const QDeadlineTimer deadline(20000);
    while (!deadline.hasExpired()) {
        if (m_process->state() != QProcess::Running || m_process->waitForFinished(0)) {
            const QString log = logText();
            *error = log.contains(QLatin1String("No module named"))
                         ? QStringLiteral("python3-aiosmtpd is missing (apt-get install python3-aiosmtpd): ") + log
                         : QStringLiteral("the SMTP sink exited at start: ") + log;
            m_process.reset();
            return false;
        }
        if (canConnect(m_port)) {
            return true;
        }
        QThread::msleep(50);
    }
    *error = QStringLiteral("the SMTP sink did not listen on port %1 within 20 s: %2").arg(m_port).arg(logText());
    stop();
    return false;
}

void SmtpSink::stop() {
    if (!m_process) {
        return;
    }
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(5000)) {
            m_process->kill();
            m_process->waitForFinished(5000);
        }
    }
    m_process.reset();
    // The port is closed once the process is gone; wait for it so an outage test sees it closed.
    const QDeadlineTimer deadline(5000);
    while (canConnect(m_port) && !deadline.hasExpired()) {
        QThread::msleep(20);
    }
}

QList<QByteArray> SmtpSink::messages() const {
    QFileInfoList files;
    for (const char *sub : {"new", "cur"}) {
        const QDir d(maildir() + QLatin1Char('/') + QLatin1String(sub));
        files += d.entryInfoList(QDir::Files);
    }
    // Maildir names start with the delivery time in seconds; the modification time in ms orders
    // messages delivered within one second.
    std::sort(files.begin(), files.end(), [](const QFileInfo &a, const QFileInfo &b) {
        if (a.lastModified() != b.lastModified()) {
            return a.lastModified() < b.lastModified();
        }
        return a.fileName() < b.fileName();
    });
    QList<QByteArray> out;
    for (const QFileInfo &fi : files) {
        QFile f(fi.absoluteFilePath());
        if (f.open(QIODevice::ReadOnly)) {
            out.append(f.readAll());
        }
    }
    return out;
}

bool SmtpSink::waitForMessages(int count, int timeoutMs) const {
    const QDeadlineTimer deadline(timeoutMs);
    while (messages().size() < count) {
        if (deadline.hasExpired()) {
            return false;
        }
        QThread::msleep(20);
    }
    return true;
}

} // namespace atrium::test
