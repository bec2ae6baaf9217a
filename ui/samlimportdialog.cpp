#include "ui/samlimportdialog.h"

#include "core/base/domainname.h"
#include "core/federation/directfeddnschecker.h"
#include "core/federation/metadatafetcher.h"
#include "core/identityproviders/identityproviderservice.h"
#include "models/dbexecutor.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace atrium::ui {

SamlImportDialog::SamlImportDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent)
    : QDialog(parent), m_executor(executor), m_session(std::move(session)) {
    setObjectName(QStringLiteral("samlImportDialog"));
    setWindowTitle(tr("Add SAML/WS-Fed identity provider"));
    m_nam = new QNetworkAccessManager(this);
    m_fetcher = new core::MetadataFetcher(m_nam, this);
    m_dns = new core::DirectFedDnsChecker(this);

    auto *sourceRow = new QHBoxLayout;
    m_source = new QLineEdit(this);
    m_source->setObjectName(QStringLiteral("metadataSource"));
    m_source->setPlaceholderText(tr("Metadata file or https URL"));
    m_source->setAccessibleName(tr("Metadata file or URL"));
    auto *browse = new QPushButton(tr("Browse…"), this);
    browse->setObjectName(QStringLiteral("browseMetadataButton"));
    m_loadButton = new QPushButton(tr("Import metadata"), this);
    m_loadButton->setObjectName(QStringLiteral("loadMetadataButton"));
    sourceRow->addWidget(m_source, 1);
    sourceRow->addWidget(browse);
    sourceRow->addWidget(m_loadButton);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("importStatus"));
    m_status->setWordWrap(true);
    m_status->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Minimum);
    // Word-wrapped labels get one line from the layout; the summary and the metadata warnings need more.
    m_status->setMinimumHeight(m_status->fontMetrics().lineSpacing() * 3);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *readBox = new QGroupBox(tr("What the metadata says"), this);
    auto *readLayout = new QVBoxLayout(readBox);
    m_entityId = new QLabel(readBox);
    m_entityId->setObjectName(QStringLiteral("entityIdLabel"));
    m_entityId->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_endpoints = new QTreeWidget(readBox);
    m_endpoints->setObjectName(QStringLiteral("endpointsTree"));
    m_endpoints->setHeaderLabels({tr("Sign-in endpoint"), tr("Binding")});
    m_endpoints->setRootIsDecorated(false);
    m_endpoints->setMinimumHeight(80);
    m_certificates = new QTreeWidget(readBox);
    m_certificates->setObjectName(QStringLiteral("certificatesTree"));
    m_certificates->setHeaderLabels({tr("Subject"), tr("Issuer"), tr("SHA-256"), tr("Valid from"), tr("Valid to"), tr("Health")});
    m_certificates->setRootIsDecorated(false);
    // Health next to the subject: what the admin must see without scrolling.
    m_certificates->header()->moveSection(5, 1);
    m_certificates->setMinimumHeight(90);
    readLayout->addWidget(m_entityId);
    readLayout->addWidget(m_endpoints, 1);
    readLayout->addWidget(m_certificates, 2);

    auto *form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("nameEdit"));
    m_domains = new QPlainTextEdit(this);
    m_domains->setObjectName(QStringLiteral("domainsEdit"));
    m_domains->setPlaceholderText(tr("One domain per line, e.g. contoso.com"));
    m_domains->setMaximumHeight(70);
    form->addRow(tr("Display name:"), m_name);
    form->addRow(tr("Domains:"), m_domains);
    auto *dnsRow = new QHBoxLayout;
    m_dnsButton = new QPushButton(tr("Check DNS"), this);
    m_dnsButton->setObjectName(QStringLiteral("dnsCheckButton"));
    m_dnsResult = new QLabel(this);
    m_dnsResult->setObjectName(QStringLiteral("dnsResult"));
    m_dnsResult->setWordWrap(true);
    dnsRow->addWidget(m_dnsButton);
    dnsRow->addWidget(m_dnsResult, 1);
    form->addRow(tr("DirectFedAuthUrl:"), dnsRow);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Add"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("addButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(sourceRow);
    layout->addWidget(m_status);
    layout->addWidget(readBox, 1);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    resize(820, 620);

    connect(browse, &QPushButton::clicked, this, &SamlImportDialog::browse);
    connect(m_loadButton, &QPushButton::clicked, this, [this] { load(m_source->text()); });
    connect(m_dnsButton, &QPushButton::clicked, this, &SamlImportDialog::checkDns);
    connect(m_domains, &QPlainTextEdit::textChanged, this, &SamlImportDialog::updateState);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SamlImportDialog::add);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_fetcher, &core::MetadataFetcher::finished, this, [this](core::Result<QByteArray> r) {
        if (!r.ok()) {
            showError(r.error().message);
            return;
        }
        parse(std::move(*r));
    });
    connect(m_dns, &core::DirectFedDnsChecker::finished, this, [this](const core::DirectFedDnsOutcome &o) {
        m_dnsResult->setText(o.message);
        m_dnsButton->setEnabled(true);
        emit dnsChecked();
    });
    updateState();
}

SamlImportDialog::~SamlImportDialog() = default;

void SamlImportDialog::browse() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open federation metadata"), {},
                                                      tr("Metadata (*.xml);;All files (*)"));
    if (!path.isEmpty()) {
        m_source->setText(path);
        load(path);
    }
}

