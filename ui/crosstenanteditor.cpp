#include "ui/crosstenanteditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
bool isB2B(core::CrossTenantProperty p) {
    return p == core::CrossTenantProperty::B2BCollaborationInbound || p == core::CrossTenantProperty::B2BCollaborationOutbound ||
           p == core::CrossTenantProperty::B2BDirectConnectInbound || p == core::CrossTenantProperty::B2BDirectConnectOutbound;
}
bool isAutoRedemption(core::CrossTenantProperty p) {
    return p == core::CrossTenantProperty::AutomaticRedemptionInbound || p == core::CrossTenantProperty::AutomaticRedemptionOutbound;
}
std::optional<core::B2BSetting> core::CrossTenantConfiguration::*b2bMember(core::CrossTenantProperty p) {
    switch (p) {
    case core::CrossTenantProperty::B2BCollaborationOutbound:
        return &core::CrossTenantConfiguration::b2bCollaborationOutbound;
    case core::CrossTenantProperty::B2BDirectConnectInbound:
        return &core::CrossTenantConfiguration::b2bDirectConnectInbound;
    case core::CrossTenantProperty::B2BDirectConnectOutbound:
        return &core::CrossTenantConfiguration::b2bDirectConnectOutbound;
    default:
        return &core::CrossTenantConfiguration::b2bCollaborationInbound;
    }
}
QLabel *problemLabel(QWidget *parent, const QString &name) {
    auto *l = new QLabel(parent);
    l->setObjectName(name);
    l->setWordWrap(true);
    l->setStyleSheet(QStringLiteral("color: #b00020;"));
    l->hide();
    return l;
}
void setProblem(QLabel *l, const QString &text) {
    l->setText(text);
    l->setVisible(!text.isEmpty());
}
} // namespace

CrossTenantEditor::CrossTenantEditor(bool forPartner, QWidget *parent) : QWidget(parent), m_forPartner(forPartner) {
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_otherProblems = problemLabel(this, QStringLiteral("otherProblems"));
    layout->addWidget(m_otherProblems);
    auto *grid = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    auto *right = new QVBoxLayout;
    for (core::CrossTenantProperty p : core::allCrossTenantProperties()) {
        QWidget *w = buildSection(p);
        (isB2B(p) && (p == core::CrossTenantProperty::B2BCollaborationInbound ||
                      p == core::CrossTenantProperty::B2BCollaborationOutbound)
             ? left
             : (isB2B(p) ? right : left))
            ->addWidget(w);
    }
    left->addStretch(1);
    right->addStretch(1);
    grid->addLayout(left, 1);
    grid->addLayout(right, 1);
    layout->addLayout(grid);
    setConfiguration(forPartner ? core::CrossTenantConfiguration() : core::CrossTenantConfiguration::systemDefault(),
                     core::CrossTenantConfiguration::systemDefault());
}

CrossTenantEditor::~CrossTenantEditor() = default;

CrossTenantEditor::TargetsRow CrossTenantEditor::buildTargets(QWidget *parent, const QString &name, bool users,
                                                              QList<QWidget *> &inputs) {
    TargetsRow row;
    row.access = new QComboBox(parent);
    row.access->setObjectName(name + (users ? QStringLiteral(".usersAccess") : QStringLiteral(".appsAccess")));
    row.access->addItems({tr("Allow access"), tr("Block access")});
    row.scope = new QComboBox(parent);
    row.scope->setObjectName(name + (users ? QStringLiteral(".usersScope") : QStringLiteral(".appsScope")));
    row.scope->addItems(users ? QStringList{tr("All users and groups"), tr("Specific users and groups")}
                              : QStringList{tr("All applications"), tr("Specific applications")});
    row.ids = new QLineEdit(parent);
    row.ids->setObjectName(name + (users ? QStringLiteral(".usersTargets") : QStringLiteral(".appsTargets")));
    row.ids->setPlaceholderText(users ? tr("Object ids; prefix groups with group:") : tr("Application ids"));
    row.ids->setToolTip(users ? tr("Object ids of the other organization's users, separated by commas; write "
                                   "group:<id> for a group.")
                              : tr("Application ids, separated by commas."));
    row.problem = problemLabel(parent, name + (users ? QStringLiteral(".usersAndGroups.problem")
                                                     : QStringLiteral(".applications.problem")));
    inputs << row.access << row.scope << row.ids;
    connect(row.access, &QComboBox::currentIndexChanged, this, [this] { markChanged(); });
    connect(row.scope, &QComboBox::currentIndexChanged, this, [this, row] {
        row.ids->setVisible(row.scope->currentIndex() == 1);
        markChanged();
    });
    connect(row.ids, &QLineEdit::textEdited, this, [this] { markChanged(); });
    return row;
}

