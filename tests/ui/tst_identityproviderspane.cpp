// The identity providers pane on the offscreen platform: built-ins listed, SAML/WS-Fed imported from
// a metadata file through the dialog (what was read, certificate health), the provider listed with
// its warning, "Where will this guest sign in?" with its trace, the redemption order editor, and
// role-based disabling. Set ATRIUM_SCREENSHOT_DIR to keep screenshots of the pane and the dialog.
#include "core/identityproviders/identityproviderservice.h"
#include "core/secrets/secretstore.h"
#include "loopbackhttpserver.h"
#include "metadatafixture.h"
#include "models/dbexecutor.h"
#include "models/directorysession.h"
#include "support/fakeclock.h"
#include "ui/identityproviderspane.h"
#include "ui/messageboxes.h"
#include "ui/samlimportdialog.h"
#include "ui/socialidpdialog.h"

#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QMutex>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

using namespace atrium;

namespace {
// The pane's secrets go through the session's SecretStore; the real keychain is covered by
// tst_identityproviderservice, so an in-memory store keeps this GUI test self-contained.
class MemorySecretStore final : public core::SecretStore {
public:
    core::Result<QString> read(const QString &key) const override {
        QMutexLocker l(&m_mutex);
        if (!m_values.contains(key)) {
            return core::Error::notFound(key);
        }
        return m_values.value(key);
    }
    core::Status write(const QString &key, const QString &secret) override {
        QMutexLocker l(&m_mutex);
        m_values.insert(key, secret);
        return {};
    }
    core::Status remove(const QString &key) override {
        QMutexLocker l(&m_mutex);
        m_values.remove(key);
        return {};
    }

private:
    mutable QMutex m_mutex;
    QHash<QString, QString> m_values;
};

void screenshot(QWidget *w, const QString &name) {
    const QString dir = qEnvironmentVariable("ATRIUM_SCREENSHOT_DIR");
    if (!dir.isEmpty()) {
        QVERIFY(w->grab().save(dir + QLatin1Char('/') + name));
    }
}
} // namespace

class TestIdentityProvidersPane final : public QObject {
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::shared_ptr<test::FakeClock> m_clock = std::make_shared<test::FakeClock>();
    std::unique_ptr<models::DbExecutor> m_executor;
    models::SessionPtr m_session;
    std::unique_ptr<ui::IdentityProvidersPane> m_pane;
    test::MetadataFixture m_md;

    QTreeWidgetItem *row(const QString &name) {
        auto *tree = m_pane->findChild<QTreeWidget *>(QStringLiteral("idpTree"));
        for (int i = 0; i < tree->topLevelItemCount(); ++i) {
            if (tree->topLevelItem(i)->text(0) == name) {
                return tree->topLevelItem(i);
            }
        }
        return nullptr;
    }
    QString resolve(const QString &email) {
        QSignalSpy resolved(m_pane.get(), &ui::IdentityProvidersPane::resolved);
        auto *edit = m_pane->findChild<QLineEdit *>(QStringLiteral("resolveEmail"));
        edit->clear();
        QTest::keyClicks(edit, email);
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("resolveButton")), Qt::LeftButton);
        if (!resolved.wait(10000)) {
            return QStringLiteral("timeout");
        }
        return m_pane->findChild<QLabel *>(QStringLiteral("resolveResult"))->property("provider").toString();
    }

