#pragma once

#include "core/collaboration/collaborationservice.h"
#include "ui/pane.h"

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTreeWidget;

namespace atrium::ui {

// "External collaboration" (SPEC §4): every setting, the domain list editor, an impact preview
// computed on the database worker before anything is saved, Save/Revert with compare-and-swap.
// Controls the operator may not change are disabled with the role needed as tooltip.
class ExternalCollaborationPane final : public Pane {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ExternalCollaborationPane)
public:
    explicit ExternalCollaborationPane(models::DbExecutor *executor, QWidget *parent = nullptr);

    void setSession(models::SessionPtr session) override;
    void reload() override;

    // The settings as the form shows them now.
    core::CollaborationSettings editedSettings() const;
    // Adds entries typed, pasted or imported (any separators); returns false when some were refused.
    bool addDomains(const QString &text);
    // Asks for the impact preview (on the worker) and shows it; confirmSave() then writes.
    void requestSave();
    void confirmSave();
    void revert();

signals:
    void loaded();
    void impactShown();
    void saved();

private:
    void buildForm();
    void showSnapshot(const core::CollaborationSnapshot &snapshot);
    void updateState();
    void applyPermissions();
    void setDomains(const QStringList &domains);
    void onRestrictionChanged(int index);
    void removeSelectedDomains();
    void importDomains();
    void pasteDomains();
    void showImpact(const core::ImpactPreview &impact);

    models::SessionPtr m_session;
    core::CollaborationSnapshot m_snapshot;
    QStringList m_domains;
    int m_currentRestriction = 0;
    quint64 m_generation = 0;
    bool m_loading = false;

    QLabel *m_status = nullptr;
    QWidget *m_form = nullptr;
    QButtonGroup *m_guestAccess = nullptr;
    QList<QRadioButton *> m_guestAccessButtons;
    QComboBox *m_allowInvitesFrom = nullptr;
    QCheckBox *m_selfService = nullptr;
    QCheckBox *m_leave = nullptr;
    QLabel *m_leaveReason = nullptr;
    QComboBox *m_restriction = nullptr;
    QWidget *m_domainEditor = nullptr;
    QLineEdit *m_domainInput = nullptr;
    QPushButton *m_addDomain = nullptr;
    QPushButton *m_removeDomain = nullptr;
    QPushButton *m_pasteDomains = nullptr;
    QPushButton *m_importDomains = nullptr;
    QListWidget *m_domainList = nullptr;
    QLabel *m_domainProblems = nullptr;
    QLabel *m_charactersLeft = nullptr;
    QCheckBox *m_emailOtp = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_revert = nullptr;
    QGroupBox *m_impactPanel = nullptr;
    QLabel *m_impactSummary = nullptr;
    QTreeWidget *m_impactList = nullptr;
    QPushButton *m_confirmSave = nullptr;
    QPushButton *m_cancelSave = nullptr;
};

} // namespace atrium::ui
