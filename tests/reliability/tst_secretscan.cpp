// Secrets (issue 9 §6): a realistic flow — invitations with mail drained into a real SMTP server,
// a passcode asked for and verified, an SMTP password and an IdP client secret stored — and then
// every file the flow left behind (SQLite database, -wal, -shm, settings, logs, the keychain's own
// files) is scanned for each token, passcode and secret in clear, as UTF-8 and as UTF-16LE. On
// PostgreSQL the same secrets must not appear in `pg_dump --data-only` of the directory.
#include "core/identityproviders/identityproviderservice.h"
#include "core/invitations/invitationservice.h"
#include "core/invitations/invitationtoken.h"
#include "core/invitations/outboxsender.h"
#include "core/mail/passcodemail.h"
#include "core/mail/smtpsettings.h"
#include "core/mail/smtptransport.h"
#include "core/redemption/redemptionservice.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/services/directoryservice.h"
#include "directoryfixture.h"
#include "smtpsink.h"

#include <QDirIterator>
#include <QProcess>
#include <QRegularExpression>
#include <QSettings>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace atrium::core;
using atrium::test::DirectoryFixture;
using atrium::test::SmtpSink;

namespace {

QString decodeQuotedPrintable(const QByteArray &raw) {
    QByteArray out;
    for (int i = 0; i < raw.size(); ++i) {
        if (raw[i] == '=' && i + 2 < raw.size()) {
            if (raw[i + 1] == '\r' || raw[i + 1] == '\n') {
                i += raw[i + 1] == '\r' ? 2 : 1;
                continue;
            }
            const QByteArray byte = QByteArray::fromHex(raw.mid(i + 1, 2));
            if (byte.size() == 1) {
                out += byte;
                i += 2;
                continue;
            }
        }
        out += raw[i];
    }
    return QString::fromUtf8(out);
}

QByteArray utf16le(const QString &s) {
    QByteArray out;
    for (QChar c : s) {
        out += char(c.unicode() & 0xff);
        out += char(c.unicode() >> 8);
    }
    return out;
}

// Which secrets occur in the bytes, in either encoding.
QStringList findSecrets(const QByteArray &bytes, const QStringList &secrets) {
    QStringList found;
    for (const QString &s : secrets) {
        if (bytes.contains(s.toUtf8()) || bytes.contains(utf16le(s))) {
            found << s;
        }
    }
    return found;
}

} // namespace

