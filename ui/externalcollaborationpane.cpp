#include "ui/externalcollaborationpane.h"

#include "core/base/domainname.h"
#include "core/policy/domainlist.h"
#include "models/dbexecutor.h"
#include "ui/messageboxes.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QFile>
#include <QFormLayout>
#include <QGroupBox>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
using core::CollaborationField;
using core::CollaborationService;

QString needsRole(CollaborationField f) {
    return QCoreApplication::translate("atrium::ui::ExternalCollaborationPane", "Needs the role %1.")
        .arg(core::rolesGrantingText(CollaborationService::permissionFor(f)));
}

template <typename W> W *named(W *w, const QString &name, const QString &accessible) {
    w->setObjectName(name);
    w->setAccessibleName(accessible);
    return w;
}
} // namespace

ExternalCollaborationPane::ExternalCollaborationPane(models::DbExecutor *executor, QWidget *parent)
    : Pane(executor, parent) {
    setAccessibleName(tr("External collaboration"));
    buildForm();
    setSession(nullptr);
}

void ExternalCollaborationPane::buildForm() {
    auto *title = new QLabel(tr("External collaboration settings"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("collaborationStatus"));
    m_status->setWordWrap(true);

    m_form = new QWidget(this);
    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);

    // Guest user access
    auto *accessBox = new QGroupBox(tr("Guest user access"), m_form);
    auto *accessLayout = new QVBoxLayout(accessBox);
    m_guestAccess = new QButtonGroup(this);
    const QList<std::pair<core::GuestUserAccess, QString>> levels{
        {core::GuestUserAccess::sameAsMembers, tr("Guest users have the same access as members (most inclusive)")},
        {core::GuestUserAccess::limited,
         tr("Guest users have limited access to properties and memberships of directory objects (default)")},
        {core::GuestUserAccess::restricted,
         tr("Guest user access is restricted to properties and memberships of their own directory objects (most "
            "restrictive)")}};
    for (const auto &[level, text] : levels) {
        auto *b = named(new QRadioButton(text, accessBox),
                        QStringLiteral("guestAccess_") + core::toString(level), text);
        m_guestAccess->addButton(b, int(level));
        m_guestAccessButtons << b;
        accessLayout->addWidget(b);
    }

    // Guest invite settings
    auto *inviteBox = new QGroupBox(tr("Guest invite settings"), m_form);
    auto *inviteLayout = new QFormLayout(inviteBox);
    m_allowInvitesFrom = named(new QComboBox(inviteBox), QStringLiteral("allowInvitesFrom"), tr("Who can invite"));
    const QList<std::pair<core::AllowInvitesFrom, QString>> who{
        {core::AllowInvitesFrom::everyone, tr("Anyone in the organization, including guests with member-level "
                                              "access")},
        {core::AllowInvitesFrom::adminsGuestInvitersAndAllMembers,
         tr("Member users and users assigned to specific admin roles")},
        {core::AllowInvitesFrom::adminsAndGuestInviters,
         tr("Only users assigned to specific admin roles (Guest Inviter included)")},
        {core::AllowInvitesFrom::none, tr("No one in the organization, admins included")}};
    for (const auto &[value, text] : who) {
        // The SPEC spelling stays visible: admins compare it one to one with the model system.
        m_allowInvitesFrom->addItem(tr("%1 — %2").arg(core::toString(value), text), int(value));
    }
    inviteLayout->addRow(tr("Who can invite guests (allowInvitesFrom):"), m_allowInvitesFrom);
    m_selfService = named(new QCheckBox(tr("Enable guest self-service sign-up via user flows"), inviteBox),
                          QStringLiteral("selfServiceSignUp"), tr("Enable guest self-service sign-up via user flows"));
    inviteLayout->addRow(m_selfService);
    m_leave = named(new QCheckBox(tr("Allow external users to remove themselves from the organization"), inviteBox),
                    QStringLiteral("allowLeave"), tr("Allow external users to remove themselves"));
    m_leaveReason = new QLabel(inviteBox);
    m_leaveReason->setObjectName(QStringLiteral("leaveReason"));
    m_leaveReason->setWordWrap(true);
    m_leaveReason->setStyleSheet(QStringLiteral("color: palette(mid);"));
    inviteLayout->addRow(m_leave);
    inviteLayout->addRow(m_leaveReason);

    // Collaboration restrictions
    auto *restrictBox = new QGroupBox(tr("Collaboration restrictions"), m_form);
    auto *restrictLayout = new QVBoxLayout(restrictBox);
    m_restriction = named(new QComboBox(restrictBox), QStringLiteral("restrictionMode"), tr("Collaboration restrictions"));
    m_restriction->addItem(tr("Allow invitations to be sent to any domain (most inclusive)"),
                           int(core::CollaborationRestriction::allowAny));
    m_restriction->addItem(tr("Deny invitations to the specified domains"),
                           int(core::CollaborationRestriction::denyListed));
    m_restriction->addItem(tr("Allow invitations only to the specified domains (most restrictive)"),
                           int(core::CollaborationRestriction::allowOnlyListed));
    restrictLayout->addWidget(m_restriction);
    m_domainEditor = new QWidget(restrictBox);
    auto *editorLayout = new QVBoxLayout(m_domainEditor);
    editorLayout->setContentsMargins(0, 0, 0, 0);
    auto *inputRow = new QHBoxLayout;
    m_domainInput = named(new QLineEdit(m_domainEditor), QStringLiteral("domainInput"), tr("Domain to add"));
    m_domainInput->setPlaceholderText(tr("contoso.com or *.contoso.com; several separated by commas or spaces"));
    m_addDomain = named(new QPushButton(tr("Add"), m_domainEditor), QStringLiteral("addDomain"), tr("Add domain"));
    m_removeDomain = named(new QPushButton(tr("Remove"), m_domainEditor), QStringLiteral("removeDomain"),
                           tr("Remove selected domains"));
    m_pasteDomains = named(new QPushButton(tr("Paste Many"), m_domainEditor), QStringLiteral("pasteDomains"),
                           tr("Paste domains from the clipboard"));
    m_importDomains = named(new QPushButton(tr("Import…"), m_domainEditor), QStringLiteral("importDomains"),
                            tr("Import domains from a text file"));
    inputRow->addWidget(m_domainInput, 1);
    inputRow->addWidget(m_addDomain);
    inputRow->addWidget(m_removeDomain);
    inputRow->addWidget(m_pasteDomains);
    inputRow->addWidget(m_importDomains);
    editorLayout->addLayout(inputRow);
    m_domainList = named(new QListWidget(m_domainEditor), QStringLiteral("domainList"), tr("Listed domains"));
    m_domainList->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_domainList->setUniformItemSizes(true);
    m_domainList->setMinimumHeight(120);
    editorLayout->addWidget(m_domainList);
    m_domainProblems = new QLabel(m_domainEditor);
    m_domainProblems->setObjectName(QStringLiteral("domainProblems"));
    m_domainProblems->setWordWrap(true);
    m_domainProblems->setStyleSheet(QStringLiteral("color: #b00020;"));
    m_charactersLeft = new QLabel(m_domainEditor);
    m_charactersLeft->setObjectName(QStringLiteral("charactersLeft"));
    editorLayout->addWidget(m_domainProblems);
    editorLayout->addWidget(m_charactersLeft);
    restrictLayout->addWidget(m_domainEditor);

    // Email one-time passcode
    auto *otpBox = new QGroupBox(tr("Email one-time passcode for guests"), m_form);
    auto *otpLayout = new QVBoxLayout(otpBox);
    m_emailOtp = named(new QCheckBox(tr("Guests without another identity provider sign in with a passcode sent by "
                                        "email"),
                                     otpBox),
                       QStringLiteral("emailOtp"), tr("Email one-time passcode for guests"));
    otpLayout->addWidget(m_emailOtp);

    formLayout->addWidget(accessBox);
    formLayout->addWidget(inviteBox);
    formLayout->addWidget(restrictBox);
    formLayout->addWidget(otpBox);
    formLayout->addStretch(1);

    // Impact preview panel, shown before anything is saved.
    m_impactPanel = new QGroupBox(tr("Before you save: impact on existing guests and members"), this);
    m_impactPanel->setObjectName(QStringLiteral("impactPanel"));
    auto *impactLayout = new QVBoxLayout(m_impactPanel);
    m_impactSummary = new QLabel(m_impactPanel);
    m_impactSummary->setObjectName(QStringLiteral("impactSummary"));
    m_impactSummary->setWordWrap(true);
    m_impactList = named(new QTreeWidget(m_impactPanel), QStringLiteral("impactList"), tr("Affected objects"));
    m_impactList->setHeaderLabels({tr("Consequence"), tr("User principal name"), tr("Email")});
    m_impactList->setRootIsDecorated(false);
    m_impactList->setUniformRowHeights(true);
    m_impactList->setMinimumHeight(140);
    auto *impactButtons = new QHBoxLayout;
    m_confirmSave = named(new QPushButton(tr("Save Changes"), m_impactPanel), QStringLiteral("confirmSave"),
                          tr("Save changes"));
    m_cancelSave = named(new QPushButton(tr("Keep Editing"), m_impactPanel), QStringLiteral("cancelSave"),
                         tr("Keep editing"));
    impactButtons->addStretch(1);
    impactButtons->addWidget(m_cancelSave);
    impactButtons->addWidget(m_confirmSave);
    impactLayout->addWidget(m_impactSummary);
    impactLayout->addWidget(m_impactList);
    impactLayout->addLayout(impactButtons);
    m_impactPanel->hide();

    auto *buttons = new QHBoxLayout;
    m_save = named(new QPushButton(tr("Save…"), this), QStringLiteral("saveButton"), tr("Save"));
    m_revert = named(new QPushButton(tr("Revert"), this), QStringLiteral("revertButton"), tr("Revert"));
    buttons->addStretch(1);
    buttons->addWidget(m_revert);
    buttons->addWidget(m_save);

    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("collaborationScroll"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(m_form);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->addWidget(title);
    layout->addWidget(m_status);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_impactPanel);
    layout->addLayout(buttons);

    connect(m_guestAccess, &QButtonGroup::idClicked, this, [this] { updateState(); });
    connect(m_allowInvitesFrom, &QComboBox::currentIndexChanged, this, [this] { updateState(); });
    connect(m_selfService, &QCheckBox::toggled, this, [this] { updateState(); });
    connect(m_leave, &QCheckBox::toggled, this, [this] { updateState(); });
    connect(m_emailOtp, &QCheckBox::toggled, this, [this] { updateState(); });
    connect(m_restriction, &QComboBox::currentIndexChanged, this, &ExternalCollaborationPane::onRestrictionChanged);
    connect(m_addDomain, &QPushButton::clicked, this, [this] {
        if (addDomains(m_domainInput->text())) {
            m_domainInput->clear();
        }
    });
    connect(m_domainInput, &QLineEdit::returnPressed, m_addDomain, &QPushButton::click);
    connect(m_removeDomain, &QPushButton::clicked, this, &ExternalCollaborationPane::removeSelectedDomains);
    connect(m_pasteDomains, &QPushButton::clicked, this, &ExternalCollaborationPane::pasteDomains);
    connect(m_importDomains, &QPushButton::clicked, this, &ExternalCollaborationPane::importDomains);
    connect(m_save, &QPushButton::clicked, this, &ExternalCollaborationPane::requestSave);
    connect(m_revert, &QPushButton::clicked, this, &ExternalCollaborationPane::revert);
    connect(m_confirmSave, &QPushButton::clicked, this, &ExternalCollaborationPane::confirmSave);
    connect(m_cancelSave, &QPushButton::clicked, m_impactPanel, &QWidget::hide);
}

