// atrium: the desktop console. Thin on purpose: parse the arguments, load the translation, build the
// database worker, show MainWindow. Everything else lives in ui/, models/ and app/core.
#include "core/base/clock.h"
#include "core/storage/connectioninfo.h"
#include "models/dbexecutor.h"
#include "ui/mainwindow.h"
#include "ui/messageboxes.h"
#include "ui/panes.h"
#include "ui/resources.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <optional>

namespace {

void loadTranslations(QApplication &app) {
    const QLocale locale;
    // The .qm files are embedded under :/i18n by qt_add_translations.
    auto *atrium = new QTranslator(&app);
    if (atrium->load(locale, QStringLiteral("atrium"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(atrium);
    }
    // Qt's own strings (standard buttons, file dialogs) when the distribution ships them.
    auto *qt = new QTranslator(&app);
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        QCoreApplication::installTranslator(qt);
    }
}

int fatal(const QString &message) {
    QTextStream(stderr) << "atrium: " << message << Qt::endl;
    atrium::ui::MessageBoxes::critical(nullptr, QCoreApplication::translate("atrium::console", "Atrium Cannot Start"),
                                       message);
    return 2;
}
} // namespace

int main(int argc, char *argv[]) {
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Atrium"));
    QCoreApplication::setApplicationName(QStringLiteral("atrium"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATRIUM_VERSION));
    QGuiApplication::setApplicationDisplayName(QStringLiteral("Atrium"));
    QGuiApplication::setDesktopFileName(QStringLiteral("atrium"));
    atrium::ui::initResources();
    loadTranslations(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("atrium::console", "Atrium console: B2B guest collaboration for your directory."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate(
            "atrium::console",
            "The directory to open: sqlite:PATH or postgresql://user@host:port/dbname (default: %1).")
            .arg(QStringLiteral("sqlite:") + atrium::core::defaultDirectoryPath()),
        QCoreApplication::translate("atrium::console", "URL"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QCoreApplication::translate(
            "atrium::console",
            "When the directory does not exist yet, create it as the sample directory \"Fabrikam\"; then open it."));
    const QCommandLineOption paneOption(
        QStringLiteral("pane"),
        QCoreApplication::translate("atrium::console",
                                    "Open on this pane: overview, guestUsers, invitations, externalCollaboration, "
                                    "crossTenantAccess, identityProviders or auditLog."),
        QCoreApplication::translate("atrium::console", "PANE"));
    parser.addOption(dbOption);
    parser.addOption(demoOption);
    parser.addOption(paneOption);
    parser.process(app);
    std::optional<atrium::ui::PaneId> startPane;
    if (parser.isSet(paneOption)) {
        for (const atrium::ui::PaneInfo &p : atrium::ui::paneInfos()) {
            if (p.objectName.compare(parser.value(paneOption) + QStringLiteral("Pane"), Qt::CaseInsensitive) == 0) {
                startPane = p.id;
            }
        }
        if (!startPane) {
            return fatal(QCoreApplication::translate("atrium::console", "Unknown pane \"%1\"; see atrium --help.")
                             .arg(parser.value(paneOption)));
        }
    }
    if (!parser.positionalArguments().isEmpty()) {
        return fatal(QCoreApplication::translate("atrium::console", "Unexpected argument \"%1\"; see atrium --help.")
                         .arg(parser.positionalArguments().first()));
    }

    const QString url = parser.isSet(dbOption) ? parser.value(dbOption)
                                               : QStringLiteral("sqlite:") + atrium::core::defaultDirectoryPath();
    const auto info = atrium::core::ConnectionInfo::parse(url);
    if (!info.ok()) {
        return fatal(info.error().message);
    }

    // Declared before the window so that it outlives it: the worker releases its connections last.
    atrium::models::DbExecutor executor;
    atrium::ui::MainWindow window(&executor, std::make_shared<atrium::core::SystemClock>());
    window.show();
    window.startUp(*info, parser.isSet(demoOption));
    if (startPane) {
        window.showPane(*startPane);
    }
    return QApplication::exec();
}
