#include "ui/whatifdialog.h"

#include "core/crosstenant/crosstenantservice.h"
#include "core/invitations/invitationservice.h"
#include "models/dbexecutor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
template <typename W> W *named(W *w, const char *objectName) {
    w->setObjectName(QString::fromLatin1(objectName));
    return w;
}
QString valueText(const QJsonValue &v) {
    if (v.isString()) {
        return v.toString();
    }
    if (v.isBool()) {
        return v.toBool() ? WhatIfDialog::tr("yes") : WhatIfDialog::tr("no");
    }
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        // A target list reads as "blocked: AllUsers"; anything else as compact JSON.
        if (o.contains(QStringLiteral("accessType")) && o.value(QStringLiteral("targets")).isArray()) {
            QStringList targets;
            for (const QJsonValue &t : o.value(QStringLiteral("targets")).toArray()) {
                const QJsonObject to = t.toObject();
                const QString type = to.value(QStringLiteral("targetType")).toString();
                targets << (type == QLatin1String("group") ? QStringLiteral("group:") : QString()) +
                               to.value(QStringLiteral("target")).toString();
            }
            return o.value(QStringLiteral("accessType")).toString() + QStringLiteral(": ") + targets.join(QStringLiteral(", "));
        }
        return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
    if (v.isArray()) {
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    }
    return {};
}
QString mfaText(const QString &m) {
    if (m == QLatin1String("requiredHere")) {
        return WhatIfDialog::tr("required, at our side");
    }
    if (m == QLatin1String("satisfiedByPartner")) {
        return WhatIfDialog::tr("satisfied by the partner's MFA (trusted)");
    }
    return WhatIfDialog::tr("not required");
}
} // namespace

