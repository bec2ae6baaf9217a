#pragma once

#include "core/base/clock.h"
#include "core/base/result.h"
#include "core/storage/connectioninfo.h"
#include "models/directorysession.h"
#include "ui/capabilities.h"
#include "ui/panes.h"

#include <QMainWindow>
#include <functional>
#include <optional>
#include <memory>

class QAction;
class QLabel;
class QListWidget;
class QProgressBar;
class QStackedWidget;

namespace atrium::models {
class DbExecutor;
}

namespace atrium::ui {

class MessageBar;
class Pane;

// The console shell: navigation sidebar, one pane per area, inline message bar, status bar with
// directory, engine and operator. Every database call goes through the DbExecutor.
class MainWindow final : public QMainWindow {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)
public:
    MainWindow(models::DbExecutor *executor, std::shared_ptr<const core::Clock> clock, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Start-up: opens the directory at info; when there is none, offers the welcome dialog. With
    // loadSample, a missing directory is created as the sample directory instead.
    void startUp(const core::ConnectionInfo &info, bool loadSample);
    void openDirectory(const core::ConnectionInfo &info);
    void openSampleDirectory(const core::ConnectionInfo &info);
    // Shows an already opened directory (the window takes care of its worker connection).
    void setSession(models::SessionPtr session);
    models::SessionPtr session() const { return m_session; }
    bool isOpening() const { return m_opening; }

    void showPane(PaneId id);
    PaneId currentPane() const;
    Pane *pane(PaneId id) const;
    MessageBar *messageBar() const { return m_messageBar; }

    // What panes enable: the operator's own capabilities, or the previewed role's (View ▸ View as
    // role). Service calls always use the session's real operator.
    const Capabilities &capabilities() const { return m_capabilities; }
    // nullopt ends the preview. Application owner and member previews have no Role: use the
    // Capabilities overload.
    void previewRole(std::optional<core::Role> role);
    void previewCapabilities(const Capabilities &preview);
    void endPreview();

    void reload();
    void newDirectory(const QString &location = {});
    void openDirectoryFile();
    void connectPostgres();
    void backupDirectory();
    void showAbout();

signals:
    void sessionChanged();
    void openFailed(const atrium::core::Error &error);
    void backupFinished(bool ok);
    void capabilitiesChanged();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void buildStatusBar();
    void updateStatusBar();
    void updateActions();
    void setOpening(bool opening, const QString &what = {});
    void open(std::function<core::Result<models::SessionPtr>()> work, const QString &what);
    void offerWelcome(const core::ConnectionInfo &info);
    void showError(const core::Error &error);
    void restoreSettings();
    void saveSettings() const;
    void applyCapabilities();

    models::DbExecutor *m_executor = nullptr;
    std::shared_ptr<const core::Clock> m_clock;
    models::SessionPtr m_session;
    quint64 m_openGeneration = 0; // a later open wins over an earlier one still running
    bool m_opening = false;

    QListWidget *m_navigation = nullptr;
    QStackedWidget *m_stack = nullptr;
    MessageBar *m_messageBar = nullptr;
    QList<Pane *> m_panes;

    QLabel *m_directoryStatus = nullptr;
    QLabel *m_engineStatus = nullptr;
    QLabel *m_operatorStatus = nullptr;
    QProgressBar *m_openingIndicator = nullptr;

    QAction *m_backupAction = nullptr;
    QAction *m_reloadAction = nullptr;
    QAction *m_endPreviewAction = nullptr;
    QLabel *m_previewBanner = nullptr;
    Capabilities m_capabilities;
    std::optional<Capabilities> m_preview;
};

} // namespace atrium::ui
