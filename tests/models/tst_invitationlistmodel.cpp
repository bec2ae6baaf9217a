#include "core/invitations/invitationservice.h"
#include "core/secrets/keychainsecretstore.h"
#include "directoryfixture.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "models/invitationlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSet>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>

using namespace atrium;
using core::InvitationMail;
using core::InvitationStatus;
using models::InvitationListModel;
using test::DirectoryFixture;

// The invitations model on both engines, always under QAbstractItemModelTester: every invitation once,
// newest first with ties broken by id (keyset pages in the database), the outbox state of each mail,
// the two filters compared with what the database says, stale queries dropped.
class tst_InvitationListModel final : public QObject {
    Q_OBJECT
    // More than a few pages, with many invitations sharing one created_at (ties across page ends).
    static constexpr int kInvitations = 3 * InvitationListModel::kPageSize + 57;

    DirectoryFixture m_fx;
    std::shared_ptr<core::SecretStore> m_secrets = std::make_shared<core::KeychainSecretStore>(QStringLiteral("tests"));
    std::unique_ptr<models::DbExecutor> m_executor;

    static void engineData() {
        QTest::addColumn<QString>("engine");
        for (const QString &e : DirectoryFixture::engines()) {
            QTest::newRow(qPrintable(e)) << e;
        }
    }

    static QStringList column(core::ServiceContext &ctx, const QString &sql, const QVariantList &values = {}) {
        auto c = ctx.db().connection();
        auto q = core::Database::exec(*c, sql, values);
        QStringList out;
        if (!q.ok()) {
            out << QStringLiteral("ERROR ") + q.error().detail;
            return out;
        }
        while (q->next()) {
            out << q->value(0).toString();
        }
        return out;
    }

    static void waitIdle(InvitationListModel &model) { QTRY_VERIFY_WITH_TIMEOUT(!model.isLoading(), 30000); }

    // Every page of the current query; the ids in the order shown.
    static QStringList pageToTheEnd(InvitationListModel &model) {
        waitIdle(model);
        while (model.canFetchMore({})) {
            model.fetchMore({});
            waitIdle(model);
        }
        QStringList ids;
        for (int r = 0; r < model.rowCount(); ++r) {
            ids << model.data(model.index(r, 0), InvitationListModel::IdRole).toString();
        }
        return ids;
    }

    // A directory with kInvitations invitations in a realistic mix of states.
    core::Result<models::SessionPtr> populated(const QString &engine) {
        auto ctx = m_fx.freshDirectory(engine);
        if (!ctx.ok()) {
            return ctx.error();
        }
        core::InvitationService service(*ctx, m_secrets);
        for (int i = 0; i < kInvitations; ++i) {
            if (i % 7 != 0) {
                m_fx.clock()->advanceSecs(3600); // every 7th shares the previous one's created_at
            }
            core::GuestInvite g;
            g.email = QStringLiteral("guest%1@partner%2.example").arg(i).arg(i % 5);
            g.redirectUrl = QStringLiteral("https://myapps.fabrikam.example/");
            g.displayName = QStringLiteral("Guest %1").arg(i);
            g.sendEmail = i % 4 != 0; // a quarter link only
            auto r = service.invite(g);
            if (!r.ok()) {
                return r.error();
            }
        }
        auto c = ctx->db().connection();
        // Mail outcomes: most sent, some failed for good, some still queued with retries; some redeemed.
        for (const QString &sql :
             {QStringLiteral("UPDATE outbox SET status = 'sent', sent_at = created_at + 1000 WHERE id % 5 IN (0, 1, 2)"),
              QStringLiteral("UPDATE outbox SET status = 'failed', attempts = 5, last_error = '550 mailbox unavailable' "
                             "WHERE id % 5 = 3"),
              QStringLiteral("UPDATE outbox SET attempts = 2, last_error = 'connection refused' WHERE id % 10 = 4"),
              QStringLiteral("UPDATE invitations SET status = 'Completed', redeemed_at = created_at + 5000 WHERE "
                             "id IN (SELECT invitation_id FROM outbox WHERE status = 'sent' AND id % 3 = 0)")}) {
            auto u = core::Database::exec(*c, sql);
            if (!u.ok()) {
                return u.error();
            }
        }
        auto session = std::make_shared<models::DirectorySession>();
        session->database = ctx->database();
        session->clock = ctx->clockPtr();
        session->op = ctx->op();
        session->secrets = m_secrets;
        m_executor->registerDatabase(session->database);
        return models::SessionPtr(session);
    }

private slots:
    void initTestCase() {
        QString error;
        QVERIFY2(m_fx.start(&error), qPrintable(QStringLiteral("PostgreSQL test server: ") + error));
        m_executor = std::make_unique<models::DbExecutor>();
    }
    void cleanupTestCase() { m_executor.reset(); }