void ExternalCollaborationPane::setSession(models::SessionPtr session) {
    m_session = std::move(session);
    ++m_generation;
    m_impactPanel->hide();
    if (!m_session) {
        m_status->setText(tr("No directory is open."));
        m_form->setEnabled(false);
        m_save->setEnabled(false);
        m_revert->setEnabled(false);
        return;
    }
    reload();
}

void ExternalCollaborationPane::reload() {
    if (!m_session) {
        return;
    }
    const quint64 generation = ++m_generation;
    m_status->setText(tr("Loading…"));
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Result<core::CollaborationSnapshot>>(
        this, [ctx] { return CollaborationService(ctx).read(); },
        [this, generation](const core::Result<core::CollaborationSnapshot> &r) {
            if (generation != m_generation) {
                return; // a newer load or another directory
            }
            if (!r.ok()) {
                m_status->setText(r.error().message);
                emit errorOccurred(r.error());
                return;
            }
            showSnapshot(*r);
            emit loaded();
        });
}

void ExternalCollaborationPane::showSnapshot(const core::CollaborationSnapshot &snapshot) {
    m_loading = true;
    m_snapshot = snapshot;
    const core::CollaborationSettings &s = snapshot.settings;
    if (auto *b = m_guestAccess->button(int(s.guestUserAccess))) {
        b->setChecked(true);
    }
    m_allowInvitesFrom->setCurrentIndex(m_allowInvitesFrom->findData(int(s.allowInvitesFrom)));
    m_selfService->setChecked(s.selfServiceSignUpEnabled);
    m_leave->setChecked(s.allowExternalUsersToLeave);
    m_restriction->setCurrentIndex(m_restriction->findData(int(s.restriction)));
    m_currentRestriction = m_restriction->currentIndex();
    m_emailOtp->setChecked(s.emailOtpEnabled);
    setDomains(s.domains);
    m_domainProblems->clear();
    m_impactPanel->hide();
    m_loading = false;
    m_status->setText(snapshot.rowVersion == 0 ? tr("The defaults are in force; nothing has been changed yet.")
                                               : tr("Saved settings, version %1.").arg(snapshot.rowVersion));
    m_form->setEnabled(true);
    applyPermissions();
    updateState();
}