class tst_SecretScan : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_home; // settings, data and cache of this process (XDG), scanned at the end
    QString m_keyringData; // the keychain session's XDG_DATA_HOME: gnome-keyring's files
    DirectoryFixture m_fx;
    std::shared_ptr<SecretStore> m_secrets = std::make_shared<KeychainSecretStore>(QStringLiteral("secretscan"));
    SmtpSink m_sink;

    // Runs the flow on a fresh directory; returns every secret it produced.
    QStringList runFlow(const QString &engine, std::shared_ptr<Database> *database) {
        QStringList secrets;
        auto ctx = m_fx.freshDirectory(engine);
        if (!ctx.ok()) {
            QTest::qFail("no directory", __FILE__, __LINE__);
            return {};
        }
        *database = ctx->database();
        auto info = DirectoryService(*ctx).info();
        if (!info.ok()) {
            QTest::qFail("no directory info", __FILE__, __LINE__);
            return {};
        }
        // An SMTP password and an IdP client secret through the keychain wrappers.
        const QString smtpPassword = QStringLiteral("Smtp-Pa55word-") + engine + QStringLiteral("-x7Qz9");
        if (!m_secrets->write(OutboxSender::smtpPasswordSecretName(info->tenantId), smtpPassword).ok()) {
            QTest::qFail("cannot store the SMTP password", __FILE__, __LINE__);
        }
        secrets << smtpPassword;
        const QString clientSecret = QStringLiteral("GOCSPX-ClientSecret-") + engine + QStringLiteral("-9kLm2");
        IdentityProviderService idps(*ctx, m_secrets);
        auto google = idps.addGoogle(QStringLiteral("1234-abc.apps.googleusercontent.com"), clientSecret);
        if (!google.ok()) {
            QTest::qFail(qPrintable(QStringLiteral("addGoogle: ") + google.error().message), __FILE__, __LINE__);
        }
        secrets << clientSecret;

        // Invitations with mail, drained into the real SMTP server.
        InvitationService invitations(*ctx, m_secrets);
        QStringList tokens;
        const int before = m_sink.messages().size();
        for (int i = 0; i < 5; ++i) {
            GuestInvite g;
            g.email = QStringLiteral("scan%1-%2@contoso.com").arg(i).arg(engine);
            g.redirectUrl = QStringLiteral("https://myapps.fabrikam.example/");
            g.displayName = QStringLiteral("Scan Guest %1").arg(i);
            g.sendEmail = true;
            auto r = invitations.invite(g);
            if (!r.ok()) {
                QTest::qFail(qPrintable(r.error().message), __FILE__, __LINE__);
                return {};
            }
        }
        SmtpSettings s;
        s.host = QStringLiteral("127.0.0.1");
        s.port = m_sink.port();
        s.security = SmtpSettings::Security::None;
        s.fromAddress = QStringLiteral("invites@fabrikam.example");
        s.timeoutSeconds = 5;
        OutboxSender sender(ctx->database(), ctx->clockPtr(), m_secrets, std::make_shared<SmtpTransport>(s, QString()),
                            {QStringLiteral("invites@fabrikam.example"), QStringLiteral("Fabrikam")});
        // Drained the way the mail service does it: run after run until nothing is left.
        int sent = 0;
        QString why;
        for (int run = 0; run < 20 && sent < 5; ++run) {
            auto report = sender.drainOnce(50);
            if (!report.ok()) {
                why = report.error().message;
                break;
            }
            sent += report->sent;
            why = report->lastError;
        }
        if (sent != 5 || !m_sink.waitForMessages(before + 5, 10000)) {
            why = QStringLiteral("sent %1; ").arg(sent) + why;
            QTest::qFail(qPrintable(QStringLiteral("the invitation mails did not arrive: ") + why), __FILE__, __LINE__);
            return {};
        }
        const QRegularExpression link(QStringLiteral("/redeem/([A-Za-z0-9_-]{43})"));
        const auto mails = m_sink.messages().mid(before);
        for (const QByteArray &raw : mails) {
            auto it = link.globalMatch(decodeQuotedPrintable(raw));
            while (it.hasNext()) {
                const QString t = it.next().captured(1);
                if (!tokens.contains(t)) {
                    tokens << t;
                }
            }
        }
        if (tokens.size() < 5) {
            QTest::qFail("fewer than 5 tokens in the mails", __FILE__, __LINE__);
            return {};
        }
        secrets << tokens;

        // A passcode asked for, mailed, and verified; the session secret is a secret too.
        auto key = TokenKey::load(*m_secrets, info->tenantId);
        if (!key.ok()) {
            QTest::qFail("no token key", __FILE__, __LINE__);
            return {};
        }
        secrets << QString::fromLatin1(key->toBase64()) << QString::fromLatin1(key->toHex())
                << QString::fromLatin1(key->toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        RedemptionService redemption(ctx->database(), ctx->clockPtr(), *key);
        auto req = redemption.requestPasscode(tokens.first());
        if (!req.ok() || req->problem != RedeemProblem::None) {
            QTest::qFail("requestPasscode failed", __FILE__, __LINE__);
            return {};
        }
        const int beforeCode = m_sink.messages().size();
        auto codeReport = sender.drainOnce(10);
        if (!codeReport.ok() || codeReport->sent != 1 || !m_sink.waitForMessages(beforeCode + 1, 10000)) {
            QTest::qFail("the passcode mail did not arrive", __FILE__, __LINE__);
            return {};
        }
        const QString codeMail = decodeQuotedPrintable(m_sink.messages().last());
        const QRegularExpression digits(QStringLiteral("\\b(\\d{8})\\b"));
        QString code;
        auto it = digits.globalMatch(codeMail.section(QStringLiteral("\n\n"), 1) + codeMail.section(QStringLiteral("\r\n\r\n"), 1));
        if (it.hasNext()) {
            code = it.next().captured(1);
        }
        if (code.isEmpty()) {
            QTest::qFail("no 8-digit code in the passcode mail", __FILE__, __LINE__);
            return {};
        }
        auto verified = redemption.verifyPasscode(tokens.first(), code);
        if (!verified.ok() || verified->problem != RedeemProblem::None || verified->sessionSecret.isEmpty()) {
            QTest::qFail("the mailed code did not verify", __FILE__, __LINE__);
            return {};
        }
        auto accepted = redemption.accept(verified->sessionSecret);
        if (!accepted.ok()) {
            QTest::qFail("accept failed", __FILE__, __LINE__);
        }
        secrets << code << verified->sessionSecret;
        // A second code, asked for and left unused (a pending passcode is as secret as a used one).
        auto req2 = redemption.requestPasscode(tokens.at(1));
        if (req2.ok() && req2->problem == RedeemProblem::None && sender.drainOnce(10).ok() &&
            m_sink.waitForMessages(beforeCode + 2, 10000)) {
            auto again = digits.globalMatch(decodeQuotedPrintable(m_sink.messages().last()).section(QStringLiteral("\r\n\r\n"), 1));
            if (again.hasNext()) {
                secrets << again.next().captured(1);
            }
        }
        return secrets;
    }

private slots:
    void initTestCase() {
        QVERIFY(m_home.isValid());
        m_keyringData = qEnvironmentVariable("XDG_DATA_HOME");
        // Everything this process could write through QSettings or QStandardPaths lands in m_home.
        qputenv("XDG_CONFIG_HOME", m_home.filePath(QStringLiteral("config")).toLocal8Bit());
        qputenv("XDG_DATA_HOME", m_home.filePath(QStringLiteral("data")).toLocal8Bit());
        qputenv("XDG_CACHE_HOME", m_home.filePath(QStringLiteral("cache")).toLocal8Bit());
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
        QVERIFY2(m_sink.start(&error), qPrintable(QStringLiteral("SMTP sink: ") + error));
    }

    void sqliteFilesHoldNoSecret() {
        std::shared_ptr<Database> db;
        const QStringList secrets = runFlow(QStringLiteral("sqlite"), &db);
        QVERIFY(!secrets.isEmpty());
        // Settings as the applications write them (the last directory, window state), so the
        // scan covers a real settings file too.
        {
            QSettings settings(QStringLiteral("Atrium"), QStringLiteral("Atrium"));
            settings.setValue(QStringLiteral("lastDirectory"), db->info().toUrl());
            settings.sync();
            QVERIFY(settings.fileName().startsWith(m_home.path()));
        }
        // The -wal and -shm files are scanned while the connection is still open.
        const QString dbPath = db->info().path;
        QVERIFY(QFile::exists(dbPath));
        QStringList roots{QFileInfo(dbPath).absolutePath(), m_home.path()};
        for (const QString &extra : {qEnvironmentVariable("HOME"), m_keyringData}) {
            if (!extra.isEmpty() && QDir(extra).exists()) {
                roots << extra; // the keychain session's home and gnome-keyring's own (encrypted) files
            }
        }
        int files = 0;
        qint64 bytes = 0;
        QStringList leaks;
        bool sawWal = false;
        for (const QString &root : std::as_const(roots)) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile f(path);
                if (!f.open(QIODevice::ReadOnly)) {
                    continue; // sockets, fifos
                }
                const QByteArray content = f.readAll();
                ++files;
                bytes += content.size();
                sawWal = sawWal || path.endsWith(QStringLiteral("-wal"));
                const QStringList found = findSecrets(content, secrets);
                for (const QString &s : found) {
                    leaks << path + QStringLiteral(": ") + s;
                }
            }
        }
        qInfo("scanned %d files (%lld bytes) for %lld secrets", files, bytes, qint64(secrets.size()));
        QVERIFY(files >= 2);
        QVERIFY2(sawWal, "no -wal file was scanned");
        QVERIFY2(leaks.isEmpty(), qPrintable(leaks.join(QLatin1Char('\n'))));
    }

    void postgresDumpHoldsNoSecret() {
        std::shared_ptr<Database> db;
        const QStringList secrets = runFlow(QStringLiteral("postgresql"), &db);
        QVERIFY(!secrets.isEmpty());
        QString pgDump = QStringLiteral("/usr/lib/postgresql/15/bin/pg_dump");
        if (!QFile::exists(pgDump)) {
            pgDump = QStandardPaths::findExecutable(QStringLiteral("pg_dump"));
        }
        QVERIFY2(!pgDump.isEmpty(), "pg_dump not found (postgresql-client)");
        QProcess p;
        p.start(pgDump, {QStringLiteral("--data-only"), QStringLiteral("-h"), m_fx.pg().host(), QStringLiteral("-p"),
                         QString::number(m_fx.pg().port()), QStringLiteral("-U"), m_fx.pg().superuser(),
                         db->info().database});
        QVERIFY(p.waitForFinished(120000));
        const QByteArray dump = p.readAllStandardOutput();
        QVERIFY2(p.exitCode() == 0, p.readAllStandardError().constData());
        QVERIFY2(dump.contains("COPY public.invitations") || dump.contains("COPY invitations"), dump.left(500).constData());
        const QStringList found = findSecrets(dump, secrets);
        qInfo("pg_dump: %lld bytes scanned for %lld secrets", qint64(dump.size()), qint64(secrets.size()));
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(tst_SecretScan)
#include "tst_secretscan.moc"
