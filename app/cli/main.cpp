#include "cli.h"

#include <QCoreApplication>

int main(int argc, char *argv[]) {
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("atriumctl"));
    QCoreApplication::setOrganizationName(QStringLiteral("Atrium"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ATRIUM_VERSION));
    return atrium::cli::run(QCoreApplication::arguments());
}
