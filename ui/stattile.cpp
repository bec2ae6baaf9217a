#include "ui/stattile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace atrium::ui {

StatTile::StatTile(const QString &name, const QString &caption, QWidget *parent) : QFrame(parent) {
    setObjectName(name + QStringLiteral("Tile"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(170);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);

    m_value = new QLabel(QStringLiteral("–"), this);
    m_value->setObjectName(name + QStringLiteral("Value"));
    QFont big = m_value->font();
    big.setPointSizeF(big.pointSizeF() * 2.0);
    big.setBold(true);
    m_value->setFont(big);

    m_caption = new QLabel(caption, this);
    m_caption->setObjectName(name + QStringLiteral("Caption"));
    m_caption->setWordWrap(true);

    m_note = new QLabel(this);
    m_note->setObjectName(name + QStringLiteral("Note"));
    m_note->setWordWrap(true);
    m_note->setStyleSheet(QStringLiteral("color: #5f6368;"));
    m_note->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 12);
    layout->setSpacing(2);
    layout->addWidget(m_value);
    layout->addWidget(m_caption);
    layout->addWidget(m_note);
    setAccessibleName(caption);
}

void StatTile::setValue(const QString &value) {
    m_value->setText(value);
    m_value->setAccessibleName(m_caption->text() + QStringLiteral(": ") + value);
}

void StatTile::setNote(const QString &note) {
    m_note->setText(note);
    m_note->setVisible(!note.isEmpty());
}

QString StatTile::value() const {
    return m_value->text();
}

} // namespace atrium::ui
