#pragma once

#include "core/base/enums.h"
#include "core/base/result.h"
#include "core/services/groupservice.h"
#include "core/services/roleservice.h"
#include "core/services/user.h"
#include "ui/capabilities.h"
#include "ui/pane.h"

class QComboBox;
class QLabel;
class QPushButton;
class QTreeWidget;

namespace atrium::ui {

// Roles and administrators (SPEC §10, issue 8): who holds which directory role, assign and remove
// (the service refuses removing the last Global Administrator; the pane shows that refusal next to
// the list), and a read-only list of groups and applications with their owners — owners are managed
// on the group or application, not here. Reached from "Directory ▸ Roles and Administrators…".
class RolesPane final : public Pane, public CapabilityAware {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RolesPane)
public:
    enum AssignmentColumn { RoleColumn, UserColumn, PrincipalColumn, TypeColumn, SinceColumn, AssignmentColumnCount };
    enum ObjectColumn { NameColumn, KindColumn, OwnersColumn, MembersColumn, ObjectColumnCount };

    explicit RolesPane(models::DbExecutor *executor, QWidget *parent = nullptr);

    void setSession(models::SessionPtr session) override;
    void reload() override;
    void setCapabilities(const Capabilities &caps) override;

    // What the Assign and Remove buttons do, for tests and keyboard users alike. remove() asks first
    // (MessageBoxes::question); both report through changed() or the message next to the list.
    void assign(core::Role role, const QString &userId);
    void remove(core::Role role, const QString &userId);
    void removeSelected();

    QString message() const; // the last refusal or confirmation shown under the list

signals:
    void loaded();
    void changed();
    void refused(const atrium::core::Error &error);

private:
    struct Snapshot {
        QList<core::RoleAssignment> assignments;
        QList<core::User> users;
        QList<core::DirectoryObject> objects;
    };
    void showSnapshot(const Snapshot &snapshot);
    void updateButtons();
    void showMessage(const QString &text, bool error);
    void finishChange(const core::Status &status, const QString &done);

    models::SessionPtr m_session;
    Capabilities m_caps;
    bool m_busy = false;
    quint64 m_generation = 0;

    QTreeWidget *m_assignments = nullptr;
    QComboBox *m_rolePicker = nullptr;
    QComboBox *m_userPicker = nullptr;
    QPushButton *m_assign = nullptr;
    QPushButton *m_remove = nullptr;
    QLabel *m_message = nullptr;
    QTreeWidget *m_objects = nullptr;
};

} // namespace atrium::ui
