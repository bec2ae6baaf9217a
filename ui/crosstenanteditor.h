#pragma once

#include "core/crosstenant/crosstenantconfiguration.h"

#include <QWidget>

#include <functional>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace atrium::ui {

// The form for one cross-tenant configuration (the default or a partner): B2B collaboration and B2B
// direct connect inbound/outbound with their users-and-groups and applications lists, inbound trust
// and automatic redemption. On a partner an empty property shows the default's value, disabled,
// under "Inherited from default", with Customize; a customized one offers Back to default. The
// consistency rules (validateConfiguration) are shown at the field their path names. Child widgets
// are named "<property path>.<part>" (e.g. "b2bCollaborationInbound.usersAccess") for tests.
class CrossTenantEditor final : public QWidget {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrossTenantEditor)
public:
    explicit CrossTenantEditor(bool forPartner, QWidget *parent = nullptr);
    ~CrossTenantEditor() override;

    // `own` is shown; for a partner, `def` fills the properties it inherits.
    void setConfiguration(const core::CrossTenantConfiguration &own, const core::CrossTenantConfiguration &def);
    // The edited configuration (a partner keeps its inherited properties empty).
    core::CrossTenantConfiguration configuration() const;
    // Validates the edited configuration and shows each problem at its field; empty = valid.
    QList<core::ConfigProblem> validate();
    // The message shown at a path ("b2bCollaborationInbound.applications"), empty when none.
    QString problemAt(const QString &path) const;
    void setEditable(bool editable, const QString &reason);
    bool isModified() const { return m_modified; }

    std::function<void(core::CrossTenantProperty)> onCustomize;
    std::function<void(core::CrossTenantProperty)> onBackToDefault;

signals:
    void changed();

private:
    struct TargetsRow {
        QComboBox *access = nullptr;
        QComboBox *scope = nullptr;
        QLineEdit *ids = nullptr;
        QLabel *problem = nullptr;
    };
    struct Section {
        core::CrossTenantProperty property;
        QLabel *provenance = nullptr;
        QPushButton *customize = nullptr;
        QPushButton *reset = nullptr;
        QLabel *problem = nullptr;
        TargetsRow users;
        TargetsRow apps;
        QList<QCheckBox *> checks; // inbound trust: mfa, compliant, hybrid; automatic redemption: one
        QList<QWidget *> inputs;
    };

    QWidget *buildSection(core::CrossTenantProperty p);
    TargetsRow buildTargets(QWidget *parent, const QString &name, bool users, QList<QWidget *> &inputs);
    void showTargets(const TargetsRow &row, const core::CrossTenantTargets &t, bool users);
    core::CrossTenantTargets readTargets(const TargetsRow &row, bool users) const;
    void updateSectionState(const Section &s);
    void markChanged();

    bool m_forPartner = false;
    bool m_editable = true;
    bool m_modified = false;
    bool m_filling = false;
    QString m_readOnlyReason;
    core::CrossTenantConfiguration m_own;
    core::CrossTenantConfiguration m_default;
    QList<Section> m_sections;
    QLabel *m_otherProblems = nullptr;
};

} // namespace atrium::ui