void SamlImportDialog::load(const QString &sourceIn) {
    const QString source = sourceIn.trimmed();
    m_source->setText(source);
    m_metadata.reset();
    m_status->setText(tr("Reading…"));
    m_loadButton->setEnabled(false);
    updateState();
    if (source.startsWith(QLatin1String("https://"), Qt::CaseInsensitive) ||
        source.startsWith(QLatin1String("http://"), Qt::CaseInsensitive)) {
        m_url = QUrl(source, QUrl::StrictMode);
        m_fetcher->fetch(m_url);
        return;
    }
    m_url.clear();
    m_executor->call<core::Result<QByteArray>>(
        this,
        [source]() -> core::Result<QByteArray> {
            QFile f(source);
            if (!f.open(QIODevice::ReadOnly)) {
                return core::Error::invalid(QCoreApplication::translate("atrium::ui::SamlImportDialog", "Cannot read %1: %2")
                                                .arg(source, f.errorString()));
            }
            return f.read(core::kMaxMetadataBytes + 1);
        },
        [this](core::Result<QByteArray> r) {
            if (!r.ok()) {
                showError(r.error().message);
                return;
            }
            parse(std::move(*r));
        });
}

void SamlImportDialog::parse(QByteArray xml) {
    m_xml = xml;
    m_executor->call<core::Result<core::FederationMetadata>>(
        this, [xml]() { return core::parseFederationMetadata(xml); },
        [this](core::Result<core::FederationMetadata> r) {
            if (!r.ok()) {
                showError(r.error().message);
                return;
            }
            showMetadata(*r);
        });
}

void SamlImportDialog::showMetadata(const core::FederationMetadata &m) {
    m_metadata = m;
    m_loadButton->setEnabled(true);
    QStringList lines{tr("Read %1 metadata with %n signing certificate(s).", nullptr, int(m.signingCertificates.size()))
                          .arg(core::toString(m.protocol))};
    lines << m.warnings;
    m_status->setText(lines.join(QLatin1Char('\n')));
    m_entityId->setText(tr("Entity id: %1").arg(m.entityId));
    m_endpoints->clear();
    for (const core::SsoEndpoint &e : m.ssoEndpoints) {
        auto *item = new QTreeWidgetItem(m_endpoints, {e.location.toString(), e.binding});
        if (e.location == m.passiveSignInEndpoint) {
            QFont f = item->font(0);
            f.setBold(true);
            item->setFont(0, f);
            item->setToolTip(0, tr("Passive sign-in endpoint"));
        }
    }
    m_certificates->clear();
    const QDateTime now = m_session ? m_session->clock->now() : QDateTime::currentDateTimeUtc();
    for (const core::SigningCertificate &c : m.signingCertificates) {
        const core::CertificateHealth h = core::certificateHealth(c, now);
        auto *item = new QTreeWidgetItem(m_certificates,
                                         {c.subject, c.issuer, c.sha256Fingerprint, c.notBefore.toString(Qt::ISODate),
                                          c.notAfter.toString(Qt::ISODate), core::certificateHealthMessage(c, now)});
        item->setData(5, Qt::UserRole, core::toString(h));
        if (h != core::CertificateHealth::Valid) {
            item->setForeground(5, h == core::CertificateHealth::ExpiringSoon ? QColor(0xb0, 0x60, 0x00) : QColor(Qt::red));
        }
    }
    for (int c = 0; c < 6; ++c) {
        m_certificates->resizeColumnToContents(c);
    }
    m_endpoints->resizeColumnToContents(0);
    if (m_name->text().isEmpty()) {
        m_name->setText(m.entityId);
    }
    updateState();
    emit metadataShown();
}

void SamlImportDialog::showError(const QString &message) {
    m_metadata.reset();
    m_loadButton->setEnabled(true);
    m_status->setText(tr("Not imported: %1").arg(message));
    m_entityId->clear();
    m_endpoints->clear();
    m_certificates->clear();
    updateState();
    emit failed(message);
}

QStringList SamlImportDialog::domains() const {
    QStringList out;
    for (const QString &line : m_domains->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!line.trimmed().isEmpty()) {
            out << line.trimmed();
        }
    }
    return out;
}

void SamlImportDialog::checkDns() {
    const QStringList d = domains();
    if (!m_metadata || d.isEmpty()) {
        return;
    }
    auto n = core::normalizeDomain(d.first());
    if (!n.ok()) {
        m_dnsResult->setText(n.error().message);
        return;
    }
    m_dnsButton->setEnabled(false);
    m_dnsResult->setText(tr("Looking up TXT records of %1…").arg(*n));
    m_dns->check(*n, m_metadata->passiveSignInEndpoint);
}

void SamlImportDialog::updateState() {
    const bool ready = m_metadata.has_value() && !domains().isEmpty();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(ready && m_session);
    m_dnsButton->setEnabled(ready);
}

void SamlImportDialog::add() {
    if (!m_metadata || !m_session) {
        return;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const QByteArray xml = m_xml;
    const QStringList doms = domains();
    const QString name = m_name->text();
    const QUrl url = m_url;
    m_executor->call<core::Result<core::IdentityProvider>>(
        this,
        [ctx, secrets, xml, doms, name, url]() {
            return core::IdentityProviderService(ctx, secrets).addSamlFromMetadata(xml, doms, name, url);
        },
        [this](core::Result<core::IdentityProvider> r) {
            if (!r.ok()) {
                m_status->setText(r.error().message);
                updateState();
                emit failed(r.error().message);
                return;
            }
            emit providerAdded(*r);
            accept();
        });
}

} // namespace atrium::ui