void ExternalCollaborationPane::applyPermissions() {
    auto apply = [this](QWidget *w, CollaborationField f) {
        const bool can = m_session && m_session->op.can(CollaborationService::permissionFor(f));
        w->setEnabled(can);
        w->setToolTip(can ? QString() : needsRole(f));
    };
    for (QRadioButton *b : std::as_const(m_guestAccessButtons)) {
        apply(b, CollaborationField::GuestUserAccess);
    }
    apply(m_allowInvitesFrom, CollaborationField::AllowInvitesFrom);
    apply(m_selfService, CollaborationField::SelfServiceSignUp);
    apply(m_restriction, CollaborationField::Restrictions);
    apply(m_domainEditor, CollaborationField::Restrictions);
    apply(m_emailOtp, CollaborationField::EmailOtp);
    apply(m_leave, CollaborationField::Leave);
    // Leave can be turned on only with a privacy contact or statement (SPEC §4); turning it off is
    // always possible for whoever may change it.
    if (m_leave->isEnabled() && !m_snapshot.hasPrivacyContactOrStatement) {
        m_leaveReason->setText(tr("Needs a privacy contact or privacy statement URL in the directory properties: a "
                                  "guest must know whom to ask about their data."));
        m_leaveReason->show();
        if (!m_leave->isChecked()) {
            m_leave->setEnabled(false);
            m_leave->setToolTip(m_leaveReason->text());
        }
    } else {
        m_leaveReason->hide();
    }
}

