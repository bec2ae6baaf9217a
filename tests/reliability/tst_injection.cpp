// Injection (issue 9 §5): a corpus of SQL metacharacters, CRLF header-injection strings,
// formula-injection cells, over-long strings and text decoded from invalid UTF-8 / UTF-16 is pushed
// through every text field of the service layer on SQLite and PostgreSQL, and through atriumctl.
// Each value is either refused with ErrorCode::Invalid (and then no table gained or lost a row,
// apart from the audit log, which records refusals) or stored verbatim (read back equal). The
// `users` table survives everything, and the guest CSV export guards formula cells with `'`.
#include "core/guests/guestdirectory.h"
#include "core/invitations/bulkinvite.h"
#include "core/invitations/invitationservice.h"
#include "core/policy/collaborationsettings.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/services/directoryservice.h"
#include "core/storage/database.h"
#include "core/services/groupservice.h"
#include "core/services/settingsservice.h"
#include "core/services/userservice.h"
#include "directoryfixture.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QProcess>
#include <QSqlQuery>
#include <QTest>
#include <QUrl>

using namespace atrium::core;
using atrium::test::DirectoryFixture;

namespace {

struct Sample {
    const char *name;
    QString value;
};

QString fromRaw(const char *bytes, int size) { return QString::fromUtf8(bytes, size); }

// The corpus. Invalid byte sequences are decoded the way every entry point decodes them (UTF-8 with
// replacement); the lone surrogate is what a broken UTF-16 source (clipboard, JSON \ud800) yields.
QList<Sample> corpus() {
    static const char invalidUtf8[] = "ab\xff\xfe\xc3\x28\xe2\x82";
    static const char overlong[] = "\xc0\xaf\xe0\x80\xaf";
    return {
        {"sql drop", QStringLiteral("'; DROP TABLE users; --")},
        {"sql or", QStringLiteral("\" OR 1=1")},
        {"sql quote pair", QStringLiteral("O'Brien'') OR ('1'='1")},
        {"backslash", QStringLiteral("\\")},
        {"like wildcards", QStringLiteral("%_")},
        {"crlf bcc", QStringLiteral("x\r\nBcc: evil@example.com")},
        {"lf header", QStringLiteral("x\nSubject: hi")},
        {"formula cmd", QStringLiteral("=cmd|' /C calc'!A0")},
        {"formula plus", QStringLiteral("+1")},
        {"formula minus", QStringLiteral("-1")},
        {"formula at", QStringLiteral("@SUM(1)")},
        {"formula tab", QStringLiteral("\t=1+1")},
        {"formula cr", QStringLiteral("\r=1+1")},
        {"over-long 100k", QString(100000, QLatin1Char('A'))},
        {"invalid utf-8", fromRaw(invalidUtf8, int(sizeof(invalidUtf8)) - 1)},
        {"overlong utf-8", fromRaw(overlong, int(sizeof(overlong)) - 1)},
        {"lone surrogate", QString(QChar(0xD800)) + QStringLiteral("x") + QString(QChar(0xDFFF))},
        {"nul", QStringLiteral("a") + QChar(0) + QStringLiteral("b")},
    };
}

qint64 scalar(QSqlDatabase &db, const QString &sql) {
    QSqlQuery q(db);
    if (!q.exec(sql) || !q.next()) {
        return -1;
    }
    return q.value(0).toLongLong();
}

// Row counts of every table but the audit log, as one string.
QString tableCounts(Database &database) {
    auto c = database.connection();
    if (!c.ok()) {
        return QStringLiteral("no connection: ") + c.error().message;
    }
    QSqlDatabase db = *c;
    QSqlQuery q(db);
    const QString list = database.engine() == Engine::Sqlite
        ? QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
        : QStringLiteral("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename");
    if (!q.exec(list)) {
        return QStringLiteral("cannot list tables");
    }
    QStringList tables;
    while (q.next()) {
        tables << q.value(0).toString();
    }
    QStringList parts;
    for (const QString &t : std::as_const(tables)) {
        if (t != QLatin1String("audit_log")) {
            parts << t + QLatin1Char('=') + QString::number(scalar(db, QStringLiteral("SELECT COUNT(*) FROM ") + t));
        }
    }
    return parts.join(QLatin1Char(','));
}

bool usersTableExists(Database &database) {
    auto c = database.connection();
    return c.ok() && scalar(*c, QStringLiteral("SELECT COUNT(*) FROM users")) >= 1;
}

QString shortText(const QString &s) {
    QString out = s.left(40);
    out.replace(QLatin1Char('\r'), QStringLiteral("\\r")).replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return out + (s.size() > 40 ? QStringLiteral("…(%1)").arg(s.size()) : QString());
}

} // namespace

