// Disk full on SQLite (issue 9 §2), with a disk that is really full: the directory lives on a small
// tmpfs that the test mounts in a mount namespace of its own (it re-runs itself under `unshare
// --mount` as root, `unshare --user --map-root-user --mount` otherwise — both work on a stock
// Debian 12; nothing is mounted outside the test). Filler files take every free byte (write() ends
// with ENOSPC), then the real atriumctl (a child, so in the same namespace) is run:
// - a single invitation and a bulk invitation batch fail with the clear "the disk is full; nothing
//   was saved" message and a non-zero exit;
// - nothing is half-written: every guest in the directory has all of its rows, the row counts of the
//   tables an invitation writes are unchanged when no space was free at all, and the database
//   passes PRAGMA integrity_check and foreign_key_check after every failure;
// - with a little space (some batches fit, then the disk fills) the committed guests are whole;
// - once the filler is removed, the same invitation and the same file succeed, with no duplicates.
#include "core/services/directoryservice.h"
#include "core/storage/database.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sys/vfs.h>
#include <unistd.h>
#include <vector>

using namespace atrium::core;

namespace {
constexpr qint64 kTmpfsBytes = 48LL * 1024 * 1024;
constexpr int kBulkRows = 2000;
constexpr qint64 kTmpfsMagic = 0x01021994;

QString atriumctl() {
    return qEnvironmentVariable("ATRIUM_BINARY_DIR") + QStringLiteral("/app/cli/atriumctl");
}

qint64 scalar(QSqlDatabase db, const QString &sql) {
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        return -1;
    }
    return q.value(0).toLongLong();
}

struct Run {
    int exitCode = -1;
    QString output; // stdout and stderr
};
} // namespace

class tst_DiskFull final : public QObject {
    Q_OBJECT

    QTemporaryDir m_outside; // the CSV file and the mount point (empty outside the namespace)
    QString m_dir;           // the tmpfs
    QString m_how;           // which unshare made the namespace
    std::shared_ptr<Database> m_db;
    QString m_url;
    QString m_csv;
    int m_fillers = 0;

    // The test runs in a private mount namespace (see main()), so the tmpfs it mounts is its own
    // and atriumctl, its child, sees it at the same path; nothing is mounted outside.
    bool mountTmpfs(QString *why) {
        m_how = qEnvironmentVariable("ATRIUM_DISKFULL_NAMESPACE");
        if (m_how.isEmpty() || m_how == QLatin1String("none")) {
            *why = QStringLiteral("neither `unshare --mount` (root) nor `unshare --user --map-root-user --mount` "
                                  "(unprivileged user namespaces) could make a private mount namespace; install "
                                  "util-linux and allow one of them");
            return false;
        }
        const QString mountPoint = m_outside.filePath(QStringLiteral("mnt"));
        QDir().mkpath(mountPoint);
        QProcess mount;
        mount.setProcessChannelMode(QProcess::MergedChannels);
        mount.start(QStringLiteral("mount"),
                    {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                     QStringLiteral("size=%1,mode=0777").arg(kTmpfsBytes), QStringLiteral("tmpfs"), mountPoint});
        if (!mount.waitForFinished(30000) || mount.exitCode() != 0) {
            *why = QStringLiteral("mount -t tmpfs in the namespace (%1): %2")
                       .arg(m_how, QString::fromLocal8Bit(mount.readAll()).trimmed());
            return false;
        }
        m_dir = mountPoint;
        return true;
    }

