// "Where will this guest sign in?" (issue 6) in the invite dialog and in the guest details of the
// Guest users pane, on a real SQLite directory with a SAML federation imported from generated
// metadata, a partner organization, and Google configured (its secret in the real keychain, so this
// runs under keychainsession.sh). The answers come from the core resolver through the DbExecutor;
// the test types addresses and checks the shown provider and reason.
#include "core/crosstenant/crosstenantservice.h"
#include "core/identityproviders/identityproviderservice.h"
#include "core/invitations/invitationservice.h"
#include "metadatafixture.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "models/guestlistmodel.h"
#include "support/fakeclock.h"
#include "ui/guestuserspane.h"
#include "ui/invitedialog.h"
#include "ui/messageboxes.h"
#include "ui/signinpreview.h"

#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace atrium;

class TestSignInPreview final : public QObject {
    Q_OBJECT
private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::MessageBoxes::setNonInteractive(true);
        QVERIFY(m_dir.isValid());
        m_md.generate();
        m_clock->set(QDateTime::currentDateTimeUtc()); // the generated certificates are valid from now
        m_executor = std::make_unique<models::DbExecutor>();
        core::ConnectionInfo info;
        info.path = m_dir.filePath(QStringLiteral("signin.sqlite"));
        core::NewDirectory spec;
        spec.displayName = QStringLiteral("Fabrikam");
        spec.initialDomain = QStringLiteral("fabrikam.example");
        spec.creatorDisplayName = QStringLiteral("Ada Admin");
        auto session = m_executor
                           ->run<core::Result<models::SessionPtr>>([info, spec, clock = m_clock] {
                               return models::DirectorySession::create(info, spec, clock);
                           })
                           .result();
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        m_session = *session;
        m_executor->registerDatabase(m_session->database);