core::CollaborationSettings ExternalCollaborationPane::editedSettings() const {
    core::CollaborationSettings s = m_snapshot.settings;
    s.guestUserAccess = core::GuestUserAccess(std::max(0, m_guestAccess->checkedId()));
    s.allowInvitesFrom = core::AllowInvitesFrom(m_allowInvitesFrom->currentData().toInt());
    s.selfServiceSignUpEnabled = m_selfService->isChecked();
    s.allowExternalUsersToLeave = m_leave->isChecked();
    s.restriction = core::CollaborationRestriction(m_restriction->currentData().toInt());
    s.domains = s.restriction == core::CollaborationRestriction::allowAny ? QStringList() : m_domains;
    s.emailOtpEnabled = m_emailOtp->isChecked();
    return s;
}

void ExternalCollaborationPane::updateState() {
    if (m_loading) {
        return;
    }
    const core::CollaborationSettings s = editedSettings();
    const bool listMode = s.restriction != core::CollaborationRestriction::allowAny;
    m_domainEditor->setVisible(listMode);
    const int left = core::kMaxPolicyChars - s.policySize();
    m_charactersLeft->setText(tr("%1 of %2 characters left")
                                  .arg(QLocale().toString(left), QLocale().toString(core::kMaxPolicyChars)));
    m_charactersLeft->setStyleSheet(left < 0 ? QStringLiteral("color: #b00020;") : QString());
    const bool dirty = m_session && !(s == m_snapshot.settings);
    m_save->setEnabled(dirty && s.validate().ok());
    m_revert->setEnabled(dirty);
    if (m_leave->isChecked() && !m_snapshot.hasPrivacyContactOrStatement && m_leave->isEnabled()) {
        m_leaveReason->show();
    }
}

