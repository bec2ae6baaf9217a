#include "ui/myappsgroupsdialog.h"

#include "core/invitations/invitationservice.h"
#include "core/services/groupservice.h"
#include "core/services/userservice.h"
#include "models/dbexecutor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
template <typename W> W *named(W *w, const QString &name, const QString &accessible) {
    w->setObjectName(name);
    w->setAccessibleName(accessible);
    return w;
}

constexpr int IdRole = Qt::UserRole;
constexpr int KindRole = Qt::UserRole + 1;
constexpr int NameRole = Qt::UserRole + 2;

struct Owned {
    QList<core::DirectoryObject> objects;
    QList<core::User> guests;
};

const QString kErrorStyle = QStringLiteral("color: #b00020;");
} // namespace

MyAppsGroupsDialog::MyAppsGroupsDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent)
    : QDialog(parent), m_executor(executor), m_session(std::move(session)) {
    setObjectName(QStringLiteral("myAppsGroupsDialog"));
    setWindowTitle(tr("My Apps and Groups"));

    auto *intro = new QLabel(tr("Groups and applications you own. Add guests to them: invite someone new or add "
                                "a guest who is already in the directory. The directory's collaboration policy "
                                "applies as for every invitation."),
                             this);
    intro->setWordWrap(true);

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("ownedStack"));
    m_emptyState = named(new QLabel(m_stack), QStringLiteral("ownedEmptyState"), tr("Nothing owned"));
    m_emptyState->setWordWrap(true);
    m_emptyState->setAlignment(Qt::AlignCenter);
    m_emptyState->setMargin(16);
    m_emptyState->setText(tr("Loading…"));

    auto *content = new QWidget(m_stack);
    auto *contentLayout = new QHBoxLayout(content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    m_owned = named(new QListWidget(content), QStringLiteral("ownedList"), tr("Groups and applications you own"));
    m_owned->setSelectionMode(QAbstractItemView::SingleSelection);
    m_owned->setUniformItemSizes(true);
    m_owned->setMinimumWidth(fontMetrics().averageCharWidth() * 32);
    contentLayout->addWidget(m_owned, 2);

    auto *right = new QVBoxLayout;
    // --- Invite a new guest to the selected object
    m_inviteBox = named(new QGroupBox(content), QStringLiteral("ownerInviteBox"), tr("Invite a guest"));
    auto *inviteForm = new QFormLayout(m_inviteBox);
    inviteForm->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto addRow = [this, inviteForm](const QString &label, QWidget *field, const QString &key) {
        auto *box = new QWidget(m_inviteBox);
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(field);
        v->addWidget(addFieldError(key));
        inviteForm->addRow(label, box);
    };
    m_email = named(new QLineEdit(m_inviteBox), QStringLiteral("ownerInviteEmail"), tr("Email address"));
    m_email->setPlaceholderText(tr("alice@contoso.com"));
    addRow(tr("&Email address:"), m_email, QStringLiteral("email"));
    m_redirectUrl = named(new QLineEdit(m_inviteBox), QStringLiteral("ownerInviteRedirectUrl"), tr("Redirect URL"));
    m_redirectUrl->setPlaceholderText(tr("Required, e.g. https://myapps.%1/")
                                          .arg(m_session ? m_session->directory.initialDomain
                                                         : QStringLiteral("example.com")));
    m_redirectUrl->setToolTip(tr("Where the guest lands after accepting the invitation."));
    addRow(tr("&Redirect URL:"), m_redirectUrl, QStringLiteral("redirectUrl"));
    m_displayName = named(new QLineEdit(m_inviteBox), QStringLiteral("ownerInviteDisplayName"), tr("Display name"));
    m_displayName->setPlaceholderText(tr("Optional"));
    addRow(tr("&Display name:"), m_displayName, QStringLiteral("displayName"));
    m_inviteStatus = named(new QLabel(m_inviteBox), QStringLiteral("ownerInviteStatus"), tr("Invitation result"));
    m_inviteStatus->setWordWrap(true);
    m_inviteStatus->hide();
    inviteForm->addRow(m_inviteStatus);
    m_whyButton = named(new QToolButton(m_inviteBox), QStringLiteral("ownerWhyButton"), tr("Why?"));
    m_whyButton->setText(tr("Why?"));
    m_whyButton->setCheckable(true);
    m_whyButton->setArrowType(Qt::RightArrow);
    m_whyButton->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_whyButton->hide();
    inviteForm->addRow(m_whyButton);
    m_why = named(new QPlainTextEdit(m_inviteBox), QStringLiteral("ownerWhyText"), tr("Why the invitation was refused"));
    m_why->setReadOnly(true);
    m_why->setMaximumHeight(110);
    m_why->hide();
    inviteForm->addRow(m_why);
    connect(m_whyButton, &QToolButton::toggled, this, [this](bool on) {
        m_why->setVisible(on);
        m_whyButton->setArrowType(on ? Qt::DownArrow : Qt::RightArrow);
    });
    m_redeemUrl = named(new QLineEdit(m_inviteBox), QStringLiteral("ownerRedeemUrl"), tr("Redemption link"));
    m_redeemUrl->setReadOnly(true);
    m_redeemUrl->hide();
    inviteForm->addRow(m_redeemUrl);
    m_inviteButton = named(new QPushButton(tr("&Invite"), m_inviteBox), QStringLiteral("ownerInviteButton"), tr("Invite"));
    // Enter in the invitation fields invites; the guest picker's Add is clicked on purpose.
    m_inviteButton->setDefault(true);
    inviteForm->addRow(QString(), m_inviteButton);
    right->addWidget(m_inviteBox);

    // --- Add a guest who is already in the directory
    m_addBox = named(new QGroupBox(content), QStringLiteral("ownerAddBox"), tr("Add an existing guest"));
    auto *addLayout = new QVBoxLayout(m_addBox);
    auto *addRowLayout = new QHBoxLayout;
    m_guests = named(new QComboBox(m_addBox), QStringLiteral("guestPicker"), tr("Guest"));
    m_guests->setEditable(true); // type to find a guest in a long list
    m_guests->setInsertPolicy(QComboBox::NoInsert);
    m_guests->setMinimumContentsLength(30);
    m_addButton = named(new QPushButton(tr("&Add"), m_addBox), QStringLiteral("addGuestButton"),
                        tr("Add the guest"));
    m_addButton->setAutoDefault(false);
    addRowLayout->addWidget(m_guests, 1);
    addRowLayout->addWidget(m_addButton);
    addLayout->addLayout(addRowLayout);
    m_addStatus = named(new QLabel(m_addBox), QStringLiteral("addGuestStatus"), tr("Result of adding the guest"));
    m_addStatus->setWordWrap(true);
    m_addStatus->hide();
    addLayout->addWidget(m_addStatus);
    right->addWidget(m_addBox);
    right->addStretch(1);
    contentLayout->addLayout(right, 3);

    m_stack->addWidget(m_emptyState);
    m_stack->addWidget(content);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("myAppsGroupsButtons"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_stack, 1);
    layout->addWidget(buttons);

    connect(m_owned, &QListWidget::currentRowChanged, this, &MyAppsGroupsDialog::selectionChanged);
    connect(m_inviteButton, &QPushButton::clicked, this, &MyAppsGroupsDialog::invite);
    connect(m_addButton, &QPushButton::clicked, this, &MyAppsGroupsDialog::addExisting);
    connect(m_guests, &QComboBox::currentIndexChanged, this, &MyAppsGroupsDialog::selectionChanged);

    resize(860, 520);
    selectionChanged();
    reload();
}