QWidget *CrossTenantEditor::buildSection(core::CrossTenantProperty p) {
    const QString path = core::propertyPath(p);
    auto *box = new QGroupBox(core::propertyLabel(p), this);
    box->setObjectName(path + QStringLiteral(".section"));
    auto *v = new QVBoxLayout(box);
    Section s;
    s.property = p;
    auto *head = new QHBoxLayout;
    s.provenance = new QLabel(box);
    s.provenance->setObjectName(path + QStringLiteral(".provenance"));
    head->addWidget(s.provenance, 1);
    if (m_forPartner) {
        s.customize = new QPushButton(tr("Customize"), box);
        s.customize->setObjectName(path + QStringLiteral(".customize"));
        s.customize->setToolTip(tr("Give this partner its own value, starting from the default's."));
        s.reset = new QPushButton(tr("Back to Default"), box);
        s.reset->setObjectName(path + QStringLiteral(".reset"));
        s.reset->setToolTip(tr("Forget this partner's value and inherit the default again."));
        head->addWidget(s.customize);
        head->addWidget(s.reset);
        connect(s.customize, &QPushButton::clicked, this, [this, p] {
            if (onCustomize) {
                onCustomize(p);
            }
        });
        connect(s.reset, &QPushButton::clicked, this, [this, p] {
            if (onBackToDefault) {
                onBackToDefault(p);
            }
        });
    }
    v->addLayout(head);
    if (isB2B(p)) {
        auto *form = new QFormLayout;
        s.users = buildTargets(box, path, true, s.inputs);
        s.apps = buildTargets(box, path, false, s.inputs);
        auto *u = new QHBoxLayout;
        u->addWidget(s.users.access);
        u->addWidget(s.users.scope, 1);
        form->addRow(tr("Users and groups:"), u);
        form->addRow(QString(), s.users.ids);
        form->addRow(QString(), s.users.problem);
        auto *a = new QHBoxLayout;
        a->addWidget(s.apps.access);
        a->addWidget(s.apps.scope, 1);
        form->addRow(tr("Applications:"), a);
        form->addRow(QString(), s.apps.ids);
        form->addRow(QString(), s.apps.problem);
        v->addLayout(form);
    } else if (p == core::CrossTenantProperty::InboundTrust) {
        const QStringList labels{tr("Trust multifactor authentication from the other organization"),
                                 tr("Trust compliant devices"), tr("Trust hybrid joined devices")};
        const QStringList names{QStringLiteral(".mfa"), QStringLiteral(".compliantDevice"), QStringLiteral(".hybridJoinedDevice")};
        for (int i = 0; i < 3; ++i) {
            auto *c = new QCheckBox(labels.at(i), box);
            c->setObjectName(path + names.at(i));
            connect(c, &QCheckBox::toggled, this, [this] { markChanged(); });
            s.checks << c;
            s.inputs << c;
            v->addWidget(c);
        }
    } else {
        auto *c = new QCheckBox(p == core::CrossTenantProperty::AutomaticRedemptionInbound
                                    ? tr("Automatically redeem invitations from the other organization")
                                    : tr("Automatically redeem invitations with the other organization (outbound)"),
                                box);
        c->setObjectName(path + QStringLiteral(".allowed"));
        c->setToolTip(tr("The consent prompt is suppressed only when both organizations allow it."));
        connect(c, &QCheckBox::toggled, this, [this] { markChanged(); });
        s.checks << c;
        s.inputs << c;
        v->addWidget(c);
    }
    s.problem = problemLabel(box, path + QStringLiteral(".problem"));
    v->addWidget(s.problem);
    m_sections << s;
    return box;
}

void CrossTenantEditor::showTargets(const TargetsRow &row, const core::CrossTenantTargets &t, bool users) {
    row.access->setCurrentIndex(t.accessType == core::AccessType::allowed ? 0 : 1);
    row.scope->setCurrentIndex(t.targetsAll() ? 0 : 1);
    QStringList ids;
    if (!t.targetsAll()) {
        for (const core::CrossTenantTarget &x : t.targets) {
            ids << (users && x.targetType == core::TargetType::group ? QStringLiteral("group:") + x.target : x.target);
        }
    }
    row.ids->setText(ids.join(QStringLiteral(", ")));
    row.ids->setVisible(row.scope->currentIndex() == 1);
}

core::CrossTenantTargets CrossTenantEditor::readTargets(const TargetsRow &row, bool users) const {
    const core::AccessType access = row.access->currentIndex() == 0 ? core::AccessType::allowed : core::AccessType::blocked;
    if (row.scope->currentIndex() == 0) {
        return users ? core::CrossTenantTargets::allUsers(access) : core::CrossTenantTargets::allApplications(access);
    }
    core::CrossTenantTargets t;
    t.accessType = access;
    const QStringList parts = row.ids->text().split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        if (users && part.startsWith(QLatin1String("group:"), Qt::CaseInsensitive)) {
            t.targets << core::CrossTenantTarget{part.mid(6), core::TargetType::group};
        } else {
            t.targets << core::CrossTenantTarget{part, users ? core::TargetType::user : core::TargetType::application};
        }
    }
    return t;
}