void ExternalCollaborationPane::setDomains(const QStringList &domains) {
    m_domains = domains;
    m_domainList->clear();
    for (const QString &d : domains) {
        const QString shown = core::isWildcardEntry(d) ? QStringLiteral("*.") + core::domainForDisplay(d.mid(2))
                                                       : core::domainForDisplay(d);
        auto *item = new QListWidgetItem(shown == d ? d : tr("%1 (%2)").arg(shown, d), m_domainList);
        item->setData(Qt::UserRole, d);
    }
}

bool ExternalCollaborationPane::addDomains(const QString &text) {
    core::CollaborationSettings others = editedSettings();
    others.domains.clear();
    const core::DomainListParse parsed = core::parseDomainList(text, others);
    QStringList messages;
    for (const auto &[line, message] : parsed.problems) {
        messages << message;
    }
    QStringList next = m_domains;
    for (const QString &d : parsed.domains) {
        if (next.contains(d)) {
            messages << tr("%1 is already on the list.").arg(d);
            continue;
        }
        next << d;
    }
    for (const auto &[line, message] : parsed.duplicates) {
        messages << message;
    }
    // The whole policy stays within 25,000 characters: entries that no longer fit are refused.
    core::CollaborationSettings s = editedSettings();
    s.domains = next;
    int refused = 0;
    while (s.policySize() > core::kMaxPolicyChars && s.domains.size() > m_domains.size()) {
        s.domains.removeLast();
        ++refused;
    }
    if (refused > 0) {
        messages << tr("%n domain(s) did not fit in the 25,000-character limit and were not added.", nullptr, refused);
    }
    setDomains(s.domains);
    m_domainProblems->setText(messages.join(QLatin1Char('\n')));
    updateState();
    return parsed.problems.isEmpty() && refused == 0;
}

void ExternalCollaborationPane::removeSelectedDomains() {
    QStringList next = m_domains;
    for (QListWidgetItem *item : m_domainList->selectedItems()) {
        next.removeAll(item->data(Qt::UserRole).toString());
    }
    setDomains(next);
    m_domainProblems->clear();
    updateState();
}

void ExternalCollaborationPane::pasteDomains() {
    addDomains(QGuiApplication::clipboard()->text());
}

void ExternalCollaborationPane::importDomains() {
    const QString file = MessageBoxes::openFileName(this, tr("Import Domains"), {},
                                                    tr("Text files (*.txt *.csv);;All files (*)"));
    if (file.isEmpty()) {
        return;
    }
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly)) {
        m_domainProblems->setText(tr("%1 could not be read: %2").arg(file, f.errorString()));
        return;
    }
    // Bounded read: a domain list file never needs more than a few hundred kilobytes.
    addDomains(QString::fromUtf8(f.read(4 * 1024 * 1024)));
}

void ExternalCollaborationPane::onRestrictionChanged(int index) {
    if (m_loading || index == m_currentRestriction) {
        return;
    }
    if (!m_domains.isEmpty()) {
        // SPEC §4: switching mode discards the list — ask first and show what would go.
        QStringList shown = m_domains.mid(0, 20);
        if (m_domains.size() > 20) {
            shown << tr("… and %n more", nullptr, int(m_domains.size() - 20));
        }
        const auto answer = MessageBoxes::question(
            this, tr("Discard the Domain List?"),
            tr("Switching to \"%1\" discards the %n listed domain(s):\n\n%2\n\nDiscard them?", nullptr,
               int(m_domains.size()))
                .arg(m_restriction->itemText(index), shown.join(QLatin1Char('\n'))));
        if (answer != QMessageBox::Yes) {
            m_loading = true;
            m_restriction->setCurrentIndex(m_currentRestriction);
            m_loading = false;
            return;
        }
        setDomains({});
    }
    m_currentRestriction = index;
    m_domainProblems->clear();
    updateState();
}