QLabel *MyAppsGroupsDialog::addFieldError(const QString &field) {
    auto *l = new QLabel(this);
    l->setObjectName(field + QStringLiteral("Error"));
    l->setWordWrap(true);
    l->setStyleSheet(kErrorStyle);
    l->hide();
    m_fieldErrors.insert(field, l);
    return l;
}

void MyAppsGroupsDialog::reload() {
    if (!m_session || !m_executor) {
        m_emptyState->setText(tr("No directory is open."));
        m_stack->setCurrentWidget(m_emptyState);
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    const QString userId = m_session->op.userId;
    const quint64 request = ++m_loadRequest;
    m_executor->call<core::Result<Owned>>(
        this,
        [ctx, userId]() -> core::Result<Owned> {
            Owned o;
            auto owned = core::GroupService(ctx).ownedBy(userId);
            if (!owned.ok()) {
                return owned.error();
            }
            o.objects = *owned;
            if (o.objects.isEmpty()) {
                return o; // nothing to add guests to: no need to read them
            }
            core::UserQuery q;
            q.userType = core::UserType::Guest;
            auto guests = core::UserService(ctx).list(q);
            if (!guests.ok()) {
                return guests.error();
            }
            o.guests = *guests;
            return o;
        },
        [this, request](const core::Result<Owned> &r) {
            if (request != m_loadRequest) {
                return; // a newer reload is on its way
            }
            if (!r.ok()) {
                m_emptyState->setText(tr("Could not read what you own: %1").arg(r.error().message));
                m_stack->setCurrentWidget(m_emptyState);
                emit failed(r.error());
                emit loaded();
                return;
            }
            const QString keep = selectedObjectId();
            const QString keepGuest = m_guests->currentData().toString();
            m_owned->clear();
            for (const core::DirectoryObject &o : r->objects) {
                const bool group = o.kind == QLatin1String("group");
                auto *item = new QListWidgetItem(
                    (group ? tr("Group: %1 (%n member(s))", nullptr, o.memberCount)
                           : tr("Application: %1 (%n assigned)", nullptr, o.memberCount))
                        .arg(o.displayName),
                    m_owned);
                item->setData(IdRole, o.id);
                item->setData(KindRole, o.kind);
                item->setData(NameRole, o.displayName);
            }
            m_guests->clear();
            for (const core::User &u : r->guests) {
                m_guests->addItem(tr("%1 <%2>").arg(u.displayName, u.mail.isEmpty() ? u.userPrincipalName : u.mail),
                                  u.id);
            }
            if (r->objects.isEmpty()) {
                m_emptyState->setText(tr("You do not own any group or application in this directory.\n\n"
                                         "Group and application owners can add guests to what they own here. "
                                         "Ask an administrator to make you an owner."));
                m_stack->setCurrentWidget(m_emptyState);
            } else {
                m_stack->setCurrentIndex(1);
                if (keep.isEmpty() || !selectObject(keep)) {
                    m_owned->setCurrentRow(0);
                }
                const int g = m_guests->findData(keepGuest);
                m_guests->setCurrentIndex(g >= 0 ? g : (m_guests->count() > 0 ? 0 : -1));
            }
            selectionChanged();
            emit loaded();
        });
}

QString MyAppsGroupsDialog::selectedObjectId() const {
    const QListWidgetItem *item = m_owned->currentItem();
    return item ? item->data(IdRole).toString() : QString();
}

QString MyAppsGroupsDialog::selectedName() const {
    const QListWidgetItem *item = m_owned->currentItem();
    return item ? item->data(NameRole).toString() : QString();
}

QString MyAppsGroupsDialog::selectedKind() const {
    const QListWidgetItem *item = m_owned->currentItem();
    return item ? item->data(KindRole).toString() : QString();
}

bool MyAppsGroupsDialog::selectObject(const QString &objectId) {
    for (int i = 0; i < m_owned->count(); ++i) {
        if (m_owned->item(i)->data(IdRole).toString() == objectId) {
            m_owned->setCurrentRow(i);
            return true;
        }
    }
    return false;
}

void MyAppsGroupsDialog::selectionChanged() {
    const bool selected = m_owned->currentItem() != nullptr;
    const QString name = selectedName();
    m_inviteBox->setTitle(selected ? tr("Invite a guest to %1").arg(name) : tr("Invite a guest"));
    m_addBox->setTitle(selected ? tr("Add an existing guest to %1").arg(name) : tr("Add an existing guest"));
    m_inviteBox->setEnabled(selected);
    m_addBox->setEnabled(selected);
    m_addButton->setEnabled(selected && m_guests->currentIndex() >= 0);
    m_addButton->setToolTip(m_guests->count() == 0 ? tr("There are no guests in the directory yet; invite one.")
                                                   : QString());
}

void MyAppsGroupsDialog::clearErrors() {
    for (QLabel *l : std::as_const(m_fieldErrors)) {
        l->clear();
        l->hide();
    }
    m_inviteStatus->hide();
    m_inviteStatus->setStyleSheet({});
    m_whyButton->hide();
    m_whyButton->setChecked(false);
    m_why->hide();
    m_redeemUrl->hide();
}

void MyAppsGroupsDialog::showInviteError(const core::Error &error) {
    QLabel *target = m_fieldErrors.value(error.field);
    if (!target) {
        target = m_inviteStatus;
        target->setStyleSheet(kErrorStyle);
    }
    target->setText(error.message);
    target->show();
    if (!error.why.isEmpty()) {
        m_why->setPlainText(error.why.join(QLatin1Char('\n')));
        m_whyButton->show();
    }
    if (error.field == QLatin1String("email")) {
        m_email->setFocus();
    } else if (error.field == QLatin1String("redirectUrl")) {
        m_redirectUrl->setFocus();
    }
    emit failed(error);
}

void MyAppsGroupsDialog::invite() {
    const QString objectId = selectedObjectId();
    if (!m_session || !m_executor || objectId.isEmpty() || !m_inviteButton->isEnabled()) {
        return;
    }
    clearErrors();
    core::GuestInvite g;
    g.email = m_email->text().trimmed();
    g.redirectUrl = m_redirectUrl->text().trimmed();
    g.displayName = m_displayName->text().trimmed();
    // Only the selected object: an owner's invitation carries nothing else.
    (selectedKind() == QLatin1String("group") ? g.groupIds : g.appIds) << objectId;
    m_inviteButton->setEnabled(false);
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const QString name = selectedName();
    m_executor->call<core::Result<core::InvitationResult>>(
        this, [ctx, secrets, g] { return core::InvitationService(ctx, secrets).invite(g); },
        [this, objectId, name](const core::Result<core::InvitationResult> &r) {
            m_inviteButton->setEnabled(true);
            if (!r.ok()) {
                showInviteError(r.error());
                return;
            }
            m_inviteStatus->setText(tr("Invited %1 to %2. Send them the redemption link:")
                                        .arg(r->invitedUser.mail.isEmpty() ? r->invitedUser.displayName
                                                                           : r->invitedUser.mail,
                                             name));
            m_inviteStatus->show();
            m_redeemUrl->setText(r->redeemUrl);
            m_redeemUrl->setCursorPosition(0);
            m_redeemUrl->show();
            m_email->clear();
            m_displayName->clear();
            emit invited(r->invitedUser.id, objectId);
            reload();
        });
}

void MyAppsGroupsDialog::addExisting() {
    const QString objectId = selectedObjectId();
    const QString userId = m_guests->currentData().toString();
    if (!m_session || !m_executor || objectId.isEmpty() || userId.isEmpty()) {
        return;
    }
    m_addStatus->hide();
    m_addButton->setEnabled(false);
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const QString guestName = m_guests->currentText();
    const QString name = selectedName();
    m_executor->call<core::Status>(
        this, [ctx, secrets, userId, objectId] { return core::InvitationService(ctx, secrets).addToGroupOrApp(userId, objectId); },
        [this, userId, objectId, guestName, name](const core::Status &s) {
            m_addButton->setEnabled(true);
            if (!s.ok()) {
                m_addStatus->setStyleSheet(kErrorStyle);
                m_addStatus->setText(s.error().message);
                m_addStatus->show();
                emit failed(s.error());
                return;
            }
            m_addStatus->setStyleSheet({});
            m_addStatus->setText(tr("Added %1 to %2.").arg(guestName, name));
            m_addStatus->show();
            emit guestAdded(userId, objectId);
            reload();
        });
}

} // namespace atrium::ui
