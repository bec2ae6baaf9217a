#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

// Generates real X.509 certificates with the openssl command line (OpenSSL 3.0 on Debian 12).
// `openssl req -x509 -days N` gives a certificate valid from now; a certificate with past dates
// comes from `openssl ca -selfsign -startdate/-enddate`, which OpenSSL 3.0 has (req -not_before
// arrived only in 3.4). A failure fails the test loudly.
namespace atrium::test {

class CertFactory final {
public:
    CertFactory() { QVERIFY2(m_dir.isValid(), "no temporary directory"); }

    // Self-signed, valid from now for `days` days. Returns PEM.
    QByteArray selfSigned(const QString &cn, int days) {
        const QString name = next();
        run({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(name + QStringLiteral(".key")),
             QStringLiteral("-out"), path(name + QStringLiteral(".pem")), QStringLiteral("-days"),
             QString::number(days), QStringLiteral("-subj"),
             QStringLiteral("/CN=") + cn + QStringLiteral("/O=Contoso")});
        return read(name + QStringLiteral(".pem"));
    }

    // Self-signed with explicit validity, e.g. "20200101000000Z".
    QByteArray withDates(const QString &cn, const QString &start, const QString &end) {
        const QString name = next();
        const QString ca = path(name + QStringLiteral("-ca"));
        QDir().mkpath(ca);
        writeFile(ca + QStringLiteral("/index.txt"), {});
        writeFile(ca + QStringLiteral("/serial"), "01\n");
        const QString cnf = path(name + QStringLiteral(".cnf"));
        writeFile(cnf, QStringLiteral("[ ca ]\ndefault_ca = d\n[ d ]\ndatabase = %1/index.txt\nnew_certs_dir = %1\n"
                                      "serial = %1/serial\ndefault_md = sha256\npolicy = p\nunique_subject = no\n"
                                      "[ p ]\ncommonName = supplied\norganizationName = optional\n")
                           .arg(ca)
                           .toUtf8());
        run({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
             QStringLiteral("-nodes"), QStringLiteral("-keyout"), path(name + QStringLiteral(".key")),
             QStringLiteral("-out"), path(name + QStringLiteral(".csr")), QStringLiteral("-subj"),
             QStringLiteral("/CN=") + cn + QStringLiteral("/O=Contoso")});
        run({QStringLiteral("ca"), QStringLiteral("-batch"), QStringLiteral("-notext"), QStringLiteral("-config"), cnf,
             QStringLiteral("-selfsign"), QStringLiteral("-keyfile"), path(name + QStringLiteral(".key")),
             QStringLiteral("-in"), path(name + QStringLiteral(".csr")), QStringLiteral("-startdate"), start,
             QStringLiteral("-enddate"), end, QStringLiteral("-out"), path(name + QStringLiteral(".pem"))});
        return read(name + QStringLiteral(".pem"));
    }

    static QByteArray pemToDer(const QByteArray &pem) { return QByteArray::fromBase64(base64Body(pem)); }

    // The base64 body of a PEM certificate, without the BEGIN/END lines and line breaks.
    static QByteArray base64Body(const QByteArray &pem) {
        QByteArray out;
        const QList<QByteArray> lines = pem.split('\n');
        for (const QByteArray &line : lines) {
            if (!line.startsWith("-----")) {
                out += line.trimmed();
            }
        }
        return out;
    }

    // Base64 wrapped as some IdPs write it: line breaks every 64 characters and indentation.
    static QByteArray wrapped(const QByteArray &b64, const QByteArray &indent = "        ") {
        QByteArray out = "\n";
        for (qsizetype i = 0; i < b64.size(); i += 64) {
            out += indent + b64.mid(i, 64) + "\r\n";
        }
        return out + indent;
    }

    // openssl's own SHA-256 fingerprint, "AB:CD:..." (upper case), to check ours against.
    QByteArray fingerprint(const QByteArray &pem) {
        const QString name = next();
        writeFile(path(name + QStringLiteral(".pem")), pem);
        const QByteArray out =
            run({QStringLiteral("x509"), QStringLiteral("-in"), path(name + QStringLiteral(".pem")),
                 QStringLiteral("-noout"), QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
        return out.mid(out.indexOf('=') + 1).trimmed().toUpper();
    }

private:
    QString next() { return QStringLiteral("c%1").arg(++m_counter); }
    QString path(const QString &name) const { return m_dir.filePath(name); }
    QByteArray read(const QString &name) {
        QFile f(path(name));
        if (!f.open(QIODevice::ReadOnly)) {
            QTest::qFail("certificate file missing", __FILE__, __LINE__);
            return {};
        }
        return f.readAll();
    }
    static void writeFile(const QString &p, const QByteArray &data) {
        QFile f(p);
        if (f.open(QIODevice::WriteOnly)) {
            f.write(data);
        }
    }
    QByteArray run(const QStringList &args) {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0) {
            const QByteArray msg =
                "openssl " + args.join(QLatin1Char(' ')).toUtf8() + " failed: " + p.readAllStandardError();
            QTest::qFail(msg.constData(), __FILE__, __LINE__);
            return {};
        }
        return p.readAllStandardOutput();
    }

    QTemporaryDir m_dir;
    int m_counter = 0;
};

} // namespace atrium::test
