#pragma once

#include "core/crosstenant/accessevaluator.h"
#include "models/directorysession.h"

#include <QDialog>
#include <QJsonObject>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace atrium::models {
class DbExecutor;
}

namespace atrium::ui {

// Tools ▸ What If…: "what happens when this user (or user type) from this organization signs in to
// this app?" — the decision, the consent prompt, where MFA happens, every setting that played a part
// with its value and provenance (default / partner / inherited from default), and the conditional
// access policies that applied (CrossTenantService::whatIf); and "what if I invite this address?"
// with the policy engine's trace (InvitationService::whatIfInvite). Read-only, on the worker.
class WhatIfDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WhatIfDialog)
public:
    WhatIfDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent = nullptr);
    ~WhatIfDialog() override;

    core::AccessRequest request() const;
    void evaluate();
    void evaluateInvite();
    const QJsonObject &lastAnswer() const { return m_answer; }

signals:
    void answered();
    void inviteAnswered();

private:
    void showAnswer(const QJsonObject &a);

    models::DbExecutor *m_executor = nullptr;
    models::SessionPtr m_session;
    QJsonObject m_answer;

    QComboBox *m_direction = nullptr;
    QComboBox *m_kind = nullptr;
    QLineEdit *m_tenant = nullptr;
    QComboBox *m_cloud = nullptr;
    QLineEdit *m_user = nullptr;
    QComboBox *m_userType = nullptr;
    QLineEdit *m_groups = nullptr;
    QLineEdit *m_app = nullptr;
    QCheckBox *m_fromPartner = nullptr;
    QCheckBox *m_mfaClaim = nullptr;
    QCheckBox *m_compliantClaim = nullptr;
    QCheckBox *m_hybridClaim = nullptr;
    QCheckBox *m_otherSide = nullptr;
    QPushButton *m_evaluate = nullptr;
    QLabel *m_decision = nullptr;
    QTreeWidget *m_settings = nullptr;
    QTreeWidget *m_policies = nullptr;
    QLineEdit *m_email = nullptr;
    QPushButton *m_evaluateInvite = nullptr;
    QLabel *m_inviteDecision = nullptr;
    QTreeWidget *m_inviteTrace = nullptr;
};

} // namespace atrium::ui
