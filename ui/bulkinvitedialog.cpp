#include "ui/bulkinvitedialog.h"

#include "models/bulkresultsmodel.h"
#include "models/dbexecutor.h"
#include "ui/messageboxes.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace atrium::ui {
namespace {
template <typename W> W *named(W *w, const QString &name, const QString &accessible) {
    w->setObjectName(name);
    w->setAccessibleName(accessible);
    return w;
}
} // namespace

BulkInviteDialog::BulkInviteDialog(models::DbExecutor *executor, models::SessionPtr session, QWidget *parent)
    : QDialog(parent), m_executor(executor), m_session(std::move(session)) {
    setObjectName(QStringLiteral("bulkInviteDialog"));
    setWindowTitle(tr("Bulk Invite Guests"));
    auto *fileRow = new QHBoxLayout;
    m_file = named(new QLineEdit(this), QStringLiteral("bulkFile"), tr("CSV file"));
    m_file->setPlaceholderText(tr("A CSV file in the bulk invite template format"));
    m_browse = named(new QPushButton(tr("Browse…"), this), QStringLiteral("bulkBrowse"), tr("Choose a CSV file"));
    m_template = named(new QPushButton(tr("Download Template…"), this), QStringLiteral("bulkTemplate"),
                       tr("Download the CSV template"));
    fileRow->addWidget(new QLabel(tr("File:"), this));
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(m_browse);
    fileRow->addWidget(m_template);

    auto *actions = new QHBoxLayout;
    m_validate = named(new QPushButton(tr("&Validate"), this), QStringLiteral("bulkValidate"),
                       tr("Validate the file without inviting anyone"));
    m_run = named(new QPushButton(tr("&Run"), this), QStringLiteral("bulkRun"), tr("Invite the guests of the file"));
    m_cancelButton = named(new QPushButton(tr("Cancel Run"), this), QStringLiteral("bulkCancel"), tr("Cancel the run"));
    m_progress = named(new QProgressBar(this), QStringLiteral("bulkProgress"), tr("Progress"));
    m_progress->setRange(0, 100);
    m_progress->setValue(0);
    actions->addWidget(m_validate);
    actions->addWidget(m_run);
    actions->addWidget(m_cancelButton);
    actions->addWidget(m_progress, 1);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("bulkSummary"));
    m_summary->setWordWrap(true);
    m_model = new models::BulkResultsModel(this);
    m_table = named(new QTableView(this), QStringLiteral("bulkResults"), tr("Results per row"));
    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6); // uniform rows
    // The problem text is what the operator reads: it takes the spare width, the rest keep theirs.
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(models::BulkResultsModel::MessageColumn, QHeaderView::Stretch);
    m_table->setColumnWidth(models::BulkResultsModel::RowColumn, 60);
    m_table->setColumnWidth(models::BulkResultsModel::EmailColumn, 220);
    m_table->setColumnWidth(models::BulkResultsModel::StatusColumn, 110);
    m_table->setColumnWidth(models::BulkResultsModel::UpnColumn, 300);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_download = named(buttons->addButton(tr("Download Results…"), QDialogButtonBox::ActionRole),
                       QStringLiteral("bulkDownload"), tr("Download the results as CSV"));
    buttons->button(QDialogButtonBox::Close)->setObjectName(QStringLiteral("closeButton"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(fileRow);
    layout->addLayout(actions);
    layout->addWidget(m_summary);
    layout->addWidget(m_table, 1);
    layout->addWidget(buttons);
    resize(1100, 560);

    connect(m_browse, &QPushButton::clicked, this, [this] {
        const QString f = MessageBoxes::openFileName(this, tr("Bulk Invite File"), {},
                                                     tr("CSV files (*.csv);;All files (*)"));
        if (!f.isEmpty()) {
            setFileName(f);
        }
    });
    connect(m_file, &QLineEdit::textChanged, this, [this] {
        m_validated = false;
        setRunning(false);
    });
    connect(m_template, &QPushButton::clicked, this, &BulkInviteDialog::downloadTemplate);
    connect(m_validate, &QPushButton::clicked, this, &BulkInviteDialog::validate);
    connect(m_run, &QPushButton::clicked, this, &BulkInviteDialog::runInvites);
    connect(m_cancelButton, &QPushButton::clicked, this, &BulkInviteDialog::cancel);
    connect(m_download, &QPushButton::clicked, this, &BulkInviteDialog::downloadResults);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setRunning(false);
}

BulkInviteDialog::~BulkInviteDialog() {
    // A run still going on the worker stops after its current batch; committed rows stay.
    m_cancel->store(true);
}

void BulkInviteDialog::setFileName(const QString &fileName) {
    m_file->setText(fileName);
}

void BulkInviteDialog::setRunning(bool running) {
    m_running = running;
    const bool hasFile = !m_file->text().trimmed().isEmpty();
    m_validate->setEnabled(!running && hasFile);
    // Validation first: the operator sees the per-row problems before anything is written.
    m_run->setEnabled(!running && hasFile && m_validated);
    m_run->setToolTip(m_validated ? QString() : tr("Validate the file first."));
    m_cancelButton->setEnabled(running);
    m_browse->setEnabled(!running);
    m_file->setEnabled(!running);
    m_download->setEnabled(!running && m_model->rowCount() > 0 && !m_model->summary().dryRun);
}

void BulkInviteDialog::validate() {
    start(true);
}

void BulkInviteDialog::runInvites() {
    start(false);
}

void BulkInviteDialog::cancel() {
    m_cancel->store(true);
    m_summary->setText(tr("Cancelling after the current batch…"));
}

void BulkInviteDialog::start(bool dryRun) {
    if (!m_session || !m_executor || m_running) {
        return;
    }
    const QString fileName = m_file->text().trimmed();
    m_cancel->store(false);
    m_progress->setValue(0);
    setRunning(true);
    m_summary->setText(dryRun ? tr("Validating…") : tr("Inviting…"));
    const core::ServiceContext ctx = m_session->context();
    const auto secrets = m_session->secrets;
    const auto cancelFlag = m_cancel;
    QPointer<BulkInviteDialog> self(this);
    m_executor->call<core::Result<core::BulkSummary>>(
        this,
        [ctx, secrets, fileName, dryRun, cancelFlag, self]() -> core::Result<core::BulkSummary> {
            QFile f(fileName);
            if (!f.open(QIODevice::ReadOnly)) {
                return core::Error::invalid(
                    QCoreApplication::translate("atrium::ui::BulkInviteDialog", "%1 could not be read: %2")
                        .arg(fileName, f.errorString()));
            }
            core::InvitationService service(ctx, secrets);
            core::BulkInviteRunner runner(service);
            core::BulkOptions options;
            options.dryRun = dryRun;
            options.cancel = cancelFlag.get();
            options.progress = [self, cancelFlag](int, int bytesRead, qint64 bytesTotal) {
                const int percent = bytesTotal > 0 ? int(qint64(bytesRead) * 100 / bytesTotal) : 0;
                // The worker reports; the GUI thread paints (the dialog may be gone by then).
                QMetaObject::invokeMethod(
                    self.data(),
                    [self, percent] {
                        if (self) {
                            self->m_progress->setValue(percent);
                        }
                    },
                    Qt::QueuedConnection);
                return !cancelFlag->load();
            };
            return runner.run(&f, QFileInfo(fileName).fileName(), options);
        },
        [this, dryRun](const core::Result<core::BulkSummary> &r) {
            setRunning(false);
            if (!r.ok()) {
                m_summary->setText(r.error().message);
                return;
            }
            m_model->setSummary(*r);
            m_progress->setValue(r->cancelled ? m_progress->value() : 100);
            if (dryRun) {
                m_validated = true;
                m_summary->setText(tr("Validation: %1 row(s), %2 with problems, %3 already invited. Nothing was "
                                      "written.")
                                       .arg(r->total)
                                       .arg(r->failed)
                                       .arg(r->alreadyInvited));
            } else if (r->cancelled) {
                // The runner stops between batches without reading the rest of the file, so the summary
                // holds only the rows that ran: say where it stopped rather than count what was left.
                const int lastLine = r->rows.isEmpty() ? 0 : r->rows.constLast().row;
                m_summary->setText(tr("Cancelled after line %1. %2 guest(s) were invited and stay invited (%3 already "
                                      "invited, %4 failed); the lines after %1 were not run. Running the same file "
                                      "again finishes the job without duplicates.")
                                       .arg(lastLine)
                                       .arg(r->succeeded)
                                       .arg(r->alreadyInvited)
                                       .arg(r->failed));
            } else {
                m_summary->setText(tr("Done: %1 invited, %2 already invited, %3 failed of %4 row(s).")
                                       .arg(r->succeeded)
                                       .arg(r->alreadyInvited)
                                       .arg(r->failed)
                                       .arg(r->total));
            }
            setRunning(false);
            emit finished(dryRun);
        });
}

void BulkInviteDialog::downloadResults() {
    const QString f = MessageBoxes::saveFileName(this, tr("Download Results"), QStringLiteral("bulk-invite-results.csv"),
                                                 tr("CSV files (*.csv)"));
    if (f.isEmpty()) {
        return;
    }
    QFile out(f);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
        MessageBoxes::warning(this, tr("Download Results"), tr("%1 could not be written: %2").arg(f, out.errorString()));
        return;
    }
    if (core::Status s = core::writeBulkResults(&out, m_model->summary()); !s.ok()) {
        MessageBoxes::warning(this, tr("Download Results"), s.error().message);
    }
}

void BulkInviteDialog::downloadTemplate() {
    const QString f = MessageBoxes::saveFileName(this, tr("Download Template"), QStringLiteral("bulk-invite-template.csv"),
                                                 tr("CSV files (*.csv)"));
    if (f.isEmpty()) {
        return;
    }
    QFile in(QStringLiteral(":/samples/bulk-invite-template.csv"));
    QFile out(f);
    if (!in.open(QIODevice::ReadOnly) || !out.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        out.write(in.readAll()) < 0) {
        MessageBoxes::warning(this, tr("Download Template"), tr("%1 could not be written: %2").arg(f, out.errorString()));
    }
}

} // namespace atrium::ui
