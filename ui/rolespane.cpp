#include "ui/rolespane.h"

#include "core/base/clock.h"
#include "core/services/userservice.h"
#include "models/dbexecutor.h"
#include "ui/messageboxes.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHash>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
constexpr int kUserIdRole = Qt::UserRole + 1;
constexpr int kRoleRole = Qt::UserRole + 2;

template <typename W> W *named(W *w, const QString &name, const QString &accessible) {
    w->setObjectName(name);
    w->setAccessibleName(accessible);
    return w;
}
} // namespace

RolesPane::RolesPane(models::DbExecutor *executor, QWidget *parent) : Pane(executor, parent) {
    setObjectName(QStringLiteral("rolesPane"));
    auto *title = new QLabel(tr("Roles and administrators"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    auto *intro = new QLabel(tr("Directory roles decide what each administrator may do. Owners of groups and "
                                "applications are managed on the group or application."),
                             this);
    intro->setWordWrap(true);

    m_assignments = named(new QTreeWidget(this), QStringLiteral("roleAssignments"), tr("Role assignments"));
    m_assignments->setColumnCount(AssignmentColumnCount);
    m_assignments->setHeaderLabels({tr("Role"), tr("User"), tr("User principal name"), tr("Type"), tr("Since")});
    m_assignments->setRootIsDecorated(false);
    m_assignments->setUniformRowHeights(true);
    m_assignments->setSortingEnabled(true);
    m_assignments->sortByColumn(RoleColumn, Qt::AscendingOrder);
    m_assignments->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_assignments->header()->setStretchLastSection(true);

    m_rolePicker = named(new QComboBox(this), QStringLiteral("rolePicker"), tr("Role to assign"));
    for (core::Role role : core::allRoles()) {
        m_rolePicker->addItem(core::roleLabel(role), int(role));
    }
    m_userPicker = named(new QComboBox(this), QStringLiteral("userPicker"), tr("User to assign the role to"));
    m_userPicker->setMinimumContentsLength(28);
    m_userPicker->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_assign = named(new QPushButton(tr("&Assign"), this), QStringLiteral("assignRoleButton"),
                     tr("Assign the role to the user"));
    m_remove = named(new QPushButton(tr("&Remove…"), this), QStringLiteral("removeRoleButton"),
                     tr("Remove the selected role assignment"));
    auto *assignRow = new QHBoxLayout;
    auto *roleLabel = new QLabel(tr("Ro&le:"), this);
    roleLabel->setBuddy(m_rolePicker);
    auto *userLabel = new QLabel(tr("&User:"), this);
    userLabel->setBuddy(m_userPicker);
    assignRow->addWidget(roleLabel);
    assignRow->addWidget(m_rolePicker);
    assignRow->addWidget(userLabel);
    assignRow->addWidget(m_userPicker, 1);
    assignRow->addWidget(m_assign);
    assignRow->addSpacing(12);
    assignRow->addWidget(m_remove);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("rolesMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto *objectsBox = new QGroupBox(tr("Groups and applications"), this);
    m_objects = named(new QTreeWidget(objectsBox), QStringLiteral("groupsAndApplications"),
                      tr("Groups and applications with their owners"));
    m_objects->setColumnCount(ObjectColumnCount);
    m_objects->setHeaderLabels({tr("Name"), tr("Kind"), tr("Owners"), tr("Members")});
    m_objects->setRootIsDecorated(false);
    m_objects->setUniformRowHeights(true);
    m_objects->setSelectionMode(QAbstractItemView::NoSelection);
    m_objects->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_objects->header()->setStretchLastSection(true);
    auto *objectsLayout = new QVBoxLayout(objectsBox);
    objectsLayout->addWidget(m_objects);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addWidget(m_assignments, 3);
    layout->addLayout(assignRow);
    layout->addWidget(m_message);
    layout->addWidget(objectsBox, 2);

    connect(m_assignments, &QTreeWidget::itemSelectionChanged, this, &RolesPane::updateButtons);
    connect(m_userPicker, &QComboBox::currentIndexChanged, this, &RolesPane::updateButtons);
    connect(m_assign, &QPushButton::clicked, this, [this] {
        assign(core::Role(m_rolePicker->currentData().toInt()), m_userPicker->currentData().toString());
    });
    connect(m_remove, &QPushButton::clicked, this, &RolesPane::removeSelected);
    updateButtons();
}

void RolesPane::setSession(models::SessionPtr session) {
    m_session = std::move(session);
    reload();
}

void RolesPane::setCapabilities(const Capabilities &caps) {
    m_caps = caps;
    updateButtons();
}

QString RolesPane::message() const {
    return m_message->isVisible() ? m_message->text() : QString();
}

void RolesPane::reload() {
    const quint64 generation = ++m_generation;
    if (!m_session || m_session->isUnbound()) {
        showSnapshot({});
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Result<Snapshot>>(
        this,
        [ctx]() -> core::Result<Snapshot> {
            Snapshot s;
            auto assignments = core::RoleService(ctx).list();
            if (!assignments.ok()) {
                return assignments.error();
            }
            s.assignments = *assignments;
            core::UserQuery all; // members and guests: the service decides who may hold which role
            all.limit = 5000;
            auto users = core::UserService(ctx).list(all);
            if (!users.ok()) {
                return users.error();
            }
            s.users = *users;
            core::GroupService groups(ctx);
            auto g = groups.groups();
            if (!g.ok()) {
                return g.error();
            }
            auto a = groups.applications();
            if (!a.ok()) {
                return a.error();
            }
            s.objects = *g + *a;
            return s;
        },
        [this, generation](const core::Result<Snapshot> &r) {
            if (generation != m_generation) {
                return; // a newer reload is on its way
            }
            if (!r.ok()) {
                showSnapshot({});
                showMessage(r.error().message, true);
                emit errorOccurred(r.error());
                return;
            }
            showSnapshot(*r);
            emit loaded();
        });
}

void RolesPane::showSnapshot(const Snapshot &snapshot) {
    // Keep the selection and picked user across reloads (after Assign the operator keeps working).
    const QString pickedUser = m_userPicker->currentData().toString();
    m_assignments->setSortingEnabled(false);
    m_assignments->clear();
    for (const core::RoleAssignment &a : snapshot.assignments) {
        auto *item = new QTreeWidgetItem(m_assignments);
        item->setText(RoleColumn, core::roleLabel(a.role));
        item->setText(UserColumn, a.displayName);
        item->setText(PrincipalColumn, a.userPrincipalName);
        item->setText(TypeColumn, a.userType == core::UserType::Guest ? tr("Guest") : tr("Member"));
        item->setText(SinceColumn, a.assignedAt > 0
                                       ? QLocale().toString(core::fromMs(a.assignedAt).toLocalTime(), QLocale::ShortFormat)
                                       : QString());
        item->setData(RoleColumn, kUserIdRole, a.userId);
        item->setData(RoleColumn, kRoleRole, int(a.role));
    }
    m_assignments->setSortingEnabled(true);

    QHash<QString, QString> names;
    m_userPicker->clear();
    for (const core::User &u : snapshot.users) {
        names.insert(u.id, u.displayName);
        m_userPicker->addItem(u.userType == core::UserType::Guest
                                  ? tr("%1 (%2) — guest").arg(u.displayName, u.userPrincipalName)
                                  : tr("%1 (%2)").arg(u.displayName, u.userPrincipalName),
                              u.id);
    }
    const int picked = m_userPicker->findData(pickedUser);
    m_userPicker->setCurrentIndex(picked >= 0 ? picked : (m_userPicker->count() > 0 ? 0 : -1));

    m_objects->clear();
    for (const core::DirectoryObject &o : snapshot.objects) {
        QStringList owners;
        for (const QString &id : o.ownerIds) {
            owners << names.value(id, id);
        }
        auto *item = new QTreeWidgetItem(m_objects);
        item->setText(NameColumn, o.displayName);
        item->setText(KindColumn, o.kind == QLatin1String("group") ? tr("Group") : tr("Application"));
        item->setText(OwnersColumn, owners.isEmpty() ? tr("(no owner)") : owners.join(QStringLiteral(", ")));
        item->setText(MembersColumn, QLocale().toString(o.memberCount));
        item->setToolTip(OwnersColumn, item->text(OwnersColumn));
    }
    updateButtons();
}

void RolesPane::updateButtons() {
    const bool allowed = m_caps.can(core::Permission::ManageRoles);
    for (QWidget *w : std::initializer_list<QWidget *>{m_rolePicker, m_userPicker, m_assign, m_remove}) {
        // Disabled with the role needed as tooltip, never hidden (issue 8).
        m_caps.apply(w, core::Permission::ManageRoles);
    }
    if (!allowed) {
        return;
    }
    m_assign->setEnabled(!m_busy && m_userPicker->currentIndex() >= 0);
    m_assign->setToolTip(m_userPicker->currentIndex() >= 0 ? QString() : tr("Choose a user first."));
    const bool selected = !m_assignments->selectedItems().isEmpty();
    m_remove->setEnabled(!m_busy && selected);
    m_remove->setToolTip(selected ? QString() : tr("Select an assignment in the list first."));
}

void RolesPane::showMessage(const QString &text, bool error) {
    m_message->setText(text);
    m_message->setStyleSheet(error ? QStringLiteral("color: #b00020; font-weight: bold;") : QString());
    m_message->setAccessibleName(text);
    m_message->setVisible(!text.isEmpty());
}

void RolesPane::finishChange(const core::Status &status, const QString &done) {
    m_busy = false;
    if (!status.ok()) {
        showMessage(status.error().message, true);
        updateButtons();
        emit refused(status.error());
        return;
    }
    showMessage(done, false);
    emit changed();
    reload();
}

void RolesPane::assign(core::Role role, const QString &userId) {
    if (!m_session || userId.isEmpty() || m_busy) {
        return;
    }
    m_busy = true;
    updateButtons();
    const core::ServiceContext ctx = m_session->context();
    const QString name = m_userPicker->findData(userId) >= 0 ? m_userPicker->itemText(m_userPicker->findData(userId))
                                                              : userId;
    executor()->call<core::Status>(
        this, [ctx, role, userId] { return core::RoleService(ctx).assign(role, userId); },
        [this, role, name](const core::Status &s) {
            finishChange(s, tr("%1 now holds the role %2.").arg(name, core::roleLabel(role)));
        });
}

void RolesPane::removeSelected() {
    const QList<QTreeWidgetItem *> selected = m_assignments->selectedItems();
    if (selected.isEmpty()) {
        return;
    }
    const QTreeWidgetItem *item = selected.first();
    const auto role = core::Role(item->data(RoleColumn, kRoleRole).toInt());
    const QString who = item->text(UserColumn);
    if (MessageBoxes::question(this, tr("Remove Role"),
                               tr("Remove the role %1 from %2? They lose what the role allows at once.")
                                   .arg(core::roleLabel(role), who)) != QMessageBox::Yes) {
        return;
    }
    remove(role, item->data(RoleColumn, kUserIdRole).toString());
}

void RolesPane::remove(core::Role role, const QString &userId) {
    if (!m_session || userId.isEmpty() || m_busy) {
        return;
    }
    m_busy = true;
    updateButtons();
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Status>(
        this, [ctx, role, userId] { return core::RoleService(ctx).remove(role, userId); },
        [this, role](const core::Status &s) {
            finishChange(s, tr("The role %1 was removed.").arg(core::roleLabel(role)));
        });
}

} // namespace atrium::ui
