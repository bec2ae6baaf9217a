#include "ui/emptystatepane.h"

#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace atrium::ui {

EmptyStatePane::EmptyStatePane(const QString &title, const QString &iconPath, const QString &headline,
                               const QString &details, QWidget *parent)
    : Pane(nullptr, parent) {
    setAccessibleName(title);

    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("paneTitle"));
    QFont big = heading->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    heading->setFont(big);

    m_directory = new QLabel(this);
    m_directory->setObjectName(QStringLiteral("paneDirectory"));
    m_directory->setStyleSheet(QStringLiteral("color: #5f6368;"));

    auto *icon = new QLabel(this);
    icon->setObjectName(QStringLiteral("emptyStateIcon"));
    icon->setPixmap(QIcon(iconPath).pixmap(96, 96));
    icon->setAlignment(Qt::AlignCenter);
    icon->setEnabled(false); // the disabled rendering greys it out: nothing to act on here yet

    m_headline = new QLabel(headline, this);
    m_headline->setObjectName(QStringLiteral("emptyStateHeadline"));
    m_headline->setAccessibleName(headline);
    m_headline->setAlignment(Qt::AlignCenter);
    m_headline->setWordWrap(true);
    QFont medium = m_headline->font();
    medium.setPointSizeF(medium.pointSizeF() * 1.25);
    m_headline->setFont(medium);

    auto *text = new QLabel(details, this);
    text->setObjectName(QStringLiteral("emptyStateDetails"));
    text->setAccessibleName(details);
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    text->setMinimumWidth(480);
    text->setMaximumWidth(600);
    text->setTextFormat(Qt::PlainText);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->addWidget(heading);
    layout->addWidget(m_directory);
    layout->addStretch(2);
    layout->addWidget(icon);
    layout->addSpacing(12);
    layout->addWidget(m_headline);
    layout->addSpacing(6);
    // Centred through stretches, not an alignment flag: an aligned item loses height-for-width and
    // the wrapped text would be clipped.
    auto *centred = new QHBoxLayout;
    centred->addStretch(1);
    centred->addWidget(text, 3);
    centred->addStretch(1);
    layout->addLayout(centred);
    layout->addStretch(3);
}

void EmptyStatePane::setSession(models::SessionPtr session) {
    m_directory->setText(session
                             ? session->directory.displayName + QStringLiteral(" · ") + session->directory.initialDomain
                             : tr("No directory is open."));
}

QString EmptyStatePane::headline() const {
    return m_headline->text();
}

} // namespace atrium::ui