class tst_Injection : public QObject {
    Q_OBJECT
private:
    DirectoryFixture m_fx;
    std::shared_ptr<SecretStore> m_secrets = std::make_shared<KeychainSecretStore>(QStringLiteral("tests"));
    int m_seq = 0;
    int m_refused = 0;
    int m_stored = 0;
    int m_normalized = 0;

    // One attempt: refused as Invalid with nothing written, or stored and read back verbatim.
    template<typename T, typename ReadBack>
    QString judge(Database &db, const QString &before, const Result<T> &r, const QString &value, ReadBack readBack) {
        if (!usersTableExists(db)) {
            return QStringLiteral("the users table is gone");
        }
        if (!r.ok()) {
            if (r.error().code != ErrorCode::Invalid) {
                return QStringLiteral("refused, but not as Invalid: ") + r.error().message;
            }
            if (r.error().message.isEmpty()) {
                return QStringLiteral("refused without a message");
            }
            const QString after = tableCounts(db);
            if (after != before) {
                return QStringLiteral("refused but rows changed: ") + before + QStringLiteral(" -> ") + after;
            }
            ++m_refused;
            return {};
        }
        const QString got = readBack(*r);
        if (got == value) {
            ++m_stored;
            return {};
        }
        // Documented normalisations, never anything else: names are trimmed of surrounding white
        // space, numeric settings are stored in canonical form ("+1" -> "1"), URLs percent-encoded.
        bool isNumber = false;
        const qint64 number = value.toLongLong(&isNumber);
        // URLs are stored percent-encoded.
        const bool encodedUrl = got.startsWith(QStringLiteral("https://")) && QUrl::fromPercentEncoding(got.toUtf8()) == value;
        if (got == value.trimmed() || (isNumber && got == QString::number(number)) || encodedUrl) {
            ++m_normalized;
            return {};
        }
        return QStringLiteral("stored but read back differently: ") + shortText(got);
    }

    QString unique() { return QStringLiteral("inj%1").arg(++m_seq); }

