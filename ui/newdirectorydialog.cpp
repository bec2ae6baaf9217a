#include "ui/newdirectorydialog.h"

#include "models/dbexecutor.h"
#include "ui/messageboxes.h"
#include "ui_newdirectorydialog.h"

#include <QDir>
#include <QFileInfo>
#include <QPushButton>

namespace atrium::ui {
namespace {
void setErrorText(QLabel *label, const QString &text) {
    label->setText(text);
    label->setAccessibleName(text);
    label->setVisible(!text.isEmpty());
}
} // namespace

NewDirectoryDialog::NewDirectoryDialog(models::DbExecutor *executor, std::shared_ptr<const core::Clock> clock,
                                       QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::NewDirectoryDialog>()), m_executor(executor),
      m_clock(std::move(clock)) {
    m_ui->setupUi(this);
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setText(tr("&Create"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("createButton"));
    m_ui->buttonBox->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Create the directory"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_ui->buttonBox->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    for (QLabel *label : {m_ui->locationError, m_ui->displayNameError, m_ui->domainError, m_ui->generalError}) {
        label->setStyleSheet(QStringLiteral("color: #b3261e;"));
        label->hide();
    }
    m_ui->domainHint->setStyleSheet(QStringLiteral("color: #5f6368;"));
    m_ui->busyIndicator->hide();
    m_ui->locationEdit->setText(QDir::toNativeSeparators(core::defaultDirectoryPath()));
    connect(m_ui->browseButton, &QPushButton::clicked, this, &NewDirectoryDialog::browse);
    connect(m_ui->buttonBox, &QDialogButtonBox::accepted, this, &NewDirectoryDialog::accept);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &NewDirectoryDialog::reject);
    m_ui->displayNameEdit->setFocus();
}

NewDirectoryDialog::~NewDirectoryDialog() = default;

void NewDirectoryDialog::setLocation(const QString &path) {
    m_fixedConnection.reset();
    m_ui->locationEdit->setReadOnly(false);
    m_ui->browseButton->setEnabled(true);
    m_ui->locationEdit->setText(QDir::toNativeSeparators(path));
}

void NewDirectoryDialog::setConnection(const core::ConnectionInfo &info) {
    m_fixedConnection = info;
    m_ui->locationEdit->setText(info.engineName() + QStringLiteral(" ") + info.displayName());
    m_ui->locationEdit->setReadOnly(true);
    m_ui->browseButton->setEnabled(false);
}

void NewDirectoryDialog::browse() {
    const QString path = MessageBoxes::saveFileName(this, tr("Location of the New Directory"),
                                                    QDir::fromNativeSeparators(m_ui->locationEdit->text()),
                                                    tr("Atrium directories (*.sqlite);;All files (*)"));
    if (!path.isEmpty()) {
        m_ui->locationEdit->setText(QDir::toNativeSeparators(path));
    }
}

std::optional<core::ConnectionInfo> NewDirectoryDialog::target() {
    if (m_fixedConnection) {
        return m_fixedConnection;
    }
    const QString path = QDir::fromNativeSeparators(m_ui->locationEdit->text().trimmed());
    if (path.isEmpty()) {
        setErrorText(m_ui->locationError, tr("Choose where the directory file is stored."));
        return std::nullopt;
    }
    if (QFileInfo(path).isDir()) {
        setErrorText(m_ui->locationError, tr("This is a folder; enter a file name such as directory.sqlite."));
        return std::nullopt;
    }
    core::ConnectionInfo info;
    info.engine = core::Engine::Sqlite;
    info.path = QFileInfo(path).absoluteFilePath();
    return info;
}

void NewDirectoryDialog::accept() {
    if (m_busy) {
        return;
    }
    clearErrors();
    const auto info = target();
    if (!info) {
        m_ui->locationEdit->setFocus();
        return;
    }
    core::NewDirectory spec;
    spec.displayName = m_ui->displayNameEdit->text().trimmed();
    spec.initialDomain = m_ui->domainEdit->text().trimmed();
    setBusy(true);
    const auto clock = m_clock;
    m_executor->call<core::Result<models::SessionPtr>>(
        this, [info = *info, spec, clock] { return models::DirectorySession::create(info, spec, clock); },
        [this](const core::Result<models::SessionPtr> &result) {
            setBusy(false);
            if (!result.ok()) {
                showError(result.error());
                emit creationFinished(false);
                return;
            }
            m_session = *result;
            m_executor->registerDatabase(m_session->database);
            emit creationFinished(true);
            QDialog::accept();
        });
}

void NewDirectoryDialog::reject() {
    if (m_busy) {
        return; // the creation is one transaction; it finishes (or rolls back) in a moment
    }
    QDialog::reject();
}

void NewDirectoryDialog::clearErrors() {
    for (QLabel *label : {m_ui->locationError, m_ui->displayNameError, m_ui->domainError, m_ui->generalError}) {
        setErrorText(label, {});
    }
}

void NewDirectoryDialog::showError(const core::Error &error) {
    // DirectoryService names the field it refuses ("name", "domain"); anything else is about the
    // place (existing directory, unwritable folder, network file system) or the database.
    if (error.field == QLatin1String("name")) {
        setErrorText(m_ui->displayNameError, error.message);
        m_ui->displayNameEdit->setFocus();
        m_ui->displayNameEdit->selectAll();
    } else if (error.field == QLatin1String("domain")) {
        setErrorText(m_ui->domainError, error.message);
        m_ui->domainEdit->setFocus();
        m_ui->domainEdit->selectAll();
    } else if (!m_fixedConnection &&
               (error.code == core::ErrorCode::AlreadyExists || error.code == core::ErrorCode::Unsupported)) {
        setErrorText(m_ui->locationError, error.message);
        m_ui->locationEdit->setFocus();
    } else {
        setErrorText(m_ui->generalError, error.message);
    }
}

void NewDirectoryDialog::setBusy(bool busy) {
    m_busy = busy;
    m_ui->busyIndicator->setVisible(busy);
    for (QWidget *w : {static_cast<QWidget *>(m_ui->locationEdit), static_cast<QWidget *>(m_ui->displayNameEdit),
                       static_cast<QWidget *>(m_ui->domainEdit), static_cast<QWidget *>(m_ui->buttonBox)}) {
        w->setEnabled(!busy);
    }
    m_ui->browseButton->setEnabled(!busy && !m_fixedConnection);
}

} // namespace atrium::ui
