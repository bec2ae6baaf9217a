#include "ui/mainwindow.h"

#include "core/services/directoryservice.h"
#include "core/services/permissions.h"
#include "models/dbexecutor.h"
#include "ui/bulkinvitedialog.h"
#include "ui/connectpostgresdialog.h"
#include "ui/invitedialog.h"
#include "ui/messagebar.h"
#include "ui/messageboxes.h"
#include "ui/myappsgroupsdialog.h"
#include "ui/newdirectorydialog.h"
#include "ui/pane.h"
#include "ui/resources.h"
#include "ui/rolespane.h"
#include "ui/uilogging.h"
#include "ui/userflowsdialog.h"
#include "ui/welcomedialog.h"
#include "ui/whatifdialog.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDate>
#include <QDir>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QProgressBar>
#include <QSettings>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
const QString kGeometryKey = QStringLiteral("mainWindow/geometry");
const QString kStateKey = QStringLiteral("mainWindow/state");
const QString kPaneKey = QStringLiteral("mainWindow/pane");
const QString kLastDirectoryKey = QStringLiteral("directory/last"); // a URL without password
} // namespace

MainWindow::MainWindow(models::DbExecutor *executor, std::shared_ptr<const core::Clock> clock, QWidget *parent)
    : QMainWindow(parent), m_executor(executor), m_clock(std::move(clock)) {
    initResources();
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Atrium"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/atrium.svg")));

    m_navigation = new QListWidget(this);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Navigation"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setUniformItemSizes(true);
    m_navigation->setFrameShape(QFrame::NoFrame);
    m_navigation->setFocusPolicy(Qt::StrongFocus);
    m_navigation->setStyleSheet(QStringLiteral("#navigation { background: palette(window); padding-top: 8px; }"
                                               "#navigation::item { padding: 6px 8px; }"));

    m_stack = new QStackedWidget(this);
    m_stack->setObjectName(QStringLiteral("paneStack"));
    m_messageBar = new MessageBar(this);

    for (const PaneInfo &info : paneInfos()) {
        Pane *pane = createPane(info.id, m_executor, m_stack);
        pane->setObjectName(info.objectName);
        m_stack->addWidget(pane);
        m_panes.append(pane);
        connect(pane, &Pane::errorOccurred, this, &MainWindow::showError);
        auto *item = new QListWidgetItem(QIcon(info.icon), info.title, m_navigation);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(info.title).arg(static_cast<int>(info.id) + 1));
    }
    // Wide enough for the longest entry in any language, never wider than it needs.
    m_navigation->setFixedWidth(m_navigation->sizeHintForColumn(0) + 24);
    connect(m_navigation, &QListWidget::currentRowChanged, m_stack, &QStackedWidget::setCurrentIndex);

    auto *content = new QWidget(this);
    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(8, 8, 8, 0);
    contentLayout->setSpacing(6);
    m_previewBanner = new QLabel(this);
    m_previewBanner->setObjectName(QStringLiteral("previewBanner"));
    m_previewBanner->setWordWrap(true);
    m_previewBanner->setStyleSheet(QStringLiteral("#previewBanner { background: #e8f0fe; border: 1px solid #8ab4f8; "
                                                  "padding: 6px; }"));
    m_previewBanner->hide();
    contentLayout->addWidget(m_previewBanner);
    contentLayout->addWidget(m_messageBar);
    contentLayout->addWidget(m_stack, 1);

    auto *separator = new QFrame(this);
    separator->setFrameShape(QFrame::VLine);
    separator->setFrameShadow(QFrame::Sunken);

    auto *central = new QWidget(this);
    central->setObjectName(QStringLiteral("centralWidget"));
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addWidget(separator);
    layout->addWidget(content, 1);
    setCentralWidget(central);

    buildMenus();
    buildStatusBar();
    restoreSettings();
    setSession(nullptr);
}

MainWindow::~MainWindow() {
    // Let go of the directory on the worker, where its connection lives.
    if (m_session) {
        m_executor->retire(m_session->database);
    }
}

