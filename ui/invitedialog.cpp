#include "ui/invitedialog.h"

#include "core/invitations/invitationservice.h"
#include "core/services/groupservice.h"
#include "core/services/userservice.h"
#include "models/dbexecutor.h"
#include "ui/signinpreview.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QToolButton>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
template <typename W> W *named(W *w, const QString &name, const QString &accessible) {
    w->setObjectName(name);
    w->setAccessibleName(accessible);
    return w;
}

struct Pickers {
    QList<core::User> members;
    QList<core::DirectoryObject> groups;
    QList<core::DirectoryObject> apps;
};
} // namespace

InviteDialog::InviteDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent)
    : QDialog(parent), m_executor(executor), m_session(std::move(session)) {
    setObjectName(QStringLiteral("inviteDialog"));
    setWindowTitle(tr("Invite Guest"));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addRow = [this, form](const QString &label, QWidget *field, const QString &key) {
        auto *box = new QWidget(this);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(field);
        v->addWidget(addFieldError(key));
        form->addRow(label, box);
    };
    m_email = named(new QLineEdit(this), QStringLiteral("inviteEmail"), tr("Email address"));
    m_email->setPlaceholderText(tr("alice@contoso.com"));
    addRow(tr("&Email address:"), m_email, QStringLiteral("email"));
    m_signIn = new SignInPreview(executor, this);
    m_signIn->setObjectName(QStringLiteral("inviteSignInPreview"));
    m_signIn->setSession(m_session);
    form->addRow(QString(), m_signIn);
    connect(m_email, &QLineEdit::textChanged, m_signIn, &SignInPreview::setEmailDebounced);
    m_displayName = named(new QLineEdit(this), QStringLiteral("inviteDisplayName"), tr("Display name"));
    addRow(tr("&Display name:"), m_displayName, QStringLiteral("displayName"));
    m_redirectUrl = named(new QLineEdit(this), QStringLiteral("inviteRedirectUrl"), tr("Redirect URL"));
    // Required (SPEC §2); the placeholder must not look like a value that would be used.
    m_redirectUrl->setPlaceholderText(tr("Required, e.g. https://myapps.%1/")
                                          .arg(m_session ? m_session->directory.initialDomain
                                                         : QStringLiteral("example.com")));
    m_redirectUrl->setToolTip(tr("Where the guest lands after accepting the invitation."));
    addRow(tr("&Redirect URL:"), m_redirectUrl, QStringLiteral("redirectUrl"));
    m_message = named(new QPlainTextEdit(this), QStringLiteral("inviteMessage"), tr("Personal message"));
    m_message->setPlaceholderText(tr("Plain text, shown in the invitation email"));
    m_message->setMaximumHeight(80);
    addRow(tr("Personal &message:"), m_message, QStringLiteral("message"));
    m_cc = named(new QLineEdit(this), QStringLiteral("inviteCc"), tr("Cc recipient"));
    m_cc->setPlaceholderText(tr("One address, optional"));
    addRow(tr("&Cc:"), m_cc, QStringLiteral("cc"));
    m_language = named(new QComboBox(this), QStringLiteral("inviteLanguage"), tr("Message language"));
    m_language->addItem(tr("English"), QStringLiteral("en"));
    m_language->addItem(tr("German"), QStringLiteral("de"));
    addRow(tr("&Language:"), m_language, QStringLiteral("language"));
    m_userType = named(new QComboBox(this), QStringLiteral("inviteUserType"), tr("User type"));
    m_userType->addItem(tr("Guest"), int(core::UserType::Guest));
    m_userType->addItem(tr("Member"), int(core::UserType::Member));
    const bool admin = m_session && (m_session->op.roles.contains(core::Role::GlobalAdministrator) ||
                                     m_session->op.roles.contains(core::Role::UserAdministrator));
    if (!admin) {
        // SPEC §2: Member only for admins.
        if (auto *model = qobject_cast<QStandardItemModel *>(m_userType->model())) {
            model->item(1)->setEnabled(false);
        }
        m_userType->setToolTip(tr("Inviting as Member needs the role Global Administrator or User Administrator."));
    }
    addRow(tr("User &type:"), m_userType, QStringLiteral("userType"));
    m_sponsors = named(new QListWidget(this), QStringLiteral("inviteSponsors"), tr("Sponsors"));
    m_sponsors->setMaximumHeight(90);
    m_sponsors->setToolTip(tr("Up to 5 sponsors; none checked means you are the sponsor."));
    addRow(tr("&Sponsors:"), m_sponsors, QStringLiteral("sponsors"));
    m_targets = named(new QListWidget(this), QStringLiteral("inviteGroupsApps"), tr("Groups and applications"));
    m_targets->setMaximumHeight(90);
    addRow(tr("&Groups and apps:"), m_targets, QStringLiteral("groups"));
    m_sendEmail = named(new QCheckBox(tr("Send invitation email"), this), QStringLiteral("inviteSendEmail"),
                        tr("Send invitation email"));
    m_sendEmail->setToolTip(tr("Off: copy the redemption link and send it yourself."));
    form->addRow(QString(), m_sendEmail);

    m_generalError = new QLabel(this);
    m_generalError->setObjectName(QStringLiteral("inviteError"));
    m_generalError->setWordWrap(true);
    m_generalError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_generalError->hide();
    m_whyButton = named(new QToolButton(this), QStringLiteral("whyButton"), tr("Why?"));
    m_whyButton->setText(tr("Why?"));
    m_whyButton->setCheckable(true);
    m_whyButton->setArrowType(Qt::RightArrow);
    m_whyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_whyButton->hide();
    m_why = named(new QPlainTextEdit(this), QStringLiteral("whyText"), tr("Why the invitation was refused"));
    m_why->setReadOnly(true);
    m_why->setMaximumHeight(110);
    m_why->hide();
    connect(m_whyButton, &QToolButton::toggled, this, [this](bool on) {
        m_why->setVisible(on);
        m_whyButton->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });

    m_successPanel = new QWidget(this);
    m_successPanel->setObjectName(QStringLiteral("inviteSuccess"));
    auto *success = new QHBoxLayout(m_successPanel);
    success->setContentsMargins(0, 0, 0, 0);
    auto *successLabel = new QLabel(tr("Invited. Redemption link:"), m_successPanel);
    m_redeemUrl = named(new QLineEdit(m_successPanel), QStringLiteral("redeemUrl"), tr("Redemption link"));
    m_redeemUrl->setReadOnly(true);
    m_copy = named(new QPushButton(tr("Copy"), m_successPanel), QStringLiteral("copyRedeemUrl"),
                   tr("Copy the redemption link"));
    success->addWidget(successLabel);
    success->addWidget(m_redeemUrl, 1);
    success->addWidget(m_copy);
    m_successPanel->hide();
    connect(m_copy, &QPushButton::clicked, this, [this] { QGuiApplication::clipboard()->setText(m_redeemUrl->text()); });

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_buttons->setObjectName(QStringLiteral("inviteButtons"));
    m_invite = named(m_buttons->addButton(tr("&Invite"), QDialogButtonBox::AcceptRole), QStringLiteral("inviteButton"),
                     tr("Invite"));
    m_buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    m_invite->setDefault(true);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &InviteDialog::submit);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_generalError);
    layout->addWidget(m_whyButton, 0, Qt::AlignLeft);
    layout->addWidget(m_why);
    layout->addWidget(m_successPanel);
    layout->addWidget(m_buttons);
    resize(620, sizeHint().height());
    loadPickers();
}

