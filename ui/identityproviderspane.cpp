#include "ui/identityproviderspane.h"

#include "core/crosstenant/crosstenantservice.h"
#include "models/dbexecutor.h"
#include "ui/samlimportdialog.h"
#include "ui/socialidpdialog.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
using core::IdentityProvider;
using core::IdpKind;

QPushButton *button(const QString &text, const QString &name, QWidget *parent) {
    auto *b = new QPushButton(text, parent);
    b->setObjectName(name);
    return b;
}

QString statusText(const IdentityProvider &p) {
    if (!p.enabled) {
        return QCoreApplication::translate("atrium::ui::IdentityProvidersPane", "Disabled");
    }
    return p.warnings.isEmpty() ? QCoreApplication::translate("atrium::ui::IdentityProvidersPane", "Configured")
                                : QCoreApplication::translate("atrium::ui::IdentityProvidersPane", "Needs attention");
}
} // namespace

IdentityProvidersPane::IdentityProvidersPane(models::DbExecutor *executor, QWidget *parent) : Pane(executor, parent) {
    setAccessibleName(tr("Identity providers"));
    buildUi();
    setSession(nullptr);
}

IdentityProvidersPane::~IdentityProvidersPane() = default;

void IdentityProvidersPane::buildUi() {
    auto *title = new QLabel(tr("Identity providers"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("idpStatus"));
    m_status->setWordWrap(true);

    auto *toolbar = new QHBoxLayout;
    m_addSaml = button(tr("Add SAML/WS-Fed…"), QStringLiteral("addSamlButton"), this);
    m_addGoogle = button(tr("Google…"), QStringLiteral("addGoogleButton"), this);
    m_addFacebook = button(tr("Facebook…"), QStringLiteral("addFacebookButton"), this);
    m_addOidc = button(tr("OpenID Connect…"), QStringLiteral("addOidcButton"), this);
    m_refresh = button(tr("Refresh metadata"), QStringLiteral("refreshMetadataButton"), this);
    m_secret = button(tr("Set secret…"), QStringLiteral("setSecretButton"), this);
    m_remove = button(tr("Remove"), QStringLiteral("removeIdpButton"), this);
    for (QPushButton *b : {m_addSaml, m_addGoogle, m_addFacebook, m_addOidc, m_refresh, m_secret, m_remove}) {
        toolbar->addWidget(b);
    }
    toolbar->addStretch(1);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(QStringLiteral("idpTree"));
    m_tree->setAccessibleName(tr("Identity providers"));
    m_tree->setHeaderLabels({tr("Name"), tr("Type"), tr("Status"), tr("Domains"), tr("Warnings")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    m_details = new QTextBrowser(this);
    m_details->setObjectName(QStringLiteral("idpDetails"));
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_tree);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    // Redemption order
    auto *orderBox = new QGroupBox(tr("Redemption order"), this);
    auto *orderLayout = new QVBoxLayout(orderBox);
    m_orderScope = new QComboBox(orderBox);
    m_orderScope->setObjectName(QStringLiteral("orderScope"));
    m_orderScope->setAccessibleName(tr("Redemption order for"));
    m_primary = new QListWidget(orderBox);
    m_primary->setObjectName(QStringLiteral("primaryList"));
    m_primary->setAccessibleName(tr("Primary identity providers, in order"));
    m_primary->setMaximumHeight(80);
    auto *moveRow = new QHBoxLayout;
    m_up = button(tr("Up"), QStringLiteral("orderUpButton"), orderBox);
    m_down = button(tr("Down"), QStringLiteral("orderDownButton"), orderBox);
    moveRow->addWidget(m_up);
    moveRow->addWidget(m_down);
    moveRow->addStretch(1);
    m_fallback = new QComboBox(orderBox);
    m_fallback->setObjectName(QStringLiteral("fallbackCombo"));
    m_fallback->setAccessibleName(tr("Fallback identity provider"));
    for (core::FallbackIdp f : {core::FallbackIdp::defaultConfiguredIdp, core::FallbackIdp::emailOneTimePasscode,
                                core::FallbackIdp::microsoftAccount}) {
        m_fallback->addItem(core::fallbackIdpLabel(f), core::toString(f));
    }
    m_saveOrder = button(tr("Save order"), QStringLiteral("saveOrderButton"), orderBox);
    m_orderStatus = new QLabel(orderBox);
    m_orderStatus->setObjectName(QStringLiteral("orderStatus"));
    m_orderStatus->setWordWrap(true);
    orderLayout->addWidget(new QLabel(tr("Applies to:"), orderBox));
    orderLayout->addWidget(m_orderScope);
    orderLayout->addWidget(new QLabel(tr("Primary (checked = enabled, top first):"), orderBox));
    orderLayout->addWidget(m_primary);
    orderLayout->addLayout(moveRow);
    orderLayout->addWidget(new QLabel(tr("Fallback:"), orderBox));
    orderLayout->addWidget(m_fallback);
    orderLayout->addWidget(m_saveOrder);
    orderLayout->addWidget(m_orderStatus);

    // Where will this guest sign in?
    auto *resolveBox = new QGroupBox(tr("Where will this guest sign in?"), this);
    auto *resolveLayout = new QVBoxLayout(resolveBox);
    auto *resolveRow = new QHBoxLayout;
    m_email = new QLineEdit(resolveBox);
    m_email->setObjectName(QStringLiteral("resolveEmail"));
    m_email->setPlaceholderText(tr("guest@partner.example"));
    m_email->setAccessibleName(tr("Guest email address"));
    m_resolve = button(tr("Check"), QStringLiteral("resolveButton"), resolveBox);
    resolveRow->addWidget(m_email, 1);
    resolveRow->addWidget(m_resolve);
    m_resolveResult = new QLabel(resolveBox);
    m_resolveResult->setObjectName(QStringLiteral("resolveResult"));
    m_resolveResult->setWordWrap(true);
    m_trace = new QTreeWidget(resolveBox);
    m_trace->setObjectName(QStringLiteral("resolveTrace"));
    m_trace->setHeaderLabels({tr("Step"), tr("Finding")});
    m_trace->setRootIsDecorated(false);
    resolveLayout->addLayout(resolveRow);
    resolveLayout->addWidget(m_resolveResult);
    resolveLayout->addWidget(m_trace, 1);

    auto *side = new QVBoxLayout;
    side->addWidget(orderBox);
    side->addWidget(resolveBox, 1);
    auto *body = new QHBoxLayout;
    body->addWidget(split, 3);
    body->addLayout(side, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_status);
    layout->addLayout(toolbar);
    layout->addLayout(body, 1);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this] {
        showDetails();
        updateButtons();
    });
    connect(m_addSaml, &QPushButton::clicked, this, &IdentityProvidersPane::addSaml);
    connect(m_addGoogle, &QPushButton::clicked, this, [this] { addSocial(IdpKind::Google); });
    connect(m_addFacebook, &QPushButton::clicked, this, [this] { addSocial(IdpKind::Facebook); });
    connect(m_addOidc, &QPushButton::clicked, this, [this] { addSocial(IdpKind::Oidc); });
    connect(m_refresh, &QPushButton::clicked, this, &IdentityProvidersPane::refreshMetadata);
    connect(m_remove, &QPushButton::clicked, this, &IdentityProvidersPane::removeSelected);
    connect(m_secret, &QPushButton::clicked, this, &IdentityProvidersPane::setSecret);
    connect(m_orderScope, &QComboBox::currentIndexChanged, this, &IdentityProvidersPane::loadOrder);
    connect(m_up, &QPushButton::clicked, this, [this] { moveOrderItem(-1); });
    connect(m_down, &QPushButton::clicked, this, [this] { moveOrderItem(1); });
    connect(m_saveOrder, &QPushButton::clicked, this, &IdentityProvidersPane::saveOrder);
    connect(m_resolve, &QPushButton::clicked, this, &IdentityProvidersPane::resolveEmail);
    connect(m_email, &QLineEdit::returnPressed, this, &IdentityProvidersPane::resolveEmail);
}