void MainWindow::buildMenus() {
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->setObjectName(QStringLiteral("fileMenu"));
    QAction *newAction = file->addAction(tr("&New Directory…"), this, [this] { newDirectory(); });
    newAction->setObjectName(QStringLiteral("newDirectoryAction"));
    newAction->setShortcut(QKeySequence::New);
    QAction *openAction = file->addAction(tr("&Open Directory…"), this, &MainWindow::openDirectoryFile);
    openAction->setObjectName(QStringLiteral("openDirectoryAction"));
    openAction->setShortcut(QKeySequence::Open);
    QAction *pgAction = file->addAction(tr("&Connect to PostgreSQL…"), this, &MainWindow::connectPostgres);
    pgAction->setObjectName(QStringLiteral("connectPostgresAction"));
    file->addSeparator();
    m_backupAction = file->addAction(tr("&Back Up Directory…"), this, &MainWindow::backupDirectory);
    m_backupAction->setObjectName(QStringLiteral("backupAction"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    m_reloadAction = view->addAction(tr("&Reload"), this, &MainWindow::reload);
    m_reloadAction->setObjectName(QStringLiteral("reloadAction"));
    m_reloadAction->setShortcut(QKeySequence(Qt::Key_F5));
    view->addSeparator();
    for (const PaneInfo &info : paneInfos()) {
        const int index = static_cast<int>(info.id);
        QAction *go = view->addAction(QIcon(info.icon), info.title, this, [this, id = info.id] { showPane(id); });
        go->setObjectName(QStringLiteral("goTo") + info.objectName);
        go->setShortcut(QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + index)));
        go->setShortcutContext(Qt::WindowShortcut);
    }

    view->addSeparator();
    QMenu *viewAs = view->addMenu(tr("View as &Role"));
    viewAs->setObjectName(QStringLiteral("viewAsRoleMenu"));
    for (core::Role role : core::allRoles()) {
        QAction *a = viewAs->addAction(core::roleLabel(role), this, [this, role] { previewRole(role); });
        a->setObjectName(QStringLiteral("viewAs") + core::roleKey(role));
    }
    QAction *owner = viewAs->addAction(tr("Application Owner"), this,
                                       [this] { previewCapabilities(Capabilities::forApplicationOwner()); });
    owner->setObjectName(QStringLiteral("viewAsApplicationOwner"));
    QAction *member = viewAs->addAction(tr("Member Without a Role"), this,
                                        [this] { previewCapabilities(Capabilities::forMember()); });
    member->setObjectName(QStringLiteral("viewAsMember"));
    viewAs->addSeparator();
    m_endPreviewAction = viewAs->addAction(tr("&End Preview"), this, &MainWindow::endPreview);
    m_endPreviewAction->setObjectName(QStringLiteral("endPreviewAction"));
    m_endPreviewAction->setEnabled(false);

    // Roles have no sidebar slot: they open in a window of their own that follows the session and
    // View as role while it is open.
    QMenu *directory = menuBar()->addMenu(tr("&Directory"));
    directory->setObjectName(QStringLiteral("directoryMenu"));
    QAction *roles = directory->addAction(tr("&Roles and Administrators…"), this, [this] {
        if (!m_session) {
            return;
        }
        auto *dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("rolesDialog"));
        dialog->setWindowTitle(tr("Roles and Administrators"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        auto *pane = new RolesPane(m_executor, dialog);
        pane->setCapabilities(m_capabilities);
        pane->setSession(m_session);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(pane, 1);
        layout->addWidget(buttons);
        connect(this, &MainWindow::capabilitiesChanged, pane, [this, pane] { pane->setCapabilities(m_capabilities); });
        // Another directory opened meanwhile: the window would show the old one.
        connect(this, &MainWindow::capabilitiesChanged, dialog, [this, dialog, shown = m_session] {
            if (m_session != shown) {
                dialog->close();
            }
        });
        dialog->resize(960, 640);
        dialog->show();
    });
    roles->setObjectName(QStringLiteral("rolesAction"));

    QMenu *guests = menuBar()->addMenu(tr("&Guests"));
    guests->setObjectName(QStringLiteral("guestsMenu"));
    QAction *invite = guests->addAction(tr("&Invite Guest…"), this, [this] {
        if (m_session) {
            auto *dialog = new InviteDialog(m_executor, m_session, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
    });
    invite->setObjectName(QStringLiteral("inviteGuestAction"));
    invite->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    QAction *bulk = guests->addAction(tr("&Bulk Invite…"), this, [this] {
        if (m_session) {
            auto *dialog = new BulkInviteDialog(m_executor, m_session, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
    });
    bulk->setObjectName(QStringLiteral("bulkInviteAction"));
    bulk->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_I));
    // Owners' self-service (issue 3 item 4): what the operator owns, whatever their roles; the
    // service layer decides, so the entry is never disabled here.
    QAction *owned = guests->addAction(tr("My &Apps and Groups…"), this, [this] {
        if (m_session) {
            auto *dialog = new MyAppsGroupsDialog(m_executor, m_session, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
    });
    owned->setObjectName(QStringLiteral("myAppsGroupsAction"));

    QMenu *tools = menuBar()->addMenu(tr("&Tools"));
    tools->setObjectName(QStringLiteral("toolsMenu"));
    QAction *whatIf = tools->addAction(tr("&What If…"), this, [this] {
        if (m_session) {
            auto *dialog = new WhatIfDialog(m_executor, m_session, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
    });
    whatIf->setObjectName(QStringLiteral("whatIfAction"));
    // Self-service sign-up (SPEC §8): user flows and API connectors.
    QAction *userFlows = tools->addAction(tr("&User Flows and API Connectors…"), this, [this] {
        if (m_session) {
            auto *dialog = new UserFlowsDialog(m_executor, m_session, this);
            dialog->setAttribute(Qt::WA_DeleteOnClose);
            dialog->open();
        }
    });
    userFlows->setObjectName(QStringLiteral("userFlowsAction"));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->setObjectName(QStringLiteral("helpMenu"));
    QAction *about = help->addAction(tr("&About Atrium"), this, &MainWindow::showAbout);
    about->setObjectName(QStringLiteral("aboutAction"));
    about->setMenuRole(QAction::AboutRole);
}

void MainWindow::buildStatusBar() {
    m_directoryStatus = new QLabel(this);
    m_directoryStatus->setObjectName(QStringLiteral("directoryStatus"));
    m_engineStatus = new QLabel(this);
    m_engineStatus->setObjectName(QStringLiteral("engineStatus"));
    m_engineStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_operatorStatus = new QLabel(this);
    m_operatorStatus->setObjectName(QStringLiteral("operatorStatus"));
    m_openingIndicator = new QProgressBar(this);
    m_openingIndicator->setObjectName(QStringLiteral("openingIndicator"));
    m_openingIndicator->setAccessibleName(tr("Opening the directory"));
    m_openingIndicator->setRange(0, 0);
    m_openingIndicator->setTextVisible(false);
    m_openingIndicator->setMaximumSize(120, 12);
    m_openingIndicator->hide();
    statusBar()->addWidget(m_directoryStatus);
    statusBar()->addWidget(m_engineStatus, 1);
    statusBar()->addPermanentWidget(m_openingIndicator);
    statusBar()->addPermanentWidget(m_operatorStatus);
}

void MainWindow::updateStatusBar() {
    if (!m_session) {
        m_directoryStatus->setText(tr("No directory open"));
        m_engineStatus->clear();
        m_operatorStatus->clear();
        m_operatorStatus->setStyleSheet({});
        m_operatorStatus->setToolTip({});
    } else {
        const models::DirectorySession &s = *m_session;
        m_directoryStatus->setText(tr("%1 (%2)").arg(s.directory.displayName, s.directory.initialDomain));
        m_engineStatus->setText(tr("%1 · %2").arg(s.connection.engineName(), s.connection.displayName()));
        if (s.isUnbound()) {
            m_operatorStatus->setText(tr("⚠ Unbound account: %1").arg(s.op.boundAccount));
            m_operatorStatus->setToolTip(tr("The account %1 is not bound to a user of this directory, so you can "
                                            "neither read nor change it.")
                                             .arg(s.op.boundAccount));
            m_operatorStatus->setStyleSheet(QStringLiteral("color: #8a5a00; font-weight: bold;"));
        } else {
            m_operatorStatus->setText(tr("%1 — %2").arg(s.op.userPrincipalName, s.op.rolesText()));
            m_operatorStatus->setToolTip(tr("Signed in as %1 (account %2)").arg(s.op.displayName, s.op.boundAccount));
            m_operatorStatus->setStyleSheet({});
        }
    }
    for (QLabel *label : {m_directoryStatus, m_engineStatus, m_operatorStatus}) {
        label->setAccessibleName(label->text());
    }
}

void MainWindow::updateActions() {
    m_capabilities.apply(m_backupAction, core::Permission::BackupDirectory);
    if (!m_session) {
        m_backupAction->setToolTip({});
    }
    m_reloadAction->setEnabled(m_session != nullptr);
}

void MainWindow::previewRole(std::optional<core::Role> role) {
    if (!role) {
        endPreview();
        return;
    }
    previewCapabilities(Capabilities::forPreview(*role));
}

void MainWindow::previewCapabilities(const Capabilities &preview) {
    m_preview = preview;
    applyCapabilities();
}

void MainWindow::endPreview() {
    m_preview.reset();
    applyCapabilities();
}

void MainWindow::applyCapabilities() {
    m_capabilities = m_preview ? *m_preview
                               : (m_session ? Capabilities::forOperator(m_session->op) : Capabilities());
    m_endPreviewAction->setEnabled(m_preview.has_value());
    if (m_preview) {
        m_previewBanner->setText(tr("Previewing as %1; your actions use your own role (%2).")
                                     .arg(m_preview->previewName(),
                                          m_session ? m_session->op.rolesText() : tr("no directory open")));
        m_previewBanner->setAccessibleName(m_previewBanner->text());
    }
    m_previewBanner->setVisible(m_preview.has_value());
    for (Pane *pane : std::as_const(m_panes)) {
        if (auto *aware = dynamic_cast<CapabilityAware *>(pane)) {
            aware->setCapabilities(m_capabilities);
        }
    }
    updateActions();
    emit capabilitiesChanged();
}

void MainWindow::setSession(models::SessionPtr session) {
    const models::SessionPtr previous = std::exchange(m_session, std::move(session));
    if (m_session) {
        m_executor->registerDatabase(m_session->database);
    }
    m_messageBar->dismiss();
    // Capabilities first, so panes load with the right permissions.
    m_capabilities = m_preview ? *m_preview : (m_session ? Capabilities::forOperator(m_session->op) : Capabilities());
    for (Pane *pane : std::as_const(m_panes)) {
        if (auto *aware = dynamic_cast<CapabilityAware *>(pane)) {
            aware->setCapabilities(m_capabilities);
        }
        pane->setSession(m_session);
    }
    if (previous && (!m_session || previous->database != m_session->database)) {
        m_executor->retire(previous->database);
    }
    setWindowTitle(m_session ? tr("%1 — Atrium").arg(m_session->directory.displayName) : tr("Atrium"));
    updateStatusBar();
    applyCapabilities();
    if (m_session) {
        if (m_session->isUnbound()) {
            m_messageBar->showMessage(
                MessageBar::Kind::Warning,
                tr("The account %1 is not bound to a user of this directory, so you can neither read nor change "
                   "it. Ask an administrator of the directory to bind your account to your user.")
                    .arg(m_session->op.boundAccount));
        }
        QSettings().setValue(kLastDirectoryKey, m_session->connection.toUrl());
        qCInfo(lcUi) << "opened" << m_session->connection.toUrl() << "as" << m_session->op.userPrincipalName;
    }
    emit sessionChanged();
}

void MainWindow::showPane(PaneId id) {
    m_navigation->setCurrentRow(static_cast<int>(id));
}

PaneId MainWindow::currentPane() const {
    return static_cast<PaneId>(m_stack->currentIndex());
}

Pane *MainWindow::pane(PaneId id) const {
    return m_panes.value(static_cast<int>(id));
}

void MainWindow::setOpening(bool opening, const QString &what) {
    m_opening = opening;
    m_openingIndicator->setVisible(opening);
    if (opening) {
        statusBar()->showMessage(what);
    } else {
        statusBar()->clearMessage();
    }
}

void MainWindow::open(std::function<core::Result<models::SessionPtr>()> work, const QString &what) {
    const quint64 generation = ++m_openGeneration;
    setOpening(true, what);
    m_executor->call<core::Result<models::SessionPtr>>(
        this, std::move(work), [this, generation](const core::Result<models::SessionPtr> &result) {
            if (generation != m_openGeneration) {
                if (result.ok()) {
                    m_executor->retire((*result)->database); // superseded by a later open
                }
                return;
            }
            setOpening(false);
            if (!result.ok()) {
                qCWarning(lcUi) << "opening failed:" << result.error().message << result.error().detail;
                showError(result.error());
                emit openFailed(result.error());
                return;
            }
            setSession(*result);
        });
}

void MainWindow::startUp(const core::ConnectionInfo &info, bool loadSample) {
    if (loadSample) {
        openSampleDirectory(info);
        return;
    }
    const quint64 generation = ++m_openGeneration;
    setOpening(true, tr("Opening %1…").arg(info.displayName()));
    m_executor->call<core::Result<bool>>(
        this, [info] { return models::DirectorySession::exists(info); },
        [this, info, generation](const core::Result<bool> &exists) {
            if (generation != m_openGeneration) {
                return;
            }
            setOpening(false);
            if (!exists.ok()) {
                showError(exists.error());
                emit openFailed(exists.error());
            } else if (*exists) {
                openDirectory(info);
            } else {
                offerWelcome(info);
            }
        });
}

void MainWindow::openDirectory(const core::ConnectionInfo &info) {
    const auto clock = m_clock;
    open([info, clock] { return models::DirectorySession::open(info, clock); },
         tr("Opening %1…").arg(info.displayName()));
}

void MainWindow::openSampleDirectory(const core::ConnectionInfo &info) {
    const auto clock = m_clock;
    open([info, clock] { return models::DirectorySession::openOrCreateSample(info, clock); },
         tr("Loading the sample directory into %1…").arg(info.displayName()));
}

void MainWindow::offerWelcome(const core::ConnectionInfo &info) {
    auto *dialog = new WelcomeDialog(info.displayName(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, this, [this, dialog, info] {
        switch (dialog->choice()) {
        case WelcomeDialog::Choice::CreateNew:
            newDirectory(info.engine == core::Engine::Sqlite ? info.path : QString());
            break;
        case WelcomeDialog::Choice::LoadSample:
            openSampleDirectory(info);
            break;
        case WelcomeDialog::Choice::OpenOther:
            openDirectoryFile();
            break;
        case WelcomeDialog::Choice::None:
            break;
        }
    });
    dialog->open();
}

void MainWindow::reload() {
    if (!m_session) {
        return;
    }
    m_messageBar->dismiss();
    for (Pane *pane : std::as_const(m_panes)) {
        pane->reload();
    }
}

void MainWindow::newDirectory(const QString &location) {
    auto *dialog = new NewDirectoryDialog(m_executor, m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!location.isEmpty()) {
        dialog->setLocation(location);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->session()) {
            ++m_openGeneration; // the new directory wins over an open still running
            setOpening(false);
            setSession(dialog->session());
            m_messageBar->showMessage(MessageBar::Kind::Positive,
                                      tr("Created the directory \"%1\". You are its Global Administrator.")
                                          .arg(dialog->session()->directory.displayName));
        }
    });
    dialog->open();
}

void MainWindow::openDirectoryFile() {
    QString dir = QFileInfo(core::defaultDirectoryPath()).absolutePath();
    if (m_session && m_session->connection.engine == core::Engine::Sqlite) {
        dir = QFileInfo(m_session->connection.path).absolutePath();
    }
    const QString path =
        MessageBoxes::openFileName(this, tr("Open Directory"), dir, tr("Atrium directories (*.sqlite);;All files (*)"));
    if (path.isEmpty()) {
        return;
    }
    core::ConnectionInfo info;
    info.engine = core::Engine::Sqlite;
    info.path = QFileInfo(path).absoluteFilePath();
    openDirectory(info);
}

void MainWindow::connectPostgres() {
    auto *dialog = new ConnectPostgresDialog(m_executor, m_clock, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const auto last = core::ConnectionInfo::parse(QSettings().value(kLastDirectoryKey).toString());
    if (m_session && m_session->connection.engine == core::Engine::Postgres) {
        dialog->setConnection(m_session->connection);
    } else if (last.ok() && last->engine == core::Engine::Postgres) {
        dialog->setConnection(*last);
    }
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (dialog->session()) {
            ++m_openGeneration;
            setOpening(false);
            setSession(dialog->session());
        } else if (dialog->wantsNewDirectory()) {
            auto *create = new NewDirectoryDialog(m_executor, m_clock, this);
            create->setAttribute(Qt::WA_DeleteOnClose);
            create->setConnection(dialog->connection());
            connect(create, &QDialog::accepted, this, [this, create] {
                ++m_openGeneration;
                setSession(create->session());
            });
            create->open();
        }
    });
    dialog->open();
}

void MainWindow::backupDirectory() {
    if (!m_session) {
        return;
    }
    const QString documents = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString suggestion =
        documents + QLatin1Char('/') +
        tr("%1 backup %2.sqlite").arg(m_session->directory.displayName, QDate::currentDate().toString(Qt::ISODate));
    const QString path =
        MessageBoxes::saveFileName(this, tr("Back Up Directory"), suggestion, tr("Atrium directories (*.sqlite)"));
    if (path.isEmpty()) {
        return;
    }
    const core::ServiceContext ctx = m_session->context();
    statusBar()->showMessage(tr("Backing up to %1…").arg(QDir::toNativeSeparators(path)));
    m_executor->call<core::Status>(
        this, [ctx, path] { return core::DirectoryService(ctx).backup(path); },
        [this, path](const core::Status &status) {
            statusBar()->clearMessage();
            if (!status.ok()) {
                showError(status.error());
                emit backupFinished(false);
                return;
            }
            m_messageBar->showMessage(MessageBar::Kind::Positive,
                                      tr("Backed up the directory to %1.").arg(QDir::toNativeSeparators(path)));
            emit backupFinished(true);
        });
}

void MainWindow::showAbout() {
    MessageBoxes::about(this, tr("About Atrium"),
                        tr("<h3>Atrium %1</h3>"
                           "<p>Self-hosted B2B guest collaboration: invite people from partner organizations as "
                           "guest users and keep control over who may invite whom, which partners may come in and "
                           "how guests sign in.</p>"
                           "<p>Built with Qt %2.</p>")
                            .arg(QStringLiteral(ATRIUM_VERSION), QString::fromLatin1(qVersion())));
}

void MainWindow::showError(const core::Error &error) {
    if (error.code == core::ErrorCode::Conflict) {
        m_messageBar->showMessage(MessageBar::Kind::Warning, error.message, tr("Reload"), [this] { reload(); });
        return;
    }
    if (error.transient && m_session) {
        m_messageBar->showMessage(MessageBar::Kind::Error, error.message, tr("Try Again"), [this] { reload(); });
        return;
    }
    m_messageBar->showMessage(MessageBar::Kind::Error, error.message);
}

void MainWindow::closeEvent(QCloseEvent *event) {
    saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::restoreSettings() {
    const QSettings settings;
    if (!restoreGeometry(settings.value(kGeometryKey).toByteArray())) {
        resize(1180, 760);
    }
    restoreState(settings.value(kStateKey).toByteArray());
    const int pane = settings.value(kPaneKey, 0).toInt();
    m_navigation->setCurrentRow(pane >= 0 && pane < m_panes.size() ? pane : 0);
}

void MainWindow::saveSettings() const {
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kPaneKey, m_stack->currentIndex());
}

} // namespace atrium::ui