QLabel *InviteDialog::addFieldError(const QString &field) {
    auto *l = new QLabel(this);
    l->setObjectName(field + QStringLiteral("Error"));
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #b00020;"));
    l->hide();
    m_fieldErrors.insert(field, l);
    return l;
}

QString InviteDialog::redemptionUrl() const {
    return m_redeemUrl->text();
}

void InviteDialog::loadPickers() {
    if (!m_session || !m_executor) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    m_executor->call<core::Result<Pickers>>(
        this,
        [ctx]() -> core::Result<Pickers> {
            Pickers p;
            core::UserQuery q;
            q.userType = core::UserType::Member;
            q.limit = 500;
            auto members = core::UserService(ctx).list(q);
            if (!members.ok()) {
                return members.error();
            }
            p.members = *members;
            core::GroupService groups(ctx);
            auto g = groups.groups();
            auto a = groups.applications();
            if (g.ok()) {
                p.groups = *g;
            }
            if (a.ok()) {
                p.apps = *a;
            }
            return p;
        },
        [this](const core::Result<Pickers> &r) {
            if (!r.ok()) {
                return; // the pickers stay empty; inviting still works with the defaults
            }
            for (const core::User &u : r->members) {
                auto *item = new QListWidgetItem(tr("%1 (%2)").arg(u.displayName, u.userPrincipalName), m_sponsors);
                item->setData(Qt::UserRole, u.id);
                item->setCheckState(Qt::Unchecked);
            }
            for (const core::DirectoryObject &o : r->groups) {
                auto *item = new QListWidgetItem(tr("Group: %1").arg(o.displayName), m_targets);
                item->setData(Qt::UserRole, o.id);
                item->setData(Qt::UserRole + 1, QStringLiteral("group"));
                item->setCheckState(Qt::Unchecked);
            }
            for (const core::DirectoryObject &o : r->apps) {
                auto *item = new QListWidgetItem(tr("Application: %1").arg(o.displayName), m_targets);
                item->setData(Qt::UserRole, o.id);
                item->setData(Qt::UserRole + 1, QStringLiteral("application"));
                item->setCheckState(Qt::Unchecked);
            }
        });
}