    static QString atriumctl() { return qEnvironmentVariable("ATRIUM_BINARY_DIR") + QStringLiteral("/app/cli/atriumctl"); }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
    }

    void serviceLayer_data() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }
    void serviceLayer() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        Database &db = ctx->db();
        UserService users(*ctx);
        GroupService groups(*ctx);
        SettingsService settings(*ctx);
        DirectoryService directory(*ctx);
        InvitationService invitations(*ctx, m_secrets);
        m_refused = m_stored = m_normalized = 0;
        QStringList failures;
        auto check = [&](const char *sample, const char *field, const QString &problem) {
            if (!problem.isEmpty()) {
                failures << QStringLiteral("%1 / %2: %3").arg(QLatin1String(sample), QLatin1String(field), problem);
            }
        };
        auto userField = [&](const QString &id, auto member) -> QString {
            auto u = users.get(id);
            return u.ok() ? (*u).*member : QStringLiteral("<cannot read back>");
        };

        for (const Sample &s : corpus()) {
            const QString &v = s.value;
            QString before = tableCounts(db);
            // Members.
            auto m1 = users.addMember({v, unique() + QStringLiteral("@fabrikam.example"), QString()});
            check(s.name, "member displayName", judge(db, before, m1, v, [&](const User &u) { return userField(u.id, &User::displayName); }));
            before = tableCounts(db);
            auto m2 = users.addMember({QStringLiteral("Upn"), v + QStringLiteral("@fabrikam.example"), QString()});
            check(s.name, "member UPN", judge(db, before, m2, v + QStringLiteral("@fabrikam.example"),
                                              [&](const User &u) { return userField(u.id, &User::userPrincipalName); }));
            before = tableCounts(db);
            auto m3 = users.addMember({QStringLiteral("Mail"), unique() + QStringLiteral("@fabrikam.example"), v});
            check(s.name, "member mail", judge(db, before, m3, v, [&](const User &u) { return userField(u.id, &User::mail); }));
            // Renaming an existing member.
            auto plain = users.addMember({QStringLiteral("Plain"), unique() + QStringLiteral("@fabrikam.example"), QString()});
            QVERIFY(plain.ok());
            before = tableCounts(db);
            UserPatch patch;
            patch.displayName = v;
            auto m4 = users.update(plain->id, plain->rowVersion, patch);
            check(s.name, "member rename", judge(db, before, m4, v, [&](const User &u) { return userField(u.id, &User::displayName); }));

            // Groups and applications.
            auto findObject = [&](const QString &id, bool app) -> QString {
                auto list = app ? groups.applications() : groups.groups();
                if (!list.ok()) {
                    return QStringLiteral("<cannot list>");
                }
                for (const DirectoryObject &o : *list) {
                    if (o.id == id) {
                        return o.displayName;
                    }
                }
                return QStringLiteral("<not found>");
            };
            before = tableCounts(db);
            auto g = groups.createGroup(v, v);
            check(s.name, "group name", judge(db, before, g, v, [&](const DirectoryObject &o) { return findObject(o.id, false); }));
            before = tableCounts(db);
            auto a = groups.createApplication(v);
            check(s.name, "app name", judge(db, before, a, v, [&](const DirectoryObject &o) { return findObject(o.id, true); }));

            // Directory properties.
            auto info = directory.info();
            QVERIFY(info.ok());
            before = tableCounts(db);
            DirectoryPatch dp;
            dp.displayName = v;
            auto d1 = directory.update(dp, info->rowVersion);
            check(s.name, "directory name", judge(db, before, d1, v, [&](const DirectoryInfo &) {
                      auto again = directory.info();
                      return again.ok() ? again->displayName : QString();
                  }));
            info = directory.info();
            QVERIFY(info.ok());
            before = tableCounts(db);
            DirectoryPatch dc;
            dc.privacyContact = v;
            auto d2 = directory.update(dc, info->rowVersion);
            check(s.name, "privacy contact", judge(db, before, d2, v, [&](const DirectoryInfo &) {
                      auto again = directory.info();
                      return again.ok() ? again->privacyContact : QString();
                  }));
            info = directory.info();
            QVERIFY(info.ok());
            before = tableCounts(db);
            DirectoryPatch du;
            du.privacyStatementUrl = QStringLiteral("https://fabrikam.example/") + v;
            auto d3 = directory.update(du, info->rowVersion);
            check(s.name, "privacy url", judge(db, before, d3, *du.privacyStatementUrl, [&](const DirectoryInfo &) {
                      auto again = directory.info();
                      return again.ok() ? again->privacyStatementUrl : QString();
                  }));

            // Invitations: each text field in turn.
            auto inviteWith = [&](const char *field, auto mutate, const QString &expected, auto readBack) {
                GuestInvite gi;
                gi.email = unique() + QStringLiteral("@contoso.com");
                gi.redirectUrl = QStringLiteral("https://myapps.fabrikam.example/");
                mutate(gi);
                const QString b = tableCounts(db);
                auto r = invitations.invite(gi);
                check(s.name, field, judge(db, b, r, expected, readBack));
            };
            auto guestName = [&](const InvitationResult &r) { return userField(r.invitedUser.id, &User::displayName); };
            auto guestMail = [&](const InvitationResult &r) { return userField(r.invitedUser.id, &User::mail); };
            inviteWith("invite email", [&](GuestInvite &gi) { gi.email = v + QStringLiteral("@contoso.com"); },
                       (v + QStringLiteral("@contoso.com")).toLower(), guestMail);
            inviteWith("invite email (whole)", [&](GuestInvite &gi) { gi.email = v; }, v.toLower(), guestMail);
            inviteWith("invite displayName", [&](GuestInvite &gi) { gi.displayName = v; }, v, guestName);
            inviteWith("invite message", [&](GuestInvite &gi) { gi.message = v; gi.sendEmail = true; }, v,
                       [](const InvitationResult &r) { return r.message; });
            inviteWith("invite cc", [&](GuestInvite &gi) { gi.cc = v; gi.sendEmail = true; }, v,
                       [](const InvitationResult &r) { return r.cc; });
            inviteWith("invite redirect", [&](GuestInvite &gi) { gi.redirectUrl = QStringLiteral("https://x.example/") + v; },
                       QStringLiteral("https://x.example/") + v, [](const InvitationResult &r) { return r.redirectUrl; });

            // Settings: free values and the domain list of the collaboration policy.
            for (const QString &key : {settingkey::PortalBaseUrl, settingkey::InvitationExpiryDays, settingkey::Smtp,
                                       settingkey::Collaboration, settingkey::MailRatePerMinute}) {
                auto cur = settings.get(key);
                QVERIFY(cur.ok());
                before = tableCounts(db);
                auto r = settings.set(key, v, cur->isDefault ? -1 : cur->rowVersion);
                check(s.name, qPrintable(QStringLiteral("setting ") + key), judge(db, before, r, v, [&](const Setting &) {
                          auto again = settings.get(key);
                          return again.ok() ? again->value : QString();
                      }));
                if (r.ok()) { // put the default back so the next sample meets a working directory
                    auto now = settings.get(key);
                    auto def = SettingsService::definition(key);
                    QVERIFY(now.ok() && def);
                    QVERIFY(settings.set(key, def->defaultValue, now->rowVersion).ok());
                }
            }
            {
                CollaborationSettings cs;
                cs.restriction = CollaborationRestriction::denyListed;
                cs.domains = {v};
                const QString json = QString::fromUtf8(QJsonDocument(cs.toJson()).toJson(QJsonDocument::Compact));
                auto cur = settings.get(settingkey::Collaboration);
                QVERIFY(cur.ok());
                before = tableCounts(db);
                auto r = settings.set(settingkey::Collaboration, json, cur->isDefault ? -1 : cur->rowVersion);
                check(s.name, "collaboration domain", judge(db, before, r, json, [&](const Setting &) {
                          auto again = settings.get(settingkey::Collaboration);
                          return again.ok() ? again->value : QString();
                      }));
                if (r.ok()) {
                    auto now = settings.get(settingkey::Collaboration);
                    QVERIFY(now.ok());
                    QVERIFY(settings.set(settingkey::Collaboration,
                                         QString::fromUtf8(QJsonDocument(CollaborationSettings().toJson()).toJson(QJsonDocument::Compact)),
                                         now->rowVersion)
                                .ok());
                }
            }

            // Audit search filter: never an error other than Invalid, never a match for garbage.
            {
                auto c = db.connection();
                QVERIFY(c.ok());
                auto r = AuditLog::query(*c, 0, v, 50);
                if (r.ok()) {
                    if (!r->isEmpty()) {
                        failures << QStringLiteral("%1 / audit filter: matched %2 records").arg(QLatin1String(s.name)).arg(r->size());
                    }
                } else if (r.error().code != ErrorCode::Invalid) {
                    failures << QStringLiteral("%1 / audit filter: %2").arg(QLatin1String(s.name), r.error().message);
                }
            }
            QVERIFY2(usersTableExists(db), s.name);
        }
        qInfo("%s: %d values refused as Invalid, %d stored verbatim, %d stored trimmed/canonical", qPrintable(engine), m_refused,
              m_stored, m_normalized);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }

    // Formula cells in the guest export start with ' so a spreadsheet shows them as text.
    void exportGuardsFormulas_data() { serviceLayer_data(); }
    void exportGuardsFormulas() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        InvitationService invitations(*ctx, m_secrets);
        const QStringList formulas{QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("+1"), QStringLiteral("-1"),
                                   QStringLiteral("@SUM(1)"), QStringLiteral("\t=1+1"), QStringLiteral("\r=1+1")};
        for (const QString &f : formulas) {
            GuestInvite gi;
            gi.email = unique() + QStringLiteral("@contoso.com");
            gi.redirectUrl = QStringLiteral("https://myapps.fabrikam.example/");
            gi.displayName = f;
            auto r = invitations.invite(gi);
            QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        }
        QByteArray out;
        QBuffer buf(&out);
        QVERIFY(buf.open(QIODevice::WriteOnly));
        auto c = ctx->db().connection();
        QVERIFY(c.ok());
        auto n = GuestDirectory::exportCsv(*c, ctx->db().engine(), GuestQuery(), &buf);
        QVERIFY2(n.ok(), qPrintable(n.ok() ? QString() : n.error().message));
        QCOMPARE(*n, qint64(formulas.size()));
        const QString text = QString::fromUtf8(out);
        for (const QString &f : formulas) {
            // The cell may be quoted ("'=...") or bare ('+1); either way the ' comes first.
            const bool guarded = text.contains(QLatin1Char('\'') + f.trimmed()); // names are trimmed
            QVERIFY2(guarded, qPrintable(QStringLiteral("unguarded cell ") + shortText(f) + QStringLiteral(" in\n") + text.left(2000)));
            const QString t = f.trimmed();
            QVERIFY2(!text.contains(QLatin1Char(',') + t) && !text.contains(QStringLiteral(",\"") + t) &&
                         !text.contains(QLatin1Char('\n') + t) && !text.contains(QStringLiteral("\n\"") + t),
                     qPrintable(QStringLiteral("a bare formula cell ") + shortText(f)));
        }
    }

    // The bulk-invite results file (what "download results" and --results write) echoes the uploaded
    // email cells; formula cells there start with ' as well, and the formulas in a row's name are
    // stored verbatim.
    void bulkResultsGuardFormulas_data() { serviceLayer_data(); }
    void bulkResultsGuardFormulas() {
        QFETCH(QString, engine);
        auto ctx = m_fx.freshDirectory(engine);
        QVERIFY(ctx.ok());
        InvitationService invitations(*ctx, m_secrets);
        const QStringList formulas{QStringLiteral("=cmd|' /C calc'!A0"), QStringLiteral("+1"), QStringLiteral("-1"),
                                   QStringLiteral("@SUM(1)"), QStringLiteral("=HYPERLINK(\"https://evil.example\")")};
        auto cell = [](QString v) -> QString { return QLatin1Char('"') + v.replace(QLatin1Char('"'), QStringLiteral("\"\"")) + QLatin1Char('"'); };
        QByteArray file("version:v1.0\r\n"
                        "Email address to invite [inviteeEmail] Required,Redirection url [inviteRedirectURL] Required,"
                        "Send invitation message (true or false) [sendEmail],Customized invitation message "
                        "[customizedMessageBody],Name of invitee [inviteeName]\r\n");
        for (const QString &f : formulas) {
            file += (cell(f) + QStringLiteral(",https://myapps.fabrikam.example/,false,,x\r\n")).toUtf8(); // refused
            file += (cell(unique() + QStringLiteral("@contoso.com")) + QStringLiteral(",https://myapps.fabrikam.example/,false,,") +
                     cell(f) + QStringLiteral("\r\n"))
                        .toUtf8(); // invited, the name stored as typed
        }
        QBuffer in(&file);
        QVERIFY(in.open(QIODevice::ReadOnly));
        BulkInviteRunner runner(invitations);
        auto summary = runner.run(&in, QStringLiteral("formulas.csv"), BulkOptions());
        QVERIFY2(summary.ok(), qPrintable(summary.ok() ? QString() : summary.error().message));
        QCOMPARE(summary->failed, int(formulas.size()));
        QCOMPARE(summary->succeeded, int(formulas.size()));
        {
            auto c = ctx->db().connection();
            QVERIFY(c.ok());
            for (const QString &f : formulas) {
                auto q = Database::exec(*c, QStringLiteral("SELECT COUNT(*) FROM users WHERE display_name = ?"), {f});
                QVERIFY(q.ok() && q->next());
                QCOMPARE(q->value(0).toInt(), 1);
            }
        }
        QByteArray out;
        QBuffer buf(&out);
        QVERIFY(buf.open(QIODevice::WriteOnly));
        QVERIFY(writeBulkResults(&buf, *summary).ok());
        const QString text = QString::fromUtf8(out);
        for (const QString &f : formulas) {
            QString quoted = f;
            quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
            QVERIFY2(text.contains(QLatin1Char('\'') + quoted),
                     qPrintable(QStringLiteral("no guarded cell ") + f + QStringLiteral(" in\n") + text));
            QVERIFY2(!text.contains(QLatin1Char(',') + quoted) && !text.contains(QStringLiteral(",\"") + quoted),
                     qPrintable(QStringLiteral("a bare formula cell ") + f + QStringLiteral(" in\n") + text));
        }
    }

    // The corpus through atriumctl: exit code 0 with the value stored verbatim, or a non-zero exit
    // with no row added.
    void cli_data() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }
    void cli() {
        QFETCH(QString, engine);
        QVERIFY2(QFile::exists(atriumctl()), qPrintable(QStringLiteral("atriumctl not built at ") + atriumctl()));
        auto db = m_fx.freshDatabase(engine);
        QVERIFY(db.ok());
        NewDirectory spec{QStringLiteral("Fabrikam"), QStringLiteral("fabrikam.example")};
        if (engine == QLatin1String("postgresql")) {
            spec.dbLogin = m_fx.pg().superuser();
        }
        QVERIFY(DirectoryService::create(**db, *m_fx.clock(), spec).ok());
        const QString url = (*db)->info().toUrl();
        QStringList failures;
        int refused = 0;
        int stored = 0;
        auto run = [&](const QStringList &args, int *exitCode) {
            QProcess p;
            p.start(atriumctl(), QStringList{QStringLiteral("--db"), url} + args);
            if (!p.waitForFinished(60000) || p.exitStatus() != QProcess::NormalExit) {
                *exitCode = -1;
                return QString();
            }
            *exitCode = p.exitCode();
            return QString::fromUtf8(p.readAllStandardOutput() + p.readAllStandardError());
        };
        // Command-line arguments cannot carry NUL and travel as local 8-bit bytes: skip the
        // samples the OS cannot pass as an argument, test the rest.
        for (const Sample &s : corpus()) {
            const QString &v = s.value;
            if (v.contains(QChar(0)) || v.size() > 60000) {
                continue; // execve refuses NUL; a 100k argument is fine but slow to judge twice
            }
            struct Case {
                const char *what;
                QStringList args;
                QString sql;
            };
            const QString upn = unique() + QStringLiteral("@fabrikam.example");
            const QString mail = unique() + QStringLiteral("@contoso.com");
            const QList<Case> cases{
                {"users add --name",
                 {QStringLiteral("users"), QStringLiteral("add"), QStringLiteral("--name"), v, QStringLiteral("--upn"), upn},
                 QStringLiteral("SELECT display_name FROM users WHERE user_principal_name = '%1'").arg(upn)},
                {"invite --name --message",
                 {QStringLiteral("invite"), mail, QStringLiteral("--redirect"),
                  QStringLiteral("https://myapps.fabrikam.example/"), QStringLiteral("--name"), v, QStringLiteral("--message"), v},
                 QStringLiteral("SELECT display_name FROM users WHERE mail = '%1'").arg(mail)},
                {"settings set",
                 {QStringLiteral("settings"), QStringLiteral("set"), settingkey::PortalBaseUrl, v},
                 QStringLiteral("SELECT value FROM settings WHERE key = '%1'").arg(settingkey::PortalBaseUrl)},
            };
            for (const Case &c : cases) {
                const QString before = tableCounts(**db);
                int code = 0;
                const QString output = run(c.args, &code);
                if (code < 0) {
                    failures << QStringLiteral("%1 / %2: crashed or hung").arg(QLatin1String(s.name), QLatin1String(c.what));
                    continue;
                }
                if (!usersTableExists(**db)) {
                    failures << QStringLiteral("%1 / %2: users table gone").arg(QLatin1String(s.name), QLatin1String(c.what));
                }
                if (code != 0) {
                    if (tableCounts(**db) != before) {
                        failures << QStringLiteral("%1 / %2: exit %3 but rows changed").arg(QLatin1String(s.name), QLatin1String(c.what)).arg(code);
                    }
                    if (output.trimmed().isEmpty()) {
                        failures << QStringLiteral("%1 / %2: exit %3 without a message").arg(QLatin1String(s.name), QLatin1String(c.what)).arg(code);
                    }
                    ++refused;
                    continue;
                }
                auto conn = (*db)->connection();
                QSqlQuery q(*conn);
                if (!q.exec(c.sql) || !q.next()) {
                    failures << QStringLiteral("%1 / %2: exit 0 but nothing stored").arg(QLatin1String(s.name), QLatin1String(c.what));
                    continue;
                }
                // Arguments reach the program through the local 8-bit codec: compare with what
                // QProcess actually passed (invalid sequences become U+FFFD both ways).
                const QString passed = QString::fromLocal8Bit(v.toLocal8Bit());
                if (q.value(0).toString() != passed && q.value(0).toString() != passed.trimmed()) {
                    failures << QStringLiteral("%1 / %2: stored as %3").arg(QLatin1String(s.name), QLatin1String(c.what),
                                                                          shortText(q.value(0).toString()));
                }
                ++stored;
                // Put the default back for the next sample.
                if (c.sql.contains(QStringLiteral("settings"))) {
                    int dummy = 0;
                    run({QStringLiteral("settings"), QStringLiteral("set"), settingkey::PortalBaseUrl,
                         SettingsService::definition(settingkey::PortalBaseUrl)->defaultValue},
                        &dummy);
                }
            }
        }
        qInfo("atriumctl on %s: %d refused, %d stored (verbatim or trimmed)", qPrintable(engine), refused, stored);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(tst_Injection)
#include "tst_injection.moc"
