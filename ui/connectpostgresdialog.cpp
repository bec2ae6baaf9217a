#include "ui/connectpostgresdialog.h"

#include "models/dbexecutor.h"
#include "ui/messageboxes.h"
#include "ui_connectpostgresdialog.h"

#include <QPushButton>

namespace atrium::ui {

ConnectPostgresDialog::ConnectPostgresDialog(models::DbExecutor *executor, std::shared_ptr<const core::Clock> clock,
                                             QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::ConnectPostgresDialog>()), m_executor(executor),
      m_clock(std::move(clock)) {
    m_ui->setupUi(this);
    QPushButton *ok = m_ui->buttonBox->button(QDialogButtonBox::Ok);
    ok->setText(tr("C&onnect"));
    ok->setObjectName(QStringLiteral("connectButton"));
    ok->setAccessibleName(tr("Connect"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    m_ui->generalError->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_ui->generalError->hide();
    m_ui->passwordHint->setStyleSheet(QStringLiteral("color: #5f6368;"));
    m_ui->busyIndicator->hide();
    m_ui->userEdit->setText(qEnvironmentVariable("PGUSER", qEnvironmentVariable("USER")));
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &ConnectPostgresDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ConnectPostgresDialog::reject);
}

ConnectPostgresDialog::~ConnectPostgresDialog() = default;

void ConnectPostgresDialog::setConnection(const core::ConnectionInfo &info) {
    m_ui->hostEdit->setText(info.host);
    m_ui->portSpinBox->setValue(info.port);
    m_ui->databaseEdit->setText(info.database);
    m_ui->userEdit->setText(info.user);
}

core::ConnectionInfo ConnectPostgresDialog::connection() const {
    core::ConnectionInfo info;
    info.engine = core::Engine::Postgres;
    info.host = m_ui->hostEdit->text().trimmed();
    info.port = m_ui->portSpinBox->value();
    info.database = m_ui->databaseEdit->text().trimmed();
    info.user = m_ui->userEdit->text().trimmed();
    info.password = m_ui->passwordEdit->text();
    return info;
}

void ConnectPostgresDialog::accept() {
    if (m_busy) {
        return;
    }
    const core::ConnectionInfo info = connection();
    if (info.host.isEmpty()) {
        showError(tr("Enter the server's host name."));
        m_ui->hostEdit->setFocus();
        return;
    }
    if (info.database.isEmpty()) {
        showError(tr("Enter the name of the database that holds the directory."));
        m_ui->databaseEdit->setFocus();
        return;
    }
    showError({});
    setBusy(true);
    const auto clock = m_clock;
    m_executor->call<core::Result<models::SessionPtr>>(
        this, [info, clock] { return models::DirectorySession::open(info, clock); },
        [this, info](const core::Result<models::SessionPtr> &result) {
            setBusy(false);
            if (result.ok()) {
                m_session = *result;
                m_executor->registerDatabase(m_session->database);
                emit connectFinished(true);
                QDialog::accept();
                return;
            }
            emit connectFinished(false);
            if (result.error().code == core::ErrorCode::NotFound) {
                const auto answer = MessageBoxes::question(
                    this, tr("No Directory Yet"),
                    tr("The database %1 holds no directory yet. Create one there?").arg(info.displayName()),
                    QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
                if (answer == QMessageBox::Yes) {
                    m_wantsNewDirectory = true;
                    QDialog::accept();
                }
                return;
            }
            showError(result.error().message);
        });
}

void ConnectPostgresDialog::reject() {
    if (m_busy) {
        return; // the attempt ends with the server's connect timeout
    }
    QDialog::reject();
}

void ConnectPostgresDialog::setBusy(bool busy) {
    m_busy = busy;
    m_ui->busyIndicator->setVisible(busy);
    m_ui->buttonBox->setEnabled(!busy);
}

void ConnectPostgresDialog::showError(const QString &text) {
    m_ui->generalError->setText(text);
    m_ui->generalError->setAccessibleName(text);
    m_ui->generalError->setVisible(!text.isEmpty());
}

} // namespace atrium::ui