void CrossTenantEditor::setConfiguration(const core::CrossTenantConfiguration &own, const core::CrossTenantConfiguration &def) {
    m_own = own;
    m_default = def;
    m_filling = true;
    for (const Section &s : std::as_const(m_sections)) {
        const bool set = own.isSet(s.property);
        const core::CrossTenantConfiguration &src = set || !m_forPartner ? own : def;
        if (isB2B(s.property)) {
            const core::B2BSetting b = (src.*b2bMember(s.property)).value_or(core::B2BSetting());
            showTargets(s.users, b.usersAndGroups, true);
            showTargets(s.apps, b.applications, false);
        } else if (s.property == core::CrossTenantProperty::InboundTrust) {
            const core::InboundTrust t = src.inboundTrust.value_or(core::InboundTrust());
            s.checks[0]->setChecked(t.isMfaAccepted);
            s.checks[1]->setChecked(t.isCompliantDeviceAccepted);
            s.checks[2]->setChecked(t.isHybridAzureADJoinedDeviceAccepted);
        } else {
            const auto &v = s.property == core::CrossTenantProperty::AutomaticRedemptionInbound ? src.automaticRedemptionInbound
                                                                                                : src.automaticRedemptionOutbound;
            s.checks[0]->setChecked(v.value_or(false));
        }
        updateSectionState(s);
    }
    m_filling = false;
    m_modified = false;
    validate();
}

void CrossTenantEditor::updateSectionState(const Section &s) {
    const bool set = m_own.isSet(s.property);
    const bool defaultOnly = !m_forPartner && isAutoRedemption(s.property);
    if (m_forPartner) {
        s.provenance->setText(set ? tr("<b>Customized</b> for this partner") : tr("<i>Inherited from default</i>"));
        s.customize->setVisible(!set);
        s.reset->setVisible(set);
        s.customize->setEnabled(m_editable);
        s.reset->setEnabled(m_editable);
        if (!m_editable) {
            s.customize->setToolTip(m_readOnlyReason);
            s.reset->setToolTip(m_readOnlyReason);
        }
    } else {
        s.provenance->setText(defaultOnly ? tr("Always off in the default; turn it on for each partner.") : QString());
        s.provenance->setVisible(defaultOnly);
    }
    const bool inputsEnabled = m_editable && !defaultOnly && (!m_forPartner || set);
    for (QWidget *w : s.inputs) {
        w->setEnabled(inputsEnabled);
        w->setToolTip(!m_editable ? m_readOnlyReason
                      : (m_forPartner && !set) ? tr("Inherited from default: choose Customize to change it for this partner.")
                                               : QString());
    }
}

void CrossTenantEditor::setEditable(bool editable, const QString &reason) {
    m_editable = editable;
    m_readOnlyReason = reason;
    for (const Section &s : std::as_const(m_sections)) {
        updateSectionState(s);
    }
}

core::CrossTenantConfiguration CrossTenantEditor::configuration() const {
    core::CrossTenantConfiguration c = m_own;
    for (const Section &s : m_sections) {
        if (m_forPartner && !m_own.isSet(s.property)) {
            continue; // inherited stays empty
        }
        if (isB2B(s.property)) {
            c.*b2bMember(s.property) = core::B2BSetting{readTargets(s.users, true), readTargets(s.apps, false)};
        } else if (s.property == core::CrossTenantProperty::InboundTrust) {
            c.inboundTrust = core::InboundTrust{s.checks[0]->isChecked(), s.checks[1]->isChecked(), s.checks[2]->isChecked()};
        } else if (s.property == core::CrossTenantProperty::AutomaticRedemptionInbound) {
            c.automaticRedemptionInbound = s.checks[0]->isChecked();
        } else {
            c.automaticRedemptionOutbound = s.checks[0]->isChecked();
        }
    }
    return c;
}

QList<core::ConfigProblem> CrossTenantEditor::validate() {
    const QList<core::ConfigProblem> problems = core::validateConfiguration(configuration());
    QStringList other;
    QHash<QLabel *, QStringList> at;
    for (const core::ConfigProblem &p : problems) {
        QLabel *target = nullptr;
        for (const Section &s : std::as_const(m_sections)) {
            const QString path = core::propertyPath(s.property);
            if (isB2B(s.property) && p.path.startsWith(path + QStringLiteral(".usersAndGroups"))) {
                target = s.users.problem;
            } else if (isB2B(s.property) && p.path.startsWith(path + QStringLiteral(".applications"))) {
                target = s.apps.problem;
            } else if (p.path == path || p.path.startsWith(path + QLatin1Char('.'))) {
                target = s.problem;
            }
            if (target) {
                break;
            }
        }
        if (target) {
            at[target] << p.message;
        } else {
            other << p.message;
        }
    }
    for (const Section &s : std::as_const(m_sections)) {
        for (QLabel *l : {s.problem, s.users.problem, s.apps.problem}) {
            if (l) {
                setProblem(l, at.value(l).join(QLatin1Char('\n')));
            }
        }
    }
    setProblem(m_otherProblems, other.join(QLatin1Char('\n')));
    return problems;
}

QString CrossTenantEditor::problemAt(const QString &path) const {
    const auto *l = findChild<QLabel *>(path + QStringLiteral(".problem"));
    return l && !l->isHidden() ? l->text() : QString();
}

void CrossTenantEditor::markChanged() {
    if (m_filling) {
        return;
    }
    m_modified = true;
    validate();
    emit changed();
}

} // namespace atrium::ui