void InviteDialog::clearErrors() {
    for (QLabel *l : std::as_const(m_fieldErrors)) {
        l->clear();
        l->hide();
    }
    m_generalError->hide();
    m_generalError->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_whyButton->hide();
    m_whyButton->setChecked(false);
    m_why->hide();
}

void InviteDialog::showError(const core::Error &error) {
    QLabel *target = m_fieldErrors.value(error.field == QLatin1String("apps") ? QStringLiteral("groups") : error.field);
    if (!target) {
        target = m_generalError;
    }
    target->setText(error.message);
    target->show();
    if (!error.why.isEmpty()) {
        m_why->setPlainText(error.why.join(QLatin1Char('\n')));
        m_whyButton->show();
    }
    if (error.field == QLatin1String("email")) {
        m_email->setFocus();
    }
    emit failed(error);
}

void InviteDialog::submit() {
    if (!m_session || !m_executor) {
        return;
    }
    clearErrors();
    core::GuestInvite g;
    g.email = m_email->text().trimmed();
    g.displayName = m_displayName->text().trimmed();
    g.redirectUrl = m_redirectUrl->text().trimmed();
    g.message = m_message->toPlainText();
    g.cc = m_cc->text().trimmed();
    g.language = m_language->currentData().toString();
    g.userType = core::UserType(m_userType->currentData().toInt());
    g.sendEmail = m_sendEmail->isChecked();
    for (int i = 0; i < m_sponsors->count(); ++i) {
        if (m_sponsors->item(i)->checkState() == Qt::Checked) {
            g.sponsorIds << m_sponsors->item(i)->data(Qt::UserRole).toString();
        }
    }
    for (int i = 0; i < m_targets->count(); ++i) {
        const QListWidgetItem *item = m_targets->item(i);
        if (item->checkState() == Qt::Checked) {
            (item->data(Qt::UserRole + 1).toString() == QLatin1String("group") ? g.groupIds : g.appIds)
                << item->data(Qt::UserRole).toString();
        }
    }
    m_invite->setEnabled(false);
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    m_executor->call<core::Result<core::InvitationResult>>(
        this, [ctx, secrets, g] { return core::InvitationService(ctx, secrets).invite(g); },
        [this](const core::Result<core::InvitationResult> &r) {
            m_invite->setEnabled(true);
            if (!r.ok()) {
                showError(r.error());
                return;
            }
            showSuccess(*r);
        });
}

void InviteDialog::showSuccess(const core::InvitationResult &result) {
    m_redeemUrl->setText(result.redeemUrl);
    m_redeemUrl->setCursorPosition(0);
    m_successPanel->show();
    m_generalError->setText(result.emailQueued ? tr("The invitation email is queued.")
                            : result.emailSuppressedUnsubscribed
                                ? tr("No email was sent: the address has unsubscribed from invitations.")
                                : tr("No email was sent; copy the link and send it yourself."));
    m_generalError->setStyleSheet({});
    m_generalError->show();
    emit invited(result.invitedUser.id);
}

} // namespace atrium::ui
