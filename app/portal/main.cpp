#include "portalapp.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>
#include <QThread>
#include <algorithm>

namespace {
QString tr(const char *s) {
    return QCoreApplication::translate("atrium::portal::Main", s);
}

bool parseListen(const QString &text, QHostAddress *address, quint16 *port) {
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0) {
        return false;
    }
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']'))) {
        host = host.mid(1, host.size() - 2);
    }
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535 || !address->setAddress(host)) {
        return false;
    }
    *port = quint16(p);
    return true;
}
} // namespace

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atrium-portal"));
    QCoreApplication::setOrganizationName(QStringLiteral("Atrium"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATRIUM_VERSION));

    QCommandLineParser p;
    p.setApplicationDescription(
        tr("Atrium guest portal: invitation redemption, consent and email one-time passcodes over HTTP."));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption db(QStringLiteral("db"), tr("Directory database URL (sqlite:PATH or postgresql://...)."),
                                tr("URL"));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    tr("Address and port to listen on (default 127.0.0.1:8443; port 0 = any free)."),
                                    tr("ADDRESS:PORT"), QStringLiteral("127.0.0.1:8443"));
    const QCommandLineOption cert(QStringLiteral("cert"), tr("TLS certificate chain (PEM): serve HTTPS."), tr("FILE"));
    const QCommandLineOption key(QStringLiteral("key"), tr("TLS private key (PEM, unencrypted)."), tr("FILE"));
    const QCommandLineOption proxy(QStringLiteral("trusted-proxy"),
                                   tr("Reverse proxy address whose X-Forwarded-For is believed for rate limits."),
                                   tr("ADDRESS"));
    const QCommandLineOption getRate(QStringLiteral("get-rate"),
                                     tr("Page views per minute per client address (default 600; 0 = unlimited)."),
                                     tr("N"), QStringLiteral("600"));
    const QCommandLineOption postRate(QStringLiteral("post-rate"),
                                      tr("Form posts per minute per client address (default 30; 0 = unlimited)."),
                                      tr("N"), QStringLiteral("30"));
    const QCommandLineOption mailInterval(QStringLiteral("mail-interval"),
                                          tr("Seconds between outbox drains (default 30)."), tr("SECONDS"),
                                          QStringLiteral("30"));
    const QCommandLineOption noMail(QStringLiteral("no-mail"),
                                    tr("Do not send mail (another process drains the outbox)."));
    const QCommandLineOption threads(
        QStringLiteral("threads"),
        tr("HTTP serving threads, each with its own listening socket on the same port (default: the number of "
           "cores, %1 here; 1 = serve from the main thread).")
            .arg(std::max(1, QThread::idealThreadCount())),
        tr("N"), QString::number(std::max(1, QThread::idealThreadCount())));
    p.addOptions({db, listen, cert, key, proxy, getRate, postRate, mailInterval, noMail, threads});
    p.process(app);

    QTextStream err(stderr);
    atrium::portal::PortalConfig config;
    config.dbUrl = p.value(db);
    if (!parseListen(p.value(listen), &config.address, &config.port)) {
        err << tr("--listen needs ADDRESS:PORT, for example 127.0.0.1:8443 or [::1]:8443.") << '\n';
        return 2;
    }
    config.certFile = p.value(cert);
    config.keyFile = p.value(key);
    if (p.isSet(proxy) && !config.trustedProxy.setAddress(p.value(proxy))) {
        err << tr("--trusted-proxy needs an IP address.") << '\n';
        return 2;
    }
    bool ok1 = false;
    bool ok2 = false;
    bool ok3 = false;
    config.getPerMinute = p.value(getRate).toInt(&ok1);
    config.postPerMinute = p.value(postRate).toInt(&ok2);
    config.mailIntervalMs = p.value(mailInterval).toInt(&ok3) * 1000;
    if (!ok1 || !ok2 || !ok3 || config.getPerMinute < 0 || config.postPerMinute < 0 || config.mailIntervalMs < 1000) {
        err << tr("--get-rate and --post-rate need a whole number >= 0, --mail-interval one >= 1.") << '\n';
        return 2;
    }
    config.sendMail = !p.isSet(noMail);
    bool ok4 = false;
    config.threads = p.value(threads).toInt(&ok4);
    if (!ok4 || config.threads < 1 || config.threads > 64) {
        err << tr("--threads needs a whole number from 1 to 64.") << '\n';
        return 2;
    }

    atrium::portal::PortalApp portal;
    if (const auto s = portal.start(config); !s.ok()) {
        err << tr("atrium-portal: %1").arg(s.error().message) << '\n';
        return 1;
    }
    // One line on stdout so that scripts (and tests using port 0) learn where it listens.
    QTextStream(stdout) << tr("atrium-portal listening on %1 (links use %2)").arg(portal.listenUrl(), portal.baseUrl())
                        << Qt::endl;
    return app.exec();
}
