#include "core/federation/federationmetadata.h"
#include "metadatafixture.h"

#include <QTest>

using namespace atrium::core;
using atrium::test::MetadataFixture;
using Protocol = FederationMetadata::Protocol;

class tst_FederationMetadata : public QObject {
    Q_OBJECT
private:
    QString keysOf(const FederationMetadata &m) const {
        QStringList keys;
        for (const auto &c : m.signingCertificates) {
            keys << m_fx.keyOf(c.sha256Fingerprint);
        }
        return keys.join(QLatin1Char(','));
    }

private slots:
    void initTestCase() { m_fx.generate(); }

    void realistic_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("preferredEntityId");
        QTest::addColumn<int>("preferredProtocol"); // -1 none, 0 SAML, 1 WS-Fed
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("entityId");
        QTest::addColumn<QString>("passive");
        QTest::addColumn<int>("ssoCount");
        QTest::addColumn<QString>("certs");   // fixture keys in document order
        QTest::addColumn<QString>("warning"); // a substring one warning must contain; empty = no warnings

        const QString adfs = QStringLiteral("http://sts.contoso.com/adfs/services/trust");
        QTest::newRow("adfs: ws-fed by default, two signing certs, not the metadata signer")
            << "adfs-federationmetadata.xml" << QString() << -1 << "WS-Fed" << adfs
            << "https://sts.contoso.com/adfs/ls/" << 1 << "A,B"
            << "also offers SAML 2.0";
        QTest::newRow("adfs: saml asked for, encryption key skipped")
            << "adfs-federationmetadata.xml" << QString() << 0 << "SAML" << adfs
            << "https://sts.contoso.com/adfs/ls/saml" << 2 << "A"
            << "encryption key";
        QTest::newRow("adfs: by entity id") << "adfs-federationmetadata.xml" << adfs << 1 << "WS-Fed" << adfs
                                            << "https://sts.contoso.com/adfs/ls/" << 1 << "A,B"
                                            << "also offers";
        QTest::newRow("shibboleth: md/ds prefixes, key without use, wrapped and spaced base64")
            << "shibboleth-idp.xml" << QString() << -1 << "SAML"
            << "https://idp.fabrikam.edu/idp/shibboleth"
            << "https://idp.fabrikam.edu/idp/profile/SAML2/Redirect/SSO" << 4 << "A,B"
            << "encryption key";
        QTest::newRow("default namespace, POST only")
            << "default-namespace-idp.xml" << QString() << -1 << "SAML"
            << "http://www.okta.example/exk1abcdEFGH"
            << "https://tailspin.okta.example/app/tailspin_atrium_1/exk1abcdEFGH/sso/saml" << 1 << "A" << QString();
        QTest::newRow("aggregate: SP skipped, first IdP") << "entities-sp-and-idps.xml" << QString() << -1 << "SAML"
                                                          << "https://idp.wingtip.example/saml"
                                                          << "https://idp.wingtip.example/saml/sso" << 1 << "A"
                                                          << "2 identity providers";
        QTest::newRow("aggregate: second IdP by entity id")
            << "entities-sp-and-idps.xml"
            << "https://login.litware.example/idp" << -1 << "SAML"
            << "https://login.litware.example/idp"
            << "https://login.litware.example/idp/sso" << 1 << "B" << QString();
        QTest::newRow("ws-fed only, root prefixes, two certs in one X509Data")
            << "wsfed-only.xml" << QString() << -1 << "WS-Fed"
            << "urn:federation:adatum"
            << "https://login.adatum-sso.example/wsfed" << 1 << "A,B" << QString();
    }
    void realistic() {
        QFETCH(QString, file);
        QFETCH(QString, preferredEntityId);
        QFETCH(int, preferredProtocol);
        QFETCH(QString, protocol);
        QFETCH(QString, entityId);
        QFETCH(QString, passive);
        QFETCH(int, ssoCount);
        QFETCH(QString, certs);
        QFETCH(QString, warning);
        std::optional<Protocol> pref;
        if (preferredProtocol >= 0) {
            pref = preferredProtocol == 0 ? Protocol::Saml : Protocol::WsFed;
        }
        const auto m = parseFederationMetadata(m_fx.file(file), preferredEntityId, pref);
        QVERIFY2(m.ok(), qPrintable(m.ok() ? QString() : m.error().message));
        QCOMPARE(toString(m->protocol), protocol);
        QCOMPARE(m->entityId, entityId);
        QCOMPARE(m->passiveSignInEndpoint, QUrl(passive));
        QCOMPARE(m->ssoEndpoints.size(), ssoCount);
        QCOMPARE(keysOf(*m), certs);
        for (const auto &c : m->signingCertificates) {
            QVERIFY(!c.der.isEmpty());
            QVERIFY(c.subject.startsWith(QStringLiteral("CN=token-signing-")));
            QVERIFY(c.notAfter > c.notBefore);
        }
        if (warning.isEmpty()) {
            QVERIFY2(m->warnings.isEmpty(), qPrintable(m->warnings.join(QLatin1Char('|'))));
        } else {
            QVERIFY2(m->warnings.join(QLatin1Char('|')).contains(warning),
                     qPrintable(m->warnings.join(QLatin1Char('|'))));
        }
    }

    void endpointsAndUse() {
        const auto m = parseFederationMetadata(m_fx.file(QStringLiteral("shibboleth-idp.xml")));
        QVERIFY(m.ok());
        QCOMPARE(m->ssoEndpoints.at(0).binding, QStringLiteral("urn:mace:shibboleth:1.0:profiles:AuthnRequest"));
        QCOMPARE(m->ssoEndpoints.at(3).binding, QStringLiteral("urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect"));
        QCOMPARE(m->signingCertificates.at(0).use, QString());                 // no `use`: both
        QCOMPARE(m->signingCertificates.at(1).use, QStringLiteral("signing")); // next key
        const auto ws = parseFederationMetadata(m_fx.file(QStringLiteral("wsfed-only.xml")));
        QVERIFY(ws.ok());
        QVERIFY(ws->ssoEndpoints.at(0).binding.endsWith(QStringLiteral("#PassiveRequestorEndpoint")));
    }

    void refusedRealistic_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("preferredEntityId");
        QTest::addColumn<int>("preferredProtocol");
        QTest::addColumn<QString>("reason");
        QTest::newRow("entity id of the SP")
            << "entities-sp-and-idps.xml"
            << "https://sp.wingtip.example/shibboleth" << -1 << "not an identity provider";
        QTest::newRow("unknown entity id") << "entities-sp-and-idps.xml"
                                           << "https://nobody.example" << -1 << "no entity with the entity id";
        QTest::newRow("saml asked of a ws-fed-only IdP")
            << "wsfed-only.xml" << QString() << 0 << "offers only WS-Federation";
        QTest::newRow("ws-fed asked of a saml-only IdP")
            << "shibboleth-idp.xml" << QString() << 1 << "offers only SAML 2.0";
    }
    void refusedRealistic() {
        QFETCH(QString, file);
        QFETCH(QString, preferredEntityId);
        QFETCH(int, preferredProtocol);
        QFETCH(QString, reason);
        std::optional<Protocol> pref;
        if (preferredProtocol >= 0) {
            pref = preferredProtocol == 0 ? Protocol::Saml : Protocol::WsFed;
        }
        const auto m = parseFederationMetadata(m_fx.file(file), preferredEntityId, pref);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, ErrorCode::Invalid);
        QVERIFY2(m.error().message.contains(reason), qPrintable(m.error().message));
    }

    void hostile_data() {
        QTest::addColumn<QByteArray>("xml");
        QTest::addColumn<QString>("reason");
        const QByteArray good = m_fx.file(QStringLiteral("default-namespace-idp.xml"));
        const QByteArray body = good.mid(good.indexOf("<EntityDescriptor"));

        QTest::newRow("external entity")
            << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE EntityDescriptor [\n  <!ENTITY xxe SYSTEM "
                          "\"file:///etc/passwd\">\n]>\n"
                          "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"&xxe;\"/>\n")
            << "document type";
        QTest::newRow("external DTD") << QByteArray("<?xml version=\"1.0\"?>\n<!DOCTYPE EntityDescriptor SYSTEM "
                                                    "\"http://attacker.example/evil.dtd\">\n" +
                                                    body)
                                      << "document type";
        QByteArray lol = "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n";
        lol += " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n";
        for (int i = 2; i <= 9; ++i) {
            QByteArray refs;
            for (int j = 0; j < 10; ++j) {
                refs += "&lol" + QByteArray::number(i - 1) + ";";
            }
            lol += " <!ENTITY lol" + QByteArray::number(i) + " \"" + refs + "\">\n";
        }
        lol += "]>\n<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" entityID=\"&lol9;\"/>\n";
        QTest::newRow("billion laughs") << lol << "document type";
        QByteArray huge = good;
        huge.insert(huge.indexOf("<EntityDescriptor"), "<!--" + QByteArray(50 * 1024 * 1024, 'x') + "-->\n");
        QTest::newRow("50 MB") << huge << "too large";
        QTest::newRow("truncated") << good.left(good.size() / 2) << "ends before the XML is complete";
        QTest::newRow("cut after the prolog") << QByteArray("<?xml version=\"1.0\"?>\n") << "no XML element";
        QTest::newRow("wrong root") << QByteArray("<?xml version=\"1.0\"?><Assertion "
                                                  "xmlns=\"urn:oasis:names:tc:SAML:2.0:assertion\"/>")
                                    << "not SAML 2.0 metadata";
        QByteArray decoy = body;
        decoy.replace("xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\"", "xmlns=\"urn:example:not-metadata\"");
        QTest::newRow("right name, wrong namespace") << decoy << "not SAML 2.0 metadata";
        QTest::newRow("md prefix bound elsewhere")
            << QByteArray("<md:EntityDescriptor xmlns:md=\"urn:oasis:names:tc:SAML:1.0:metadata\" entityID=\"x\"/>")
            << "not SAML 2.0 metadata";
        QTest::newRow("not xml: json") << QByteArray("{\"issuer\":\"https://login.example\"}") << "not XML";
        QTest::newRow("not xml: text") << QByteArray("Service Unavailable") << "not XML";
        QTest::newRow("html page") << QByteArray("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                                                 "<title>Sign in</title></head><body><p>Please sign in</body></html>")
                                   << "web page";
        QTest::newRow("html without doctype")
            << QByteArray("  <html><head><title>404</title></head><body>Not found</body></html>") << "web page";
        QTest::newRow("empty") << QByteArray() << "empty";
        QTest::newRow("undeclared entity") << QByteArray("<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:"
                                                         "metadata\" entityID=\"&foo;\"/>")
                                           << "not well-formed";
        QByteArray mismatched = body;
        mismatched.replace("</IDPSSODescriptor>", "</SPSSODescriptor>");
        QTest::newRow("mismatched tags") << mismatched << "not well-formed";
        QByteArray noSigning = body;
        noSigning.replace("use=\"signing\"", "use=\"encryption\"");
        QTest::newRow("no signing certificate") << noSigning << "publishes no signing certificate";
        QByteArray badCert = body;
        badCert.replace(QByteArray("<X509Certificate>"), QByteArray("<X509Certificate>AAAA"));
        QTest::newRow("unreadable certificate") << badCert << "cannot be read";
        QByteArray noId = body;
        noId.replace("entityID=\"http://www.okta.example/exk1abcdEFGH\"", "");
        QTest::newRow("no entityID") << noId << "no entityID";
        QTest::newRow("only an SP") << QByteArray(
                                           "<EntityDescriptor xmlns=\"urn:oasis:names:tc:SAML:2.0:metadata\" "
                                           "entityID=\"https://sp.example\"><SPSSODescriptor "
                                           "protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"/>"
                                           "</EntityDescriptor>")
                                    << "only a service provider";
    }
    void hostile() {
        QFETCH(QByteArray, xml);
        QFETCH(QString, reason);
        const auto m = parseFederationMetadata(xml);
        QVERIFY(!m.ok());
        QCOMPARE(m.error().code, ErrorCode::Invalid);
        QVERIFY2(m.error().message.contains(reason, Qt::CaseInsensitive), qPrintable(m.error().message));
    }

    void warnsAboutHttpEndpoint() {
        QByteArray xml = m_fx.file(QStringLiteral("default-namespace-idp.xml"));
        xml.replace("Location=\"https://", "Location=\"http://");
        const auto m = parseFederationMetadata(xml);
        QVERIFY(m.ok());
        QVERIFY(m->warnings.join(QLatin1Char('|')).contains(QStringLiteral("does not use https")));
    }

    void diffRollover() {
        const auto before = parseFederationMetadata(m_fx.file(QStringLiteral("wsfed-only.xml")));
        QVERIFY(before.ok());
        QVERIFY(diffMetadata(*before, *before).isEmpty());
        // B (expiring) is replaced by D: one removed, one added, nothing else.
        const auto after = parseFederationMetadata(
            m_fx.file(QStringLiteral("wsfed-only.xml"), {{QStringLiteral("B"), QStringLiteral("D")}}));
        QVERIFY(after.ok());
        const auto changes = diffMetadata(*before, *after);
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).field, QStringLiteral("signingCertificate"));
        QVERIFY(changes.at(0).before.startsWith(m_fx.fingerprint(QStringLiteral("B"))));
        QVERIFY(changes.at(0).after.isEmpty());
        QCOMPARE(changes.at(1).field, QStringLiteral("signingCertificate"));
        QVERIFY(changes.at(1).before.isEmpty());
        QVERIFY(changes.at(1).after.startsWith(m_fx.fingerprint(QStringLiteral("D"))));
        QVERIFY(changes.at(1).after.contains(QStringLiteral("CN=token-signing-d.contoso.com")));
        QVERIFY(!fieldLabel(changes.at(0).field).isEmpty());
    }

    void diffEveryField() {
        const auto saml = parseFederationMetadata(m_fx.file(QStringLiteral("entities-sp-and-idps.xml")));
        const auto other = parseFederationMetadata(m_fx.file(QStringLiteral("wsfed-only.xml")));
        QVERIFY(saml.ok() && other.ok());
        const auto changes = diffMetadata(*saml, *other);
        QStringList fields;
        for (const auto &c : changes) {
            fields << c.field;
        }
        QCOMPARE(fields, (QStringList{QStringLiteral("entityId"), QStringLiteral("protocol"),
                                      QStringLiteral("passiveSignInEndpoint"), QStringLiteral("ssoEndpoint"),
                                      QStringLiteral("ssoEndpoint"), QStringLiteral("signingCertificate")}));
        QCOMPARE(changes.at(0).before, QStringLiteral("https://idp.wingtip.example/saml"));
        QCOMPARE(changes.at(0).after, QStringLiteral("urn:federation:adatum"));
        QCOMPARE(changes.at(1).after, QStringLiteral("WS-Fed"));
    }

private:
    MetadataFixture m_fx;
};

QTEST_GUILESS_MAIN(tst_FederationMetadata)
#include "tst_federationmetadata.moc"