WhatIfDialog::WhatIfDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent)
    : QDialog(parent), m_executor(executor), m_session(std::move(session)) {
    setObjectName(QStringLiteral("whatIfDialog"));
    setWindowTitle(tr("What If"));
    resize(1000, 720);
    auto *layout = new QVBoxLayout(this);
    auto *tabs = named(new QTabWidget(this), "whatIfTabs");
    layout->addWidget(tabs, 1);

    // --- Access
    auto *access = new QWidget(tabs);
    auto *av = new QVBoxLayout(access);
    auto *inputs = new QHBoxLayout;
    auto *left = new QFormLayout;
    auto *right = new QFormLayout;
    m_direction = named(new QComboBox(access), "whatIfDirection");
    m_direction->addItem(tr("Inbound: their user signs in to our application"), int(core::AccessDirection::inbound));
    m_direction->addItem(tr("Outbound: our user goes to their application"), int(core::AccessDirection::outbound));
    left->addRow(tr("Direction:"), m_direction);
    m_kind = named(new QComboBox(access), "whatIfKind");
    m_kind->addItem(tr("B2B collaboration"), int(core::CollaborationKind::b2bCollaboration));
    m_kind->addItem(tr("B2B direct connect"), int(core::CollaborationKind::b2bDirectConnect));
    left->addRow(tr("Kind:"), m_kind);
    m_tenant = named(new QLineEdit(access), "whatIfTenant");
    m_tenant->setPlaceholderText(tr("The other organization's tenant ID"));
    left->addRow(tr("Organization:"), m_tenant);
    m_cloud = named(new QComboBox(access), "whatIfCloud");
    m_cloud->addItem(tr("Microsoft Azure Commercial"), int(core::Cloud::global));
    m_cloud->addItem(tr("Microsoft Azure Government"), int(core::Cloud::usgov));
    m_cloud->addItem(tr("Microsoft Azure China"), int(core::Cloud::china));
    m_cloud->setToolTip(tr("The organization's cloud when it is not a partner."));
    left->addRow(tr("Its cloud:"), m_cloud);
    m_user = named(new QLineEdit(access), "whatIfUser");
    m_user->setPlaceholderText(tr("Object id (optional)"));
    left->addRow(tr("User:"), m_user);
    m_userType = named(new QComboBox(access), "whatIfUserType");
    for (core::ExternalUserType t : core::allExternalUserTypes()) {
        m_userType->addItem(core::toString(t), int(t));
    }
    m_userType->setCurrentIndex(int(core::ExternalUserType::b2bCollaborationGuest));
    left->addRow(tr("User type:"), m_userType);
    m_groups = named(new QLineEdit(access), "whatIfGroups");
    m_groups->setPlaceholderText(tr("Group ids (optional)"));
    right->addRow(tr("Groups:"), m_groups);
    m_app = named(new QLineEdit(access), "whatIfApp");
    m_app->setPlaceholderText(tr("Application id"));
    right->addRow(tr("Application:"), m_app);
    m_fromPartner = named(new QCheckBox(tr("Signed in at the organization's own directory"), access), "whatIfFromPartner");
    m_fromPartner->setChecked(true);
    m_mfaClaim = named(new QCheckBox(tr("The sign-in carries its MFA claim"), access), "whatIfMfaClaim");
    m_compliantClaim = named(new QCheckBox(tr("…a compliant device claim"), access), "whatIfCompliantClaim");
    m_hybridClaim = named(new QCheckBox(tr("…a hybrid joined device claim"), access), "whatIfHybridClaim");
    m_otherSide = named(new QCheckBox(tr("The other organization allows automatic redemption"), access), "whatIfOtherSide");
    for (QCheckBox *c : {m_fromPartner, m_mfaClaim, m_compliantClaim, m_hybridClaim, m_otherSide}) {
        right->addRow(QString(), c);
    }
    inputs->addLayout(left, 1);
    inputs->addLayout(right, 1);
    av->addLayout(inputs);
    auto *go = new QHBoxLayout;
    go->addStretch(1);
    m_evaluate = named(new QPushButton(tr("What If"), access), "whatIfEvaluate");
    m_evaluate->setDefault(true);
    go->addWidget(m_evaluate);
    av->addLayout(go);
    m_decision = named(new QLabel(access), "whatIfDecision");
    m_decision->setWordWrap(true);
    m_decision->setTextInteractionFlags(Qt::TextSelectableByMouse);
    av->addWidget(m_decision);
    m_settings = named(new QTreeWidget(access), "whatIfSettings");
    m_settings->setRootIsDecorated(false);
    m_settings->setHeaderLabels({tr("Setting"), tr("Value"), tr("Where it comes from"), tr("Result")});
    m_settings->setColumnWidth(0, 300);
    m_settings->setColumnWidth(1, 330);
    m_settings->setColumnWidth(2, 170);
    av->addWidget(m_settings, 2);
    av->addWidget(new QLabel(tr("Conditional access policies that applied:"), access));
    m_policies = named(new QTreeWidget(access), "whatIfPolicies");
    m_policies->setRootIsDecorated(false);
    m_policies->setHeaderLabels({tr("Policy"), tr("State"), tr("Enforced"), tr("Grant")});
    m_policies->setColumnWidth(0, 300);
    av->addWidget(m_policies, 1);
    tabs->addTab(access, tr("Sign-in and Access"));

    // --- Invite
    auto *invite = new QWidget(tabs);
    auto *iv = new QVBoxLayout(invite);
    auto *row = new QHBoxLayout;
    m_email = named(new QLineEdit(invite), "whatIfEmail");
    m_email->setPlaceholderText(tr("someone@partner.example"));
    row->addWidget(new QLabel(tr("What if I invite:"), invite));
    row->addWidget(m_email, 1);
    m_evaluateInvite = named(new QPushButton(tr("What If"), invite), "whatIfEvaluateInvite");
    row->addWidget(m_evaluateInvite);
    iv->addLayout(row);
    m_inviteDecision = named(new QLabel(invite), "whatIfInviteDecision");
    m_inviteDecision->setWordWrap(true);
    iv->addWidget(m_inviteDecision);
    m_inviteTrace = named(new QTreeWidget(invite), "whatIfInviteTrace");
    m_inviteTrace->setRootIsDecorated(false);
    m_inviteTrace->setHeaderLabels({tr("Rule"), tr("Input"), tr("Verdict"), tr("Result")});
    m_inviteTrace->setColumnWidth(0, 150);
    m_inviteTrace->setColumnWidth(1, 380);
    m_inviteTrace->setColumnWidth(2, 300);
    iv->addWidget(m_inviteTrace, 1);
    tabs->addTab(invite, tr("Invitation"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_evaluate, &QPushButton::clicked, this, &WhatIfDialog::evaluate);
    connect(m_evaluateInvite, &QPushButton::clicked, this, &WhatIfDialog::evaluateInvite);
    connect(m_email, &QLineEdit::returnPressed, this, &WhatIfDialog::evaluateInvite);
}

WhatIfDialog::~WhatIfDialog() = default;

core::AccessRequest WhatIfDialog::request() const {
    core::AccessRequest r;
    r.direction = core::AccessDirection(m_direction->currentData().toInt());
    r.kind = core::CollaborationKind(m_kind->currentData().toInt());
    const QString tenant = core::normalizeTenantId(m_tenant->text());
    r.homeTenantId = tenant.isEmpty() ? m_tenant->text().trimmed() : tenant;
    r.homeCloud = core::Cloud(m_cloud->currentData().toInt());
    r.userId = m_user->text().trimmed();
    r.userType = core::ExternalUserType(m_userType->currentData().toInt());
    r.groupIds = m_groups->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    r.applicationId = m_app->text().trimmed();
    r.fromPartnerDirectory = m_fromPartner->isChecked();
    r.mfaClaim = m_mfaClaim->isChecked();
    r.compliantDeviceClaim = m_compliantClaim->isChecked();
    r.hybridJoinedDeviceClaim = m_hybridClaim->isChecked();
    r.otherSideAllowsAutomaticRedemption = m_otherSide->isChecked();
    return r;
}

void WhatIfDialog::evaluate() {
    if (!m_session) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const core::AccessRequest r = request();
    m_evaluate->setEnabled(false);
    m_executor->call<core::Result<QJsonObject>>(
        this, [ctx, r] { return core::CrossTenantService(ctx).whatIf(r); },
        [this](const core::Result<QJsonObject> &a) {
            m_evaluate->setEnabled(true);
            if (!a.ok()) {
                m_decision->setText(a.error().message.toHtmlEscaped());
                return;
            }
            showAnswer(*a);
            emit answered();
        });
}

void WhatIfDialog::showAnswer(const QJsonObject &a) {
    m_answer = a;
    const bool allowed = a.value(QStringLiteral("allowed")).toBool();
    const QJsonObject partner = a.value(QStringLiteral("partner")).toObject();
    const QString who = partner.isEmpty() ? tr("no partner: the default settings apply")
                                          : tr("partner %1").arg(partner.value(QStringLiteral("name")).toString());
    m_decision->setText(
        tr("<p><b style=\"color:%1\">%2</b> — %3</p><p>%4<br>Consent prompt: <b>%5</b> · MFA: <b>%6</b>%7</p>")
            .arg(allowed ? QStringLiteral("#1b5e20") : QStringLiteral("#b00020"), allowed ? tr("Allowed") : tr("Blocked"),
                 who.toHtmlEscaped(), a.value(QStringLiteral("reason")).toString().toHtmlEscaped(),
                 a.value(QStringLiteral("consentPrompt")).toString() == QLatin1String("shown") ? tr("shown") : tr("suppressed"),
                 mfaText(a.value(QStringLiteral("mfa")).toString()),
                 a.value(QStringLiteral("termsOfUseRequired")).toBool() ? tr(" · Terms of use: <b>required</b>") : QString()));
    m_settings->clear();
    for (const QJsonValue &v : a.value(QStringLiteral("settings")).toArray()) {
        const QJsonObject s = v.toObject();
        auto *item = new QTreeWidgetItem(m_settings, {s.value(QStringLiteral("property")).toString(),
                                                      valueText(s.value(QStringLiteral("value"))),
                                                      s.value(QStringLiteral("provenanceLabel")).toString(),
                                                      s.value(QStringLiteral("passed")).toBool() ? tr("passed") : tr("did not pass")});
        item->setData(2, Qt::UserRole, s.value(QStringLiteral("provenance")).toString());
        item->setToolTip(0, s.value(QStringLiteral("explanation")).toString());
        item->setToolTip(1, valueText(s.value(QStringLiteral("value"))));
    }
    m_policies->clear();
    const QJsonArray policies = a.value(QStringLiteral("conditionalAccess")).toArray();
    for (const QJsonValue &v : policies) {
        const QJsonObject p = v.toObject();
        QStringList grant;
        for (const QJsonValue &g : p.value(QStringLiteral("grant")).toArray()) {
            grant << g.toString();
        }
        new QTreeWidgetItem(m_policies, {p.value(QStringLiteral("displayName")).toString(), p.value(QStringLiteral("state")).toString(),
                                         p.value(QStringLiteral("enforced")).toBool() ? tr("yes") : tr("no (report-only)"),
                                         grant.join(QStringLiteral(", "))});
    }
    if (policies.isEmpty()) {
        new QTreeWidgetItem(m_policies, {tr("(none applied)")});
    }
}

void WhatIfDialog::evaluateInvite() {
    if (!m_session || m_email->text().trimmed().isEmpty()) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const core::Operator op = m_session->op;
    const QString email = m_email->text().trimmed();
    m_evaluateInvite->setEnabled(false);
    m_executor->call<core::Result<core::PolicyDecision>>(
        this, [ctx, secrets, op, email] { return core::InvitationService(ctx, secrets).whatIfInvite(email, op); },
        [this](const core::Result<core::PolicyDecision> &d) {
            m_evaluateInvite->setEnabled(true);
            m_inviteTrace->clear();
            if (!d.ok()) {
                m_inviteDecision->setText(d.error().message.toHtmlEscaped());
                return;
            }
            m_inviteDecision->setText(tr("<b style=\"color:%1\">%2</b> — %3")
                                          .arg(d->allowed ? QStringLiteral("#1b5e20") : QStringLiteral("#b00020"),
                                               d->allowed ? tr("Would be invited") : tr("Would be refused"),
                                               d->reason.toHtmlEscaped()));
            for (const core::TraceStep &s : d->trace) {
                auto *item = new QTreeWidgetItem(m_inviteTrace, {s.rule, s.input, s.verdict,
                                                                 s.passed ? tr("passed") : tr("refused")});
                if (s.decisive) {
                    QFont f = item->font(0);
                    f.setBold(true);
                    for (int c = 0; c < 4; ++c) {
                        item->setFont(c, f);
                    }
                }
            }
            emit inviteAnswered();
        });
}

} // namespace atrium::ui