private slots:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        ui::MessageBoxes::setNonInteractive(true);
        QVERIFY(m_dir.isValid());
        m_md.generate();
        m_clock->set(QDateTime::currentDateTimeUtc()); // the certificates were made just now
        m_executor = std::make_unique<models::DbExecutor>();
        core::ConnectionInfo info;
        info.path = m_dir.filePath(QStringLiteral("idp.sqlite"));
        core::NewDirectory spec;
        spec.displayName = QStringLiteral("Fabrikam");
        spec.initialDomain = QStringLiteral("fabrikam.example");
        spec.creatorDisplayName = QStringLiteral("Ada Admin");
        auto session = m_executor->run<core::Result<models::SessionPtr>>([info, spec, clock = m_clock] {
                                      return models::DirectorySession::create(info, spec, clock);
                                  }).result();
        QVERIFY2(session.ok(), qPrintable(session.ok() ? QString() : session.error().message));
        auto copy = std::make_shared<models::DirectorySession>(**session);
        copy->secrets = std::make_shared<MemorySecretStore>();
        m_session = copy;
        m_executor->registerDatabase(m_session->database);
    }

    void cleanupTestCase() {
        m_pane.reset();
        if (m_session) {
            m_executor->retire(m_session->database).waitForFinished();
        }
        m_executor.reset();
    }

    void listsTheBuiltIns() {
        m_pane = std::make_unique<ui::IdentityProvidersPane>(m_executor.get());
        m_pane->resize(1300, 820);
        m_pane->show();
        QSignalSpy loaded(m_pane.get(), &ui::IdentityProvidersPane::loaded);
        m_pane->setSession(m_session);
        QVERIFY(loaded.wait(10000));
        auto *tree = m_pane->findChild<QTreeWidget *>(QStringLiteral("idpTree"));
        QCOMPARE(tree->topLevelItemCount(), 3);
        QVERIFY(row(QStringLiteral("Partner directory")));
        QVERIFY(row(QStringLiteral("Microsoft account")));
        QVERIFY(row(QStringLiteral("Email one-time passcode")));
        QVERIFY(m_pane->findChild<QPushButton *>(QStringLiteral("addSamlButton"))->isEnabled());
        QVERIFY(!m_pane->findChild<QPushButton *>(QStringLiteral("removeIdpButton"))->isEnabled());
    }

    void importsSamlMetadataFromAFile() {
        const QString path = m_dir.filePath(QStringLiteral("FederationMetadata.xml"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(m_md.file(QStringLiteral("adfs-federationmetadata.xml")));
        f.close();

        ui::SamlImportDialog dlg(m_executor.get(), m_session, m_pane.get());
        dlg.show();
        auto *add = dlg.findChild<QPushButton *>(QStringLiteral("addButton"));
        QVERIFY(!add->isEnabled());
        // A hostile file is refused with its reason.
        const QString evil = m_dir.filePath(QStringLiteral("evil.xml"));
        QFile e(evil);
        QVERIFY(e.open(QIODevice::WriteOnly));
        e.write("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">]><lolz>&lol;</lolz>");
        e.close();
        QSignalSpy failed(&dlg, &ui::SamlImportDialog::failed);
        dlg.load(evil);
        QVERIFY(failed.wait(10000));
        QVERIFY(!dlg.hasMetadata());
        QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("importStatus"))->text().startsWith(QStringLiteral("Not imported")));

        QSignalSpy shown(&dlg, &ui::SamlImportDialog::metadataShown);
        dlg.load(path);
        QVERIFY(shown.wait(10000));
        QVERIFY(dlg.findChild<QLabel *>(QStringLiteral("entityIdLabel"))
                    ->text()
                    .contains(QStringLiteral("http://sts.contoso.com/adfs/services/trust")));
        auto *certs = dlg.findChild<QTreeWidget *>(QStringLiteral("certificatesTree"));
        QCOMPARE(certs->topLevelItemCount(), 2);
        QStringList health;
        for (int i = 0; i < certs->topLevelItemCount(); ++i) {
            health << certs->topLevelItem(i)->data(5, Qt::UserRole).toString();
            QCOMPARE(certs->topLevelItem(i)->text(2).size(), 95); // SHA-256 as 32 hex pairs with colons
        }
        QVERIFY2(health.contains(QStringLiteral("ExpiringSoon")), qPrintable(health.join(u',')));
        QVERIFY(dlg.findChild<QTreeWidget *>(QStringLiteral("endpointsTree"))->topLevelItemCount() >= 1);
        auto *domains = dlg.findChild<QPlainTextEdit *>(QStringLiteral("domainsEdit"));
        QTest::keyClicks(domains, QStringLiteral("contoso.com"));
        auto *name = dlg.findChild<QLineEdit *>(QStringLiteral("nameEdit"));
        name->setText(QStringLiteral("Contoso ADFS"));
        QVERIFY(add->isEnabled());
        screenshot(&dlg, QStringLiteral("samlimportdialog.png"));

        QSignalSpy added(&dlg, &ui::SamlImportDialog::providerAdded);
        QSignalSpy loaded(m_pane.get(), &ui::IdentityProvidersPane::loaded);
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(added.wait(10000));
        m_pane->reload();
        QVERIFY(loaded.wait(10000));
        QTreeWidgetItem *item = row(QStringLiteral("Contoso ADFS"));
        QVERIFY(item);
        QCOMPARE(item->text(3), QStringLiteral("contoso.com"));
        QVERIFY2(item->text(4).contains(QStringLiteral("token-signing-b")), qPrintable(item->text(4)));
        m_pane->findChild<QTreeWidget *>(QStringLiteral("idpTree"))->setCurrentItem(item);
        const QString details = m_pane->findChild<QTextBrowser *>(QStringLiteral("idpDetails"))->toPlainText();
        QVERIFY(details.contains(m_md.fingerprint(QStringLiteral("A"))));
        QVERIFY(m_pane->findChild<QPushButton *>(QStringLiteral("removeIdpButton"))->isEnabled());
        QVERIFY(!m_pane->findChild<QPushButton *>(QStringLiteral("refreshMetadataButton"))->isEnabled()); // no URL
    }

    void googleSecretShowsAsStored() {
        ui::SocialIdpDialog dlg(core::IdpKind::Google, m_executor.get(), m_session, m_pane.get());
        dlg.show();
        auto *add = dlg.findChild<QPushButton *>(QStringLiteral("addButton"));
        QVERIFY(!add->isEnabled());
        QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("clientIdEdit")), QStringLiteral("123.apps.example"));
        QTest::keyClicks(dlg.findChild<QLineEdit *>(QStringLiteral("secretEdit")), QStringLiteral("s3cret"));
        QVERIFY(add->isEnabled());
        QSignalSpy added(&dlg, &ui::SocialIdpDialog::providerAdded);
        QSignalSpy loaded(m_pane.get(), &ui::IdentityProvidersPane::loaded);
        QTest::mouseClick(add, Qt::LeftButton);
        QVERIFY(added.wait(10000));
        m_pane->reload();
        QVERIFY(loaded.wait(10000));
        QTreeWidgetItem *google = row(QStringLiteral("Google"));
        QVERIFY(google);
        QCOMPARE(google->text(3), QStringLiteral("gmail.com, googlemail.com"));
        m_pane->findChild<QTreeWidget *>(QStringLiteral("idpTree"))->setCurrentItem(google);
        QVERIFY(m_pane->findChild<QTextBrowser *>(QStringLiteral("idpDetails"))->toPlainText().contains(QStringLiteral("secret stored")));
        QVERIFY(!m_pane->findChild<QPushButton *>(QStringLiteral("addGoogleButton"))->isEnabled()); // only once
    }

    void whereWillThisGuestSignIn() {
        QVERIFY(resolve(QStringLiteral("ann@contoso.com")).startsWith(QStringLiteral("externalFederation:")));
        QVERIFY(m_pane->findChild<QLabel *>(QStringLiteral("resolveResult"))->text().contains(QStringLiteral("Contoso ADFS")));
        QVERIFY(m_pane->findChild<QTreeWidget *>(QStringLiteral("resolveTrace"))->topLevelItemCount() >= 2);
        QCOMPARE(resolve(QStringLiteral("joe@gmail.com")), QStringLiteral("google"));
        QCOMPARE(resolve(QStringLiteral("kim@yahoo.example")), QStringLiteral("emailOneTimePasscode"));
    }

    void redemptionOrderEditor() {
        auto *primary = m_pane->findChild<QListWidget *>(QStringLiteral("primaryList"));
        QCOMPARE(primary->count(), 3);
        for (int i = 0; i < primary->count(); ++i) {
            if (primary->item(i)->data(Qt::UserRole).toString() == QLatin1String("externalFederation")) {
                primary->item(i)->setCheckState(Qt::Unchecked);
            }
        }
        auto *fallback = m_pane->findChild<QComboBox *>(QStringLiteral("fallbackCombo"));
        fallback->setCurrentIndex(fallback->findData(QStringLiteral("microsoftAccount")));
        QSignalSpy saved(m_pane.get(), &ui::IdentityProvidersPane::orderSaved);
        QTest::mouseClick(m_pane->findChild<QPushButton *>(QStringLiteral("saveOrderButton")), Qt::LeftButton);
        QVERIFY(saved.wait(10000));
        QCOMPARE(m_pane->findChild<QLabel *>(QStringLiteral("orderStatus"))->text(), QStringLiteral("Saved order."));
        QCOMPARE(resolve(QStringLiteral("ann@contoso.com")), QStringLiteral("microsoftAccount"));
        screenshot(m_pane.get(), QStringLiteral("identityproviderspane.png"));
    }

    void refreshShowsTheDiffThenApplies() {
        test::LoopbackHttpServer server;
        QVERIFY(server.start());
        const QUrl url = server.url(QStringLiteral("/idp/shibboleth"));
        server.set("/idp/shibboleth", {200, m_md.file(QStringLiteral("shibboleth-idp.xml")), {}});
        const core::ServiceContext ctx = m_session->context();
        const auto secrets = m_session->secrets;
        const QByteArray xml = m_md.file(QStringLiteral("shibboleth-idp.xml"));
        auto added = m_executor
                         ->run<core::Result<core::IdentityProvider>>([ctx, secrets, xml, url] {
                             return core::IdentityProviderService(ctx, secrets)
                                 .addSamlFromMetadata(xml, {QStringLiteral("fabrikam.edu")}, QStringLiteral("Fabrikam Shibboleth"), url);
                         })
                         .result();
        QVERIFY2(added.ok(), qPrintable(added.ok() ? QString() : added.error().message));
        QSignalSpy loaded(m_pane.get(), &ui::IdentityProvidersPane::loaded);
        m_pane->reload();
        QVERIFY(loaded.wait(10000));
        m_pane->findChild<QTreeWidget *>(QStringLiteral("idpTree"))->setCurrentItem(row(QStringLiteral("Fabrikam Shibboleth")));
        auto *refresh = m_pane->findChild<QPushButton *>(QStringLiteral("refreshMetadataButton"));
        QVERIFY(refresh->isEnabled());

        // The partner rolls A over to D.
        server.set("/idp/shibboleth", {200, m_md.file(QStringLiteral("shibboleth-idp.xml"), {{QStringLiteral("A"), QStringLiteral("D")}}), {}});
        QSignalSpy preview(m_pane.get(), &ui::IdentityProvidersPane::refreshPreviewShown);
        QTest::mouseClick(refresh, Qt::LeftButton);
        QVERIFY(preview.wait(15000));
        QCOMPARE(server.hits("/idp/shibboleth"), 1);
        auto *box = m_pane->findChild<QMessageBox *>(QStringLiteral("refreshDiffDialog"));
        QVERIFY(box);
        QVERIFY2(box->text().contains(m_md.fingerprint(QStringLiteral("D"))), qPrintable(box->text()));
        QVERIFY(box->text().contains(m_md.fingerprint(QStringLiteral("A"))));
        screenshot(box, QStringLiteral("refreshdiff.png"));
        // Nothing changed yet.
        QVERIFY(m_pane->findChild<QTextBrowser *>(QStringLiteral("idpDetails"))->toPlainText().contains(m_md.fingerprint(QStringLiteral("A"))));
        auto *apply = box->findChild<QPushButton *>(QStringLiteral("applyRefreshButton"));
        QVERIFY(apply);
        QTest::mouseClick(apply, Qt::LeftButton);
        QVERIFY(loaded.wait(15000));
        QCOMPARE(server.hits("/idp/shibboleth"), 2);
        m_pane->findChild<QTreeWidget *>(QStringLiteral("idpTree"))->setCurrentItem(row(QStringLiteral("Fabrikam Shibboleth")));
        const QString details = m_pane->findChild<QTextBrowser *>(QStringLiteral("idpDetails"))->toPlainText();
        QVERIFY(details.contains(m_md.fingerprint(QStringLiteral("D"))));
        QVERIFY(!details.contains(m_md.fingerprint(QStringLiteral("A"))));
        QVERIFY(row(QStringLiteral("Fabrikam Shibboleth"))->data(0, Qt::UserRole).toString() == added->id); // same provider
    }

    void disabledWithRoleTooltips() {
        m_pane->setCapabilities(ui::Capabilities::forPreview(core::Role::HelpdeskAdministrator));
        auto *add = m_pane->findChild<QPushButton *>(QStringLiteral("addSamlButton"));
        QVERIFY(!add->isEnabled());
        QVERIFY2(add->toolTip().contains(QStringLiteral("External Identity Provider Administrator")), qPrintable(add->toolTip()));
        QVERIFY(!m_pane->findChild<QPushButton *>(QStringLiteral("saveOrderButton"))->isEnabled());
        QVERIFY(m_pane->findChild<QPushButton *>(QStringLiteral("resolveButton"))->isEnabled()); // reading is fine
        m_pane->setCapabilities(ui::Capabilities::forPreview(core::Role::ExternalIdentityProviderAdministrator));
        QVERIFY(add->isEnabled());
    }
};

QTEST_MAIN(TestIdentityProvidersPane)
#include "tst_identityproviderspane.moc"
