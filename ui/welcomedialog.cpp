#include "ui/welcomedialog.h"

#include "ui_welcomedialog.h"

#include <QPushButton>

namespace atrium::ui {

WelcomeDialog::WelcomeDialog(const QString &location, QWidget *parent)
    : QDialog(parent), m_ui(std::make_unique<Ui::WelcomeDialog>()) {
    m_ui->setupUi(this);
    QFont big = m_ui->titleLabel->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_ui->titleLabel->setFont(big);
    m_ui->locationLabel->setText(tr("Location: %1").arg(location));
    m_ui->locationLabel->setStyleSheet(QStringLiteral("color: #5f6368;"));
    QPushButton *close = m_ui->buttonBox->button(QDialogButtonBox::Close);
    close->setText(tr("&Not Now"));
    close->setObjectName(QStringLiteral("notNowButton"));
    close->setAccessibleName(tr("Not now"));
    connect(m_ui->createButton, &QPushButton::clicked, this, [this] { choose(Choice::CreateNew); });
    connect(m_ui->sampleButton, &QPushButton::clicked, this, [this] { choose(Choice::LoadSample); });
    connect(m_ui->openButton, &QPushButton::clicked, this, [this] { choose(Choice::OpenOther); });
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &WelcomeDialog::reject);
    // Command link descriptions do not wrap well; give them room for the longer translations.
    setMinimumWidth(660);
    m_ui->createButton->setFocus();
}

WelcomeDialog::~WelcomeDialog() = default;

void WelcomeDialog::choose(Choice choice) {
    m_choice = choice;
    accept();
}

} // namespace atrium::ui