    // Takes every free byte of the tmpfs with filler files of 1 MiB; returns whether write() ended
    // with ENOSPC (and not some other error).
    bool fillDisk(QString *why) {
        static const QByteArray chunk(1024 * 1024, 'x');
        for (;;) {
            const QByteArray path = QFile::encodeName(m_dir + QStringLiteral("/filler-%1").arg(m_fillers++));
            const int fd = ::open(path.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            if (fd < 0) {
                if (errno == ENOSPC) {
                    return true;
                }
                *why = QString::fromLocal8Bit(std::strerror(errno));
                return false;
            }
            qint64 done = 0;
            while (done < chunk.size()) {
                const ssize_t n = ::write(fd, chunk.constData() + done, size_t(chunk.size() - done));
                if (n < 0) {
                    const int e = errno;
                    ::close(fd);
                    if (e == ENOSPC) {
                        return true;
                    }
                    *why = QString::fromLocal8Bit(std::strerror(e));
                    return false;
                }
                done += n;
            }
            ::close(fd);
        }
    }
    qint64 freeBytes() const {
        struct statfs st {};
        if (::statfs(QFile::encodeName(m_dir).constData(), &st) != 0) {
            return -1;
        }
        return qint64(st.f_bavail) * qint64(st.f_bsize);
    }
    void removeFillers(int count) {
        for (int i = m_fillers - 1; i >= 0 && count > 0; --i) {
            if (QFile::remove(m_dir + QStringLiteral("/filler-%1").arg(i))) {
                --count;
            }
        }
    }

    Run atriumctlRun(const QStringList &args) {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(atriumctl(), QStringList{QStringLiteral("--db"), m_url} + args);
        Run r;
        if (!p.waitForFinished(600000)) {
            r.output = QStringLiteral("atriumctl did not finish: ") + p.errorString();
            return r;
        }
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
        r.output = QString::fromUtf8(p.readAll());
        return r;
    }
    Run inviteOne(const QString &email) {
        return atriumctlRun({QStringLiteral("invite"), email, QStringLiteral("--redirect"),
                             QStringLiteral("https://myapps.fabrikam.example/")});
    }
    Run inviteFile() { return atriumctlRun({QStringLiteral("invite"), QStringLiteral("--csv"), m_csv}); }

    // The counts of what an invitation writes.
    QString counts() {
        auto c = m_db->connection();
        if (!c.ok()) {
            return c.error().message;
        }
        QStringList out;
        for (const char *table : {"users", "invitations", "user_identities", "sponsors", "outbox", "audit_log"}) {
            out << QStringLiteral("%1=%2")
                       .arg(QLatin1String(table))
                       .arg(scalar(*c, QStringLiteral("SELECT COUNT(*) FROM ") + QLatin1String(table)));
        }
        return out.join(QLatin1Char(' '));
    }

    // Integrity and whole guests; returns the first problem.
    QString check() {
        auto integrity = m_db->integrityCheck();
        if (!integrity.ok() || *integrity != QLatin1String("ok")) {
            return QStringLiteral("integrity check: ") + (integrity.ok() ? *integrity : integrity.error().message);
        }
        auto c = m_db->connection();
        if (!c.ok()) {
            return c.error().message;
        }
        const struct {
            const char *what;
            const char *sql;
        } checks[] = {
            {"duplicate addresses",
             "SELECT COUNT(*) FROM (SELECT mail_lower FROM users GROUP BY mail_lower HAVING COUNT(*) > 1) d"},
            {"guests without exactly one invitation", "SELECT COUNT(*) FROM users u WHERE u.creation_type = "
                                                      "'Invitation' AND (SELECT COUNT(*) FROM invitations i "
                                                      "WHERE i.user_id = u.id) <> 1"},
            {"guests without an identity",
             "SELECT COUNT(*) FROM users u WHERE u.creation_type = 'Invitation' AND NOT EXISTS (SELECT 1 FROM "
             "user_identities x WHERE x.user_id = u.id)"},
            {"guests without a sponsor", "SELECT COUNT(*) FROM users u WHERE u.creation_type = 'Invitation' AND NOT "
                                         "EXISTS (SELECT 1 FROM sponsors s "
                                         "WHERE s.user_id = u.id)"},
            {"guests without their audit row",
             "SELECT COUNT(*) FROM users u WHERE u.creation_type = 'Invitation' AND (SELECT COUNT(*) FROM audit_log a "
             "WHERE a.target_id = u.id AND a.activity = 'Invite external user' AND a.result = 'success') <> 1"},
            {"mail asked for but not queued",
             "SELECT COUNT(*) FROM invitations i WHERE i.send_email = 1 AND NOT EXISTS (SELECT 1 FROM outbox o WHERE "
             "o.invitation_id = i.id)"},
            {"orphan invitations", "SELECT COUNT(*) FROM invitations i WHERE NOT EXISTS (SELECT 1 FROM users u WHERE "
                                   "u.id = i.user_id)"},
        };
        for (const auto &chk : checks) {
            const qint64 n = scalar(*c, QString::fromLatin1(chk.sql));
            if (n != 0) {
                return QStringLiteral("%1: %2").arg(QString::fromLatin1(chk.what)).arg(n);
            }
        }
        return {};
    }
    qint64 guests() {
        auto c = m_db->connection();
        return scalar(*c, QStringLiteral("SELECT COUNT(*) FROM users WHERE creation_type = 'Invitation'"));
    }
    static bool saysDiskFull(const QString &output) {
        return output.contains(QLatin1String("the disk is full"), Qt::CaseInsensitive) &&
               output.contains(QLatin1String("Nothing was saved"), Qt::CaseInsensitive);
    }

private slots:
    void initTestCase() {
        QVERIFY(m_outside.isValid());
        QVERIFY2(QFile::exists(atriumctl()), qPrintable(QStringLiteral("atriumctl not built at ") + atriumctl()));
        QString why;
        QVERIFY2(mountTmpfs(&why),
                 qPrintable(QStringLiteral("could not mount a tmpfs in a private mount namespace: ") + why));
        struct statfs st {};
        QVERIFY(::statfs(QFile::encodeName(m_dir).constData(), &st) == 0);
        QCOMPARE(qint64(st.f_type), kTmpfsMagic);
        QVERIFY(qint64(st.f_blocks) * qint64(st.f_bsize) <= kTmpfsBytes);
        qInfo("a %lld MiB tmpfs in a mount namespace made by `%s` at %s", kTmpfsBytes / 1024 / 1024, qPrintable(m_how),
              qPrintable(m_dir));

        ConnectionInfo info;
        info.path = m_dir + QStringLiteral("/directory.sqlite");
        auto db = Database::open(info, Database::OpenMode::CreateIfMissing);
        QVERIFY2(db.ok(), qPrintable(db.ok() ? QString() : db.error().message));
        m_db = *db;
        m_url = info.toUrl();
        NewDirectory spec{QStringLiteral("Fabrikam"), QStringLiteral("fabrikam.example")};
        QVERIFY(DirectoryService::create(*m_db, SystemClock(), spec).ok());

        m_csv = m_outside.filePath(QStringLiteral("guests.csv"));
        QFile f(m_csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("version:v1.0\r\nEmail address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] "
                "Required,Send invitation message (true or false) [sendEmail],Customized invitation message "
                "[customizedMessageBody]\r\n");
        for (int i = 0; i < kBulkRows; ++i) {
            f.write("full" + QByteArray::number(i) + "@partner" + QByteArray::number(i % 13) +
                    ".example,https://myapps.fabrikam.example/," + (i % 4 == 0 ? "true" : "false") + ",Hello\r\n");
        }
    }
    void cleanupTestCase() {
        m_db.reset();
        if (!m_dir.isEmpty()) {
            QProcess::execute(QStringLiteral("umount"), {m_dir});
        }
    }

    void fullDiskRefusesAndKeepsTheDirectoryWhole() {
        const Run first = inviteOne(QStringLiteral("before@contoso.example"));
        QVERIFY2(first.exitCode == 0, qPrintable(first.output));
        QCOMPARE(guests(), 1);

        // 1. Not a byte free: a single invitation and a bulk batch are both refused, nothing written.
        QString why;
        QVERIFY2(fillDisk(&why), qPrintable(QStringLiteral("filling the tmpfs: ") + why));
        QVERIFY2(freeBytes() < 4096, qPrintable(QString::number(freeBytes())));
        const QString before = counts();
        const Run one = inviteOne(QStringLiteral("alice@contoso.example"));
        qInfo("single invitation on a full disk: exit %d: %s", one.exitCode, qPrintable(one.output.trimmed()));
        QVERIFY(one.exitCode != 0);
        QVERIFY2(saysDiskFull(one.output), qPrintable(one.output));
        QCOMPARE(counts(), before);
        QCOMPARE(check(), QString());

        const Run bulk = inviteFile();
        qInfo("bulk invitation on a full disk: exit %d: %s", bulk.exitCode,
              qPrintable(bulk.output.trimmed().left(600)));
        QVERIFY(bulk.exitCode != 0);
        QVERIFY2(saysDiskFull(bulk.output), qPrintable(bulk.output.left(2000)));
        QCOMPARE(counts(), before);
        QCOMPARE(check(), QString());

        // 2. A little space: the batches that fit commit whole, the one that does not is refused.
        removeFillers(6);
        const qint64 freed = freeBytes();
        const Run partial = inviteFile();
        const qint64 afterPartial = guests();
        qInfo("bulk invitation with %lld KiB free: exit %d, %lld guests committed: %s", freed / 1024, partial.exitCode,
              afterPartial, qPrintable(partial.output.trimmed().left(600)));
        QVERIFY(partial.exitCode != 0);
        QVERIFY2(saysDiskFull(partial.output), qPrintable(partial.output.left(2000)));
        QVERIFY(afterPartial < kBulkRows + 1);
        QCOMPARE(check(), QString());

        // 3. Space back: the same invitation and the same file succeed, once each.
        removeFillers(m_fillers);
        QVERIFY(freeBytes() > kTmpfsBytes / 2);
        const Run again = inviteOne(QStringLiteral("alice@contoso.example"));
        QVERIFY2(again.exitCode == 0, qPrintable(again.output));
        const Run rest = inviteFile();
        QVERIFY2(rest.exitCode == 0, qPrintable(rest.output.left(2000)));
        QCOMPARE(guests(), qint64(kBulkRows + 2));
        QCOMPARE(check(), QString());
        qInfo("after space returned: %s", qPrintable(counts()));
    }
};

// Re-runs the test in a private mount namespace before anything else starts (setns() is not allowed
// once Qt has started threads): as root `unshare --mount`, otherwise an unprivileged user namespace
// with the user mapped to root, which stock Debian 12 allows. ATRIUM_DISKFULL_NAMESPACE says which.
int main(int argc, char **argv) {
    if (!qEnvironmentVariableIsSet("ATRIUM_DISKFULL_NAMESPACE")) {
        const QList<QByteArrayList> ways{
            {"--mount", "--propagation", "private"},
            {"--user", "--map-root-user", "--mount", "--propagation", "private"},
        };
        for (const QByteArrayList &flags : ways) {
            const QByteArray probe = "unshare " + flags.join(' ') + " true >/dev/null 2>&1";
            if (std::system(probe.constData()) != 0) {
                continue;
            }
            qputenv("ATRIUM_DISKFULL_NAMESPACE", "unshare " + flags.join(' '));
            std::vector<char *> args{const_cast<char *>("unshare")};
            for (const QByteArray &f : flags) {
                args.push_back(const_cast<char *>(f.constData()));
            }
            for (int i = 0; i < argc; ++i) {
                args.push_back(argv[i]);
            }
            args.push_back(nullptr);
            ::execvp("unshare", args.data());
            std::perror("execvp unshare");
            return 1;
        }
        qputenv("ATRIUM_DISKFULL_NAMESPACE", "none"); // initTestCase fails with the reason
    }
    QCoreApplication app(argc, argv);
    tst_DiskFull test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_diskfull.moc"