        const core::ServiceContext ctx = m_session->context();
        const auto secrets = m_session->secrets;
        const QByteArray xml = m_md.file(QStringLiteral("adfs-federationmetadata.xml"));
        auto setUp =
            m_executor
                ->run<core::Result<QString>>([ctx, secrets, xml]() -> core::Result<QString> {
                    if (auto p = core::CrossTenantService(ctx).addPartner(core::CrossTenantConfiguration::partner(
                            QStringLiteral("3d0f5dec-5d3d-455c-8016-e2af1ae4d31a"), QStringLiteral("Northwind"),
                            {QStringLiteral("northwind.example")}));
                        !p.ok()) {
                        return p.error();
                    }
                    core::IdentityProviderService idp(ctx, secrets);
                    auto fed =
                        idp.addSamlFromMetadata(xml, {QStringLiteral("contoso.com")}, QStringLiteral("Contoso ADFS"));
                    if (!fed.ok()) {
                        return fed.error();
                    }
                    if (auto g = idp.addGoogle(QStringLiteral("client-id"), QStringLiteral("g-secret")); !g.ok()) {
                        return g.error();
                    }
                    core::InvitationService invitations(ctx, secrets);
                    for (const char *email : {"dan@contoso.com", "gail@gmail.com", "pat@woodgrove.example"}) {
                        core::GuestInvite g;
                        g.email = QString::fromLatin1(email);
                        g.redirectUrl = QStringLiteral("https://myapps.fabrikam.example/");
                        if (auto r = invitations.invite(g); !r.ok()) {
                            return r.error();
                        }
                    }
                    return fed->id;
                })
                .result();
        QVERIFY2(setUp.ok(), qPrintable(setUp.ok() ? QString() : setUp.error().message));
        m_federationId = *setUp;
    }

    void cleanupTestCase() {
        if (m_session) {
            m_executor->retire(m_session->database).waitForFinished();
        }
        m_executor.reset();
    }

    void inviteDialogFollowsTheTyping_data() {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("shown");  // in the result sentence
        QTest::addColumn<QString>("reason"); // in the trace
        QTest::newRow("federated domain") << "ann@contoso.com"
                                          << "externalFederation:"
                                          << "Contoso ADFS"
                                          << "federated with the SAML/WS-Fed provider \u201CContoso ADFS\u201D";
        QTest::newRow("partner directory") << "kim@northwind.example"
                                           << "partnerDirectory"
                                           << "Partner directory"
                                           << "belongs to a known partner organization";
        QTest::newRow("gmail.com") << "joe@gmail.com"
                                   << "google"
                                   << "Google"
                                   << "Google is configured";
        QTest::newRow("passcode fallback") << "lee@woodgrove.example"
                                           << "emailOneTimePasscode"
                                           << "Email one-time passcode"
                                           << "Email one-time passcodes are turned on";
        QTest::newRow("no domain") << "lee@"
                                   << "none"
                                   << "no valid domain"
                                   << "no valid domain";
    }
    void inviteDialogFollowsTheTyping() {
        QFETCH(QString, email);
        QFETCH(QString, provider);
        QFETCH(QString, shown);
        QFETCH(QString, reason);
        ui::InviteDialog dialog(m_executor.get(), m_session);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        auto *preview = dialog.findChild<ui::SignInPreview *>(QStringLiteral("inviteSignInPreview"));
        QVERIFY(preview);
        auto *result = preview->findChild<QLabel *>(QStringLiteral("signInResult"));
        QVERIFY(result);
        QSignalSpy resolved(preview, &ui::SignInPreview::resolved);
        // Typed key by key: debounced into one question for the whole address.
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("inviteEmail")), email);
        QVERIFY(resolved.wait(10000));
        QTest::qWait(2 * ui::SignInPreview::kDebounceMs);
        QCOMPARE(resolved.count(), 1);
        QCOMPARE(resolved.first().at(0).toString(), email);
        QVERIFY2(preview->provider().startsWith(provider), qPrintable(preview->provider()));
        if (provider == QLatin1String("externalFederation:")) {
            QCOMPARE(preview->provider(), provider + m_federationId);
        }
        QVERIFY2(preview->resultText().contains(shown), qPrintable(preview->resultText()));
        QVERIFY(result->isVisible());
        // The trace is behind "How this was decided".
        auto *why = preview->findChild<QToolButton *>(QStringLiteral("signInWhy"));
        auto *trace = preview->findChild<QLabel *>(QStringLiteral("signInTrace"));
        QVERIFY(why && trace);
        QVERIFY(why->isVisible());
        QVERIFY(!trace->isVisible());
        QTest::mouseClick(why, Qt::LeftButton);
        QVERIFY(trace->isVisible());
        QVERIFY2(preview->traceLines().join(u'\n').contains(reason), qPrintable(preview->traceLines().join(u'\n')));

        // Editing the address asks again; clearing it goes back to the hint without a query.
        QSignalSpy again(preview, &ui::SignInPreview::resolved);
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("inviteEmail"));
        edit->clear();
        QTest::qWait(2 * ui::SignInPreview::kDebounceMs);
        QCOMPARE(again.count(), 0);
        QVERIFY(preview->provider().isEmpty());
        QVERIFY(!why->isVisible());
    }

    // A second address typed before the first answer arrives: only the latest one is shown.
    void onlyTheLatestAddressIsShown() {
        ui::InviteDialog dialog(m_executor.get(), m_session);
        dialog.show();
        auto *preview = dialog.signInPreview();
        QSignalSpy resolved(preview, &ui::SignInPreview::resolved);
        auto *edit = dialog.findChild<QLineEdit *>(QStringLiteral("inviteEmail"));
        edit->setText(QStringLiteral("ann@contoso.com"));
        QTest::qWait(ui::SignInPreview::kDebounceMs / 3);
        edit->setText(QStringLiteral("joe@gmail.com"));
        QVERIFY(resolved.wait(10000));
        QTest::qWait(2 * ui::SignInPreview::kDebounceMs);
        QCOMPARE(resolved.count(), 1);
        QCOMPARE(preview->provider(), QStringLiteral("google"));
    }

    void guestDetailsSayWhereTheGuestSignsIn_data() {
        QTest::addColumn<QString>("email");
        QTest::addColumn<QString>("provider");
        QTest::newRow("federated") << "dan@contoso.com" << QString(QStringLiteral("externalFederation:"));
        QTest::newRow("gmail") << "gail@gmail.com"
                               << "google";
        QTest::newRow("passcode") << "pat@woodgrove.example"
                                  << "emailOneTimePasscode";
    }
    void guestDetailsSayWhereTheGuestSignsIn() {
        QFETCH(QString, email);
        QFETCH(QString, provider);
        ui::GuestUsersPane pane(m_executor.get());
        pane.resize(1300, 700);
        pane.show();
        pane.setSession(m_session);
        pane.reload();
        models::GuestListModel *model = pane.model();
        QTRY_COMPARE_WITH_TIMEOUT(model->rowCount(), 3, 10000);
        int row = -1;
        for (int r = 0; r < model->rowCount(); ++r) {
            if (model->guest(r).mail == email) {
                row = r;
            }
        }
        QVERIFY(row >= 0);
        auto *preview = pane.signInPreview();
        QVERIFY(preview);
        QVERIFY(!preview->isVisible());
        QSignalSpy resolved(preview, &ui::SignInPreview::resolved);
        auto *table = pane.findChild<QTableView *>(QStringLiteral("guestTable"));
        table->setCurrentIndex(model->index(row, 0));
        QVERIFY(resolved.wait(10000));
        QCOMPARE(resolved.last().at(0).toString(), email);
        QVERIFY(preview->isVisible());
        QVERIFY2(preview->provider().startsWith(provider), qPrintable(preview->provider()));
        QVERIFY(!preview->resultText().isEmpty());
        QVERIFY(!preview->traceLines().isEmpty());
        // Pending guests: no "redeemed with" note.
        QVERIFY(!preview->findChild<QLabel *>(QStringLiteral("signInNote"))->isVisible());
    }

private:
    QTemporaryDir m_dir;
    test::MetadataFixture m_md;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_session;
    QString m_federationId;
};

QTEST_MAIN(TestSignInPreview)
#include "tst_signinpreview.moc"