void ExternalCollaborationPane::revert() {
    showSnapshot(m_snapshot);
}

void ExternalCollaborationPane::requestSave() {
    if (!m_session) {
        return;
    }
    const core::CollaborationSettings proposed = editedSettings();
    if (core::Status v = proposed.validate(); !v.ok()) {
        m_domainProblems->setText(v.error().message);
        return;
    }
    const quint64 generation = m_generation;
    m_save->setEnabled(false);
    m_status->setText(tr("Computing the impact of the change…"));
    const core::ServiceContext ctx = m_session->context();
    const core::CollaborationSettings before = m_snapshot.settings;
    executor()->call<core::Result<core::ImpactPreview>>(
        this,
        [ctx, before, proposed] {
            return CollaborationService(ctx).previewImpact(before, proposed, core::kImpactPageSize);
        },
        [this, generation](const core::Result<core::ImpactPreview> &r) {
            if (generation != m_generation) {
                return;
            }
            updateState();
            if (!r.ok()) {
                m_status->setText(r.error().message);
                emit errorOccurred(r.error());
                return;
            }
            m_status->clear();
            showImpact(*r);
        });
}

void ExternalCollaborationPane::showImpact(const core::ImpactPreview &impact) {
    const QLocale locale;
    QStringList lines;
    if (impact.pendingRedemptionFailures.applies) {
        lines << tr("%1 pending invitation(s) would fail at redemption (domains: %2).")
                     .arg(locale.toString(impact.pendingRedemptionFailures.count),
                          impact.newlyBlockedDomains.isEmpty() ? tr("none")
                                                               : impact.newlyBlockedDomains.mid(0, 10).join(
                                                                     QStringLiteral(", ")));
    }
    if (impact.passcodeGuestsLocked.applies) {
        lines << tr("%1 guest(s) who sign in with email one-time passcodes could no longer sign in until their "
                    "redemption is reset.")
                     .arg(locale.toString(impact.passcodeGuestsLocked.count));
    }
    if (impact.invitersLosingRight.applies) {
        lines << tr("%1 user(s) would lose the right to invite guests.")
                     .arg(locale.toString(impact.invitersLosingRight.count));
    }
    if (lines.isEmpty() || impact.isEmpty()) {
        lines << tr("No existing guest or member is affected by this change.");
    }
    m_impactSummary->setText(lines.join(QLatin1Char('\n')));
    m_impactList->clear();
    auto add = [this](const core::ImpactCount &c, const QString &consequence) {
        for (const core::AffectedObject &o : c.firstPage) {
            new QTreeWidgetItem(m_impactList, {consequence, o.userPrincipalName, o.mail});
        }
    };
    add(impact.pendingRedemptionFailures, tr("Invitation fails at redemption"));
    add(impact.passcodeGuestsLocked, tr("Cannot sign in with a passcode"));
    add(impact.invitersLosingRight, tr("Loses the right to invite"));
    m_impactList->setVisible(m_impactList->topLevelItemCount() > 0);
    m_impactList->header()->resizeSections(QHeaderView::ResizeToContents); // one page of rows only
    m_impactPanel->show();
    m_confirmSave->setFocus();
    emit impactShown();
}

void ExternalCollaborationPane::confirmSave() {
    if (!m_session) {
        return;
    }
    m_impactPanel->hide();
    const quint64 generation = m_generation;
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const core::CollaborationSettings proposed = editedSettings();
    const qint64 version = m_snapshot.rowVersion;
    m_save->setEnabled(false);
    m_status->setText(tr("Saving…"));
    executor()->call<core::Result<core::CollaborationSnapshot>>(
        this, [ctx, secrets, proposed, version] { return CollaborationService(ctx, secrets).save(proposed, version); },
        [this, generation](const core::Result<core::CollaborationSnapshot> &r) {
            if (generation != m_generation) {
                return;
            }
            if (!r.ok()) {
                m_status->setText(r.error().message);
                updateState();
                // Conflicts reach the window's message bar, which offers "Reload".
                emit errorOccurred(r.error());
                return;
            }
            showSnapshot(*r);
            m_status->setText(tr("Saved. Every invitation path now follows these settings."));
            emit saved();
        });
}

} // namespace atrium::ui