    void newestFirstEveryInvitationOnce_data() { engineData(); }
    void newestFirstEveryInvitationOnce() {
        QFETCH(QString, engine);
        auto session = populated(engine);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message + session.error().detail));
        core::ServiceContext ctx = (*session)->context();
        InvitationListModel model(m_executor.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy counted(&model, &InvitationListModel::countChanged);
        model.setSession(*session);
        const QStringList ids = pageToTheEnd(model);
        // The database's own order (created_at, then id, newest first) is what the pages show.
        const QStringList expected =
            column(ctx, QStringLiteral("SELECT id FROM invitations ORDER BY created_at DESC, id DESC"));
        QCOMPARE(expected.size(), kInvitations);
        QCOMPARE(QSet<QString>(ids.begin(), ids.end()).size(), kInvitations);
        QCOMPARE(ids, expected);
        QTRY_VERIFY(!model.countText().isEmpty());
        QVERIFY2(model.countText().contains(QStringLiteral("657")), qPrintable(model.countText()));

        // Each row's states are the database's: invitation status and the latest outbox row.
        int sent = 0, failed = 0, queued = 0, linkOnly = 0, accepted = 0;
        const QStringList inviterNames =
            column(ctx, QStringLiteral("SELECT display_name FROM users WHERE id = ?"), {ctx.op().userId});
        QCOMPARE(inviterNames.size(), 1);
        const QString inviter = inviterNames.first();
        QVERIFY(!inviter.isEmpty());
        for (int r = 0; r < model.rowCount(); ++r) {
            const core::InvitationRow &row = model.invitation(r);
            const QStringList truth = column(
                ctx,
                QStringLiteral("SELECT i.status || '|' || coalesce((SELECT o.status FROM outbox o WHERE "
                               "o.invitation_id = i.id ORDER BY o.id DESC LIMIT 1), '-') || '|' || u.display_name "
                               "FROM invitations i JOIN users u ON u.id = i.user_id WHERE i.id = ?"),
                {row.id});
            QCOMPARE(truth.size(), 1);
            const QStringList parts = truth.first().split(QLatin1Char('|'));
            QCOMPARE(core::toString(row.status), parts.at(0));
            const QString mail = parts.at(1);
            switch (row.mail) {
            case InvitationMail::Sent:
                QCOMPARE(mail, QStringLiteral("sent"));
                QVERIFY(row.sentAt > 0);
                QVERIFY(InvitationListModel::mailText(row).startsWith(QStringLiteral("Sent ")));
                ++sent;
                break;
            case InvitationMail::Failed:
                QCOMPARE(mail, QStringLiteral("failed"));
                QCOMPARE(row.lastError, QStringLiteral("550 mailbox unavailable"));
                ++failed;
                break;
            case InvitationMail::NotSentYet:
                QCOMPARE(mail, QStringLiteral("pending"));
                ++queued;
                break;
            case InvitationMail::NotRequested:
                QCOMPARE(mail, QStringLiteral("-"));
                ++linkOnly;
                break;
            case InvitationMail::Cancelled:
                QCOMPARE(mail, QStringLiteral("cancelled"));
                break;
            }
            QCOMPARE(row.guestName, parts.at(2));
            QCOMPARE(row.invitedByName, inviter);
            if (row.status == InvitationStatus::Completed) {
                ++accepted;
                QCOMPARE(model.data(model.index(r, InvitationListModel::Status)).toString(), QStringLiteral("Accepted"));
            } else if (row.mail == InvitationMail::Failed) {
                QCOMPARE(model.data(model.index(r, InvitationListModel::Status)).toString(),
                         QStringLiteral("Pending, failed to send"));
            } else if (row.mail == InvitationMail::NotSentYet) {
                QCOMPARE(model.data(model.index(r, InvitationListModel::Status)).toString(),
                         QStringLiteral("Pending, not sent yet"));
            }
        }
        QVERIFY(sent > 0 && failed > 0 && queued > 0 && linkOnly > 0 && accepted > 0);
        // Age: the newest invitation is from today, the oldest from 27 days ago (657 hours before "now").
        QCOMPARE(model.data(model.index(0, InvitationListModel::Age)).toString(), QStringLiteral("today"));
        QVERIFY(model.data(model.index(model.rowCount() - 1, InvitationListModel::Age)).toString().contains(QStringLiteral("day")));
        m_executor->retire((*session)->database).waitForFinished();
    }

    void filters_data() { engineData(); }
    void filters() {
        QFETCH(QString, engine);
        auto session = populated(engine);
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message + session.error().detail));
        core::ServiceContext ctx = (*session)->context();
        const qint64 now = ctx.clock().nowMs();
        InvitationListModel model(m_executor.get());
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setSession(*session);
        waitIdle(model);

        // Pending for more than 10 days.
        core::InvitationListQuery pending;
        pending.pendingOlderThanDays = 10;
        model.setQuery(pending);
        QStringList ids = pageToTheEnd(model);
        QStringList expected = column(ctx,
                                      QStringLiteral("SELECT id FROM invitations WHERE status = 'PendingAcceptance' AND "
                                                     "created_at < ? ORDER BY created_at DESC, id DESC"),
                                      {now - 10 * 86400000LL});
        QVERIFY(expected.size() > 100 && expected.size() < kInvitations);
        QCOMPARE(ids, expected);

        // Mail not sent: the latest mail still queued or failed.
        core::InvitationListQuery notSent;
        notSent.mailNotSent = true;
        model.setQuery(notSent);
        ids = pageToTheEnd(model);
        expected = column(ctx, QStringLiteral("SELECT i.id FROM invitations i WHERE (SELECT o.status FROM outbox o WHERE "
                                              "o.invitation_id = i.id ORDER BY o.id DESC LIMIT 1) IN ('pending', 'failed') "
                                              "ORDER BY i.created_at DESC, i.id DESC"));
        QVERIFY(expected.size() > 50);
        QCOMPARE(ids, expected);
        for (int r = 0; r < model.rowCount(); ++r) {
            const InvitationMail m = model.invitation(r).mail;
            QVERIFY(m == InvitationMail::NotSentYet || m == InvitationMail::Failed);
        }
        QTRY_COMPARE(model.count().has_value() ? model.count()->count : -1, qint64(expected.size()));

        // Both together.
        core::InvitationListQuery both = notSent;
        both.pendingOlderThanDays = 10;
        model.setQuery(both);
        ids = pageToTheEnd(model);
        expected = column(ctx,
                          QStringLiteral("SELECT i.id FROM invitations i WHERE i.status = 'PendingAcceptance' AND "
                                         "i.created_at < ? AND (SELECT o.status FROM outbox o WHERE o.invitation_id = "
                                         "i.id ORDER BY o.id DESC LIMIT 1) IN ('pending', 'failed') "
                                         "ORDER BY i.created_at DESC, i.id DESC"),
                          {now - 10 * 86400000LL});
        QCOMPARE(ids, expected);

        // A stale query is dropped: two filters in a row, only the last one's rows arrive.
        model.setQuery(pending);
        model.setQuery(notSent);
        ids = pageToTheEnd(model);
        for (int r = 0; r < model.rowCount(); ++r) {
            const InvitationMail m = model.invitation(r).mail;
            QVERIFY(m == InvitationMail::NotSentYet || m == InvitationMail::Failed);
        }

        // A filter nobody matches: the empty state says so.
        core::InvitationListQuery none;
        none.pendingOlderThanDays = 3000;
        model.setQuery(none);
        waitIdle(model);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.emptyStateText().contains(QStringLiteral("filters")));
        m_executor->retire((*session)->database).waitForFinished();
    }
};

QTEST_GUILESS_MAIN(tst_InvitationListModel)
#include "tst_invitationlistmodel.moc"