void IdentityProvidersPane::setSession(models::SessionPtr session) {
    m_session = std::move(session);
    m_snapshot = {};
    m_tree->clear();
    m_details->clear();
    m_status->setText(m_session ? tr("Loading…") : tr("No directory is open."));
    if (!m_session) {
        m_caps = Capabilities();
    } else if (m_caps == Capabilities()) {
        m_caps = Capabilities::forOperator(m_session->op);
    }
    updateButtons();
    reload();
}

void IdentityProvidersPane::setCapabilities(const Capabilities &caps) {
    m_caps = caps;
    updateButtons();
}

void IdentityProvidersPane::fail(const core::Error &e) {
    m_status->setText(e.message);
    emit errorOccurred(e);
}

void IdentityProvidersPane::reload() {
    if (!m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    executor()->call<core::Result<Snapshot>>(
        this,
        [ctx, secrets]() -> core::Result<Snapshot> {
            Snapshot s;
            auto list = core::IdentityProviderService(ctx, secrets).list();
            if (!list.ok()) {
                return list.error();
            }
            s.providers = *list;
            auto c = ctx.db().connection();
            if (!c.ok()) {
                return c.error();
            }
            auto snap = core::CrossTenantService::loadSnapshot(*c);
            if (!snap.ok()) {
                return snap.error();
            }
            for (const auto &p : (*snap)->partners()) {
                s.partners.append({p.config.tenantId, p.config.name});
            }
            return s;
        },
        [this](core::Result<Snapshot> r) {
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            showSnapshot(*r);
            emit loaded();
        });
}

void IdentityProvidersPane::showSnapshot(const Snapshot &s) {
    const QString current = selected() ? selected()->id : QString();
    m_snapshot = s;
    m_tree->clear();
    int warnings = 0;
    for (const IdentityProvider &p : s.providers) {
        QStringList w;
        for (const core::IdpWarning &x : p.warnings) {
            w << x.message;
        }
        warnings += p.warnings.size();
        auto *item = new QTreeWidgetItem(m_tree, {p.displayName, core::idpKindLabel(p.kind), statusText(p),
                                                  p.domains.join(QStringLiteral(", ")), w.join(QLatin1Char(' '))});
        item->setData(0, Qt::UserRole, p.id);
        item->setToolTip(4, w.join(QLatin1Char('\n')));
        if (!p.warnings.isEmpty()) {
            item->setForeground(2, QColor(0xb0, 0x60, 0x00));
        }
        if (p.id == current) {
            m_tree->setCurrentItem(item);
        }
    }
    for (int i = 0; i < 4; ++i) {
        m_tree->resizeColumnToContents(i);
    }
    m_status->setText(tr("%n identity provider(s)", nullptr, int(s.providers.size())) +
                      (warnings ? tr(", %n warning(s)", nullptr, warnings) : QString()));
    const QString scope = m_orderScope->currentData().toString();
    {
        const QSignalBlocker block(m_orderScope);
        m_orderScope->clear();
        m_orderScope->addItem(tr("Default (all guests)"), QString());
        for (const auto &[id, name] : s.partners) {
            m_orderScope->addItem(tr("Partner: %1").arg(name), id);
        }
        m_orderScope->setCurrentIndex(qMax(0, m_orderScope->findData(scope)));
    }
    loadOrder();
    showDetails();
    updateButtons();
}

const IdentityProvider *IdentityProvidersPane::selected() const {
    const QTreeWidgetItem *item = m_tree->currentItem();
    if (!item) {
        return nullptr;
    }
    const QString id = item->data(0, Qt::UserRole).toString();
    for (const IdentityProvider &p : m_snapshot.providers) {
        if (p.id == id) {
            return &p;
        }
    }
    return nullptr;
}

void IdentityProvidersPane::showDetails() {
    const IdentityProvider *p = selected();
    if (!p) {
        m_details->setHtml(tr("<p>Select a provider to see its details.</p>"));
        return;
    }
    const QDateTime now = m_session ? m_session->clock->now() : QDateTime::currentDateTimeUtc();
    QString html = QStringLiteral("<h3>") + p->displayName.toHtmlEscaped() + QStringLiteral("</h3><p>") +
                   core::idpKindLabel(p->kind).toHtmlEscaped() + QStringLiteral(" — ") + statusText(*p).toHtmlEscaped() +
                   QStringLiteral("</p>");
    if (p->builtIn()) {
        html += QStringLiteral("<p>") + tr("Built in; always available.").toHtmlEscaped() + QStringLiteral("</p>");
    }
    auto row = [](const QString &k, const QString &v) -> QString {
        return QStringLiteral("<tr><td><b>") + k.toHtmlEscaped() + QStringLiteral("</b></td><td>") + v.toHtmlEscaped() +
               QStringLiteral("</td></tr>");
    };
    html += QStringLiteral("<table cellpadding='2'>");
    if (!p->issuer.isEmpty()) {
        html += row(tr("Issuer"), p->issuer);
    }
    if (!p->domains.isEmpty()) {
        html += row(tr("Domains"), p->domains.join(QStringLiteral(", ")));
    }
    if (!p->passiveSignInEndpoint.isEmpty()) {
        html += row(tr("Passive sign-in endpoint"), p->passiveSignInEndpoint.toString());
    }
    if (!p->metadataUrl.isEmpty()) {
        html += row(tr("Metadata URL"), p->metadataUrl.toString());
    }
    if (!p->clientId.isEmpty()) {
        html += row(p->kind == IdpKind::Facebook ? tr("App id") : tr("Client id"), p->clientId);
    }
    if (core::hasClientSecret(p->kind)) {
        html += row(tr("Secret"), p->secretStored ? tr("secret stored") : tr("missing"));
    }
    if (p->discovery) {
        html += row(tr("Authorization endpoint"), p->discovery->authorizationEndpoint.toString());
        html += row(tr("Token endpoint"), p->discovery->tokenEndpoint.toString());
        html += row(tr("JWKS URI"), p->discovery->jwksUri.toString());
        html += row(tr("Scopes"), p->discovery->scopesSupported.join(QStringLiteral(", ")));
    }
    html += QStringLiteral("</table>");
    if (p->metadata) {
        html += QStringLiteral("<h4>") + tr("Sign-in endpoints").toHtmlEscaped() + QStringLiteral("</h4><ul>");
        for (const core::SsoEndpoint &e : p->metadata->ssoEndpoints) {
            html += QStringLiteral("<li>") + e.location.toString().toHtmlEscaped() + QStringLiteral(" <i>(") +
                    e.binding.toHtmlEscaped() + QStringLiteral(")</i></li>");
        }
        html += QStringLiteral("</ul><h4>") + tr("Signing certificates").toHtmlEscaped() + QStringLiteral("</h4>");
        for (const core::SigningCertificate &c : p->metadata->signingCertificates) {
            const bool ok = core::certificateHealth(c, now) == core::CertificateHealth::Valid;
            html += QStringLiteral("<p><b>") + c.subject.toHtmlEscaped() + QStringLiteral("</b><br>") +
                    tr("Issuer: %1").arg(c.issuer).toHtmlEscaped() + QStringLiteral("<br>SHA-256: <tt>") +
                    c.sha256Fingerprint + QStringLiteral("</tt><br>") +
                    tr("Valid %1 to %2").arg(c.notBefore.toString(Qt::ISODate), c.notAfter.toString(Qt::ISODate)).toHtmlEscaped() +
                    QStringLiteral("<br><span style='color:") + (ok ? QStringLiteral("green") : QStringLiteral("#b06000")) +
                    QStringLiteral("'>") + core::certificateHealthMessage(c, now).toHtmlEscaped() + QStringLiteral("</span></p>");
        }
    }
    if (!p->warnings.isEmpty()) {
        html += QStringLiteral("<h4>") + tr("Warnings").toHtmlEscaped() + QStringLiteral("</h4><ul>");
        for (const core::IdpWarning &w : p->warnings) {
            html += QStringLiteral("<li>") + w.message.toHtmlEscaped() + QStringLiteral("</li>");
        }
        html += QStringLiteral("</ul>");
    }
    m_details->setHtml(html);
}

void IdentityProvidersPane::updateButtons() {
    const core::Permission manage = core::Permission::ManageIdentityProviders;
    for (QWidget *w : std::initializer_list<QWidget *>{m_addSaml, m_addGoogle, m_addFacebook, m_addOidc, m_refresh,
                                                       m_remove, m_secret, m_saveOrder, m_up, m_down, m_primary, m_fallback}) {
        m_caps.apply(w, manage);
    }
    const bool may = m_session && m_caps.can(manage);
    const IdentityProvider *p = selected();
    bool hasGoogle = false, hasFacebook = false;
    for (const IdentityProvider &x : m_snapshot.providers) {
        hasGoogle = hasGoogle || x.kind == IdpKind::Google;
        hasFacebook = hasFacebook || x.kind == IdpKind::Facebook;
    }
    m_addGoogle->setEnabled(may && !hasGoogle);
    m_addFacebook->setEnabled(may && !hasFacebook);
    m_refresh->setEnabled(may && p && p->metadata && !p->metadataUrl.isEmpty());
    m_remove->setEnabled(may && p && !p->builtIn());
    m_secret->setEnabled(may && p && core::hasClientSecret(p->kind));
    m_resolve->setEnabled(m_session != nullptr);
}

void IdentityProvidersPane::addSaml() {
    auto *dlg = new SamlImportDialog(executor(), m_session, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &SamlImportDialog::providerAdded, this, [this] { reload(); });
    dlg->open();
}

void IdentityProvidersPane::addSocial(IdpKind kind) {
    auto *dlg = new SocialIdpDialog(kind, executor(), m_session, this);
    dlg->setAttribute(Qt::WA_DeleteOnClose);
    connect(dlg, &SocialIdpDialog::providerAdded, this, [this] { reload(); });
    dlg->open();
}

void IdentityProvidersPane::refreshMetadata() {
    const IdentityProvider *p = selected();
    if (!p || !m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const QString id = p->id;
    const QString name = p->displayName;
    m_status->setText(tr("Reading %1…").arg(p->metadataUrl.toString()));
    executor()->call<core::Result<core::MetadataRefresh>>(
        this, [ctx, secrets, id]() { return core::IdentityProviderService(ctx, secrets).refresh(id, false); },
        [this, name](core::Result<core::MetadataRefresh> r) {
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            auto *box = new QMessageBox(this);
            box->setObjectName(QStringLiteral("refreshDiffDialog"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setWindowTitle(tr("Refresh %1").arg(name));
            if (r->changes.isEmpty()) {
                m_status->setText(tr("The metadata of %1 has not changed.").arg(name));
                box->setText(tr("The metadata has not changed."));
                box->setStandardButtons(QMessageBox::Close);
            } else {
                QString html = tr("<p>The metadata URL now says:</p>") + QStringLiteral("<table border='1' cellpadding='3'><tr><th>") +
                               tr("Field") + QStringLiteral("</th><th>") + tr("Before") + QStringLiteral("</th><th>") +
                               tr("After") + QStringLiteral("</th></tr>");
                for (const core::FieldChange &c : r->changes) {
                    html += QStringLiteral("<tr><td>") + core::fieldLabel(c.field).toHtmlEscaped() + QStringLiteral("</td><td>") +
                            c.before.toHtmlEscaped() + QStringLiteral("</td><td>") + c.after.toHtmlEscaped() +
                            QStringLiteral("</td></tr>");
                }
                html += QStringLiteral("</table><p>") + tr("Nothing changes until you apply.") + QStringLiteral("</p>");
                box->setTextFormat(Qt::RichText);
                box->setText(html);
                QPushButton *apply = box->addButton(tr("Apply"), QMessageBox::AcceptRole);
                apply->setObjectName(QStringLiteral("applyRefreshButton"));
                box->addButton(QMessageBox::Cancel);
                const QString rid = r->id;
                const qint64 version = r->rowVersion;
                connect(apply, &QPushButton::clicked, this, [this, rid, version] { applyRefresh(rid, version); });
            }
            box->open();
            emit refreshPreviewShown();
        });
}

void IdentityProvidersPane::applyRefresh(const QString &id, qint64 rowVersion) {
    if (!m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    executor()->call<core::Result<core::MetadataRefresh>>(
        this, [ctx, secrets, id, rowVersion]() { return core::IdentityProviderService(ctx, secrets).refresh(id, true, rowVersion); },
        [this](core::Result<core::MetadataRefresh> r) {
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            m_status->setText(tr("Applied %n change(s).", nullptr, int(r->changes.size())));
            reload();
        });
}

void IdentityProvidersPane::removeSelected() {
    const IdentityProvider *p = selected();
    if (!p || p->builtIn() || !m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const QString id = p->id;
    const QString name = p->displayName;
    const qint64 version = p->rowVersion;
    executor()->call<core::Result<qint64>>(
        this, [ctx, secrets, id]() { return core::IdentityProviderService(ctx, secrets).redeemedGuestCount(id); },
        [this, ctx, secrets, id, name, version](core::Result<qint64> n) {
            if (!n.ok()) {
                fail(n.error());
                return;
            }
            auto *box = new QMessageBox(QMessageBox::Warning, tr("Remove %1").arg(name),
                                        tr("Remove the identity provider \"%1\"?").arg(name), QMessageBox::NoButton, this);
            box->setObjectName(QStringLiteral("removeConfirm"));
            box->setAttribute(Qt::WA_DeleteOnClose);
            box->setInformativeText(*n > 0 ? tr("%n guest(s) redeemed through it; they cannot sign in until their "
                                                "redemption status is reset.",
                                                nullptr, int(*n))
                                           : tr("No guest has redeemed through it."));
            QPushButton *yes = box->addButton(tr("Remove"), QMessageBox::DestructiveRole);
            yes->setObjectName(QStringLiteral("confirmRemoveButton"));
            box->addButton(QMessageBox::Cancel);
            connect(yes, &QPushButton::clicked, this, [this, ctx, secrets, id, version] {
                executor()->call<core::Result<core::IdpRemoval>>(
                    this, [ctx, secrets, id, version]() { return core::IdentityProviderService(ctx, secrets).remove(id, version); },
                    [this](core::Result<core::IdpRemoval> r) {
                        if (!r.ok()) {
                            fail(r.error());
                            return;
                        }
                        reload();
                        emit providerRemoved();
                    });
            });
            box->open();
        });
}

void IdentityProvidersPane::setSecret() {
    const IdentityProvider *p = selected();
    if (!p || !m_session) {
        return;
    }
    bool ok = false;
    const QString secret = QInputDialog::getText(this, tr("Client secret"), tr("New secret for %1 (stored in the keychain):")
                                                                                .arg(p->displayName),
                                                 QLineEdit::Password, {}, &ok);
    if (!ok || secret.isEmpty()) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const QString id = p->id;
    executor()->call<core::Status>(
        this, [ctx, secrets, id, secret]() { return core::IdentityProviderService(ctx, secrets).setSecret(id, secret); },
        [this](core::Status s) {
            if (!s.ok()) {
                fail(s.error());
                return;
            }
            reload();
        });
}

void IdentityProvidersPane::loadOrder() {
    if (!m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const QString scope = m_orderScope->currentData().toString();
    executor()->call<core::Result<core::RedemptionOrderRecord>>(
        this, [ctx, secrets, scope]() { return core::IdentityProviderService(ctx, secrets).redemptionOrder(scope); },
        [this, scope](core::Result<core::RedemptionOrderRecord> r) {
            if (scope != m_orderScope->currentData().toString()) {
                return; // another scope was chosen meanwhile
            }
            if (!r.ok()) {
                fail(r.error());
                return;
            }
            showOrder(*r);
            emit orderLoaded();
        });
}

void IdentityProvidersPane::showOrder(const core::RedemptionOrderRecord &r) {
    m_order = r;
    m_primary->clear();
    QList<core::PrimaryIdp> all = r.order.primary;
    for (core::PrimaryIdp p : {core::PrimaryIdp::azureActiveDirectory, core::PrimaryIdp::externalFederation,
                               core::PrimaryIdp::socialIdentityProviders}) {
        if (!all.contains(p)) {
            all.append(p);
        }
    }
    for (core::PrimaryIdp p : all) {
        auto *item = new QListWidgetItem(core::primaryIdpLabel(p), m_primary);
        item->setData(Qt::UserRole, core::toString(p));
        item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
        item->setCheckState(r.order.primary.contains(p) ? Qt::Checked : Qt::Unchecked);
    }
    m_fallback->setCurrentIndex(qMax(0, m_fallback->findData(core::toString(r.order.fallback))));
    m_orderStatus->setText(r.isDefault ? (r.partnerTenantId.isEmpty() ? tr("The built-in default order is in force.")
                                                                       : tr("This partner follows the default order."))
                                       : tr("Saved order."));
}

void IdentityProvidersPane::moveOrderItem(int delta) {
    const int row = m_primary->currentRow();
    const int to = row + delta;
    if (row < 0 || to < 0 || to >= m_primary->count()) {
        return;
    }
    QListWidgetItem *item = m_primary->takeItem(row);
    m_primary->insertItem(to, item);
    m_primary->setCurrentRow(to);
}

void IdentityProvidersPane::saveOrder() {
    if (!m_session) {
        return;
    }
    core::RedemptionOrder order;
    order.primary.clear();
    for (int i = 0; i < m_primary->count(); ++i) {
        const QListWidgetItem *item = m_primary->item(i);
        if (item->checkState() == Qt::Checked) {
            order.primary << *core::primaryIdpFromString(item->data(Qt::UserRole).toString());
        }
    }
    order.fallback = *core::fallbackIdpFromString(m_fallback->currentData().toString());
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const QString scope = m_orderScope->currentData().toString();
    const qint64 version = m_order.rowVersion;
    executor()->call<core::Result<core::RedemptionOrderRecord>>(
        this,
        [ctx, secrets, scope, order, version]() {
            return core::IdentityProviderService(ctx, secrets).setRedemptionOrder(scope, order, version);
        },
        [this](core::Result<core::RedemptionOrderRecord> r) {
            if (!r.ok()) {
                m_orderStatus->setText(r.error().message);
                emit errorOccurred(r.error());
                return;
            }
            showOrder(*r);
            emit orderSaved();
        });
}

void IdentityProvidersPane::resolveEmail() {
    if (!m_session || m_email->text().trimmed().isEmpty()) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const QString email = m_email->text().trimmed();
    executor()->call<core::Result<core::ResolvedIdp>>(
        this, [ctx, secrets, email]() { return core::IdentityProviderService(ctx, secrets).resolve(email); },
        [this, email](core::Result<core::ResolvedIdp> r) {
            m_trace->clear();
            if (!r.ok()) {
                m_resolveResult->setText(r.error().message);
                return;
            }
            m_resolveResult->setText(tr("%1 signs in with <b>%2</b>.").arg(email.toHtmlEscaped(), r->displayName.toHtmlEscaped()));
            m_resolveResult->setProperty("provider", r->provider);
            for (const auto &[step, finding] : r->trace) {
                auto *item = new QTreeWidgetItem(m_trace, {core::redemptionStepLabel(step), finding});
                item->setToolTip(1, finding);
            }
            m_trace->resizeColumnToContents(0);
            emit resolved();
        });
}

} // namespace atrium::ui
