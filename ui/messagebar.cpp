#include "ui/messagebar.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>

namespace atrium::ui {

MessageBar::MessageBar(QWidget *parent) : QFrame(parent) {
    setObjectName(QStringLiteral("messageBar"));
    setAccessibleName(tr("Message"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);

    m_icon = new QLabel(this);
    m_icon->setObjectName(QStringLiteral("messageBarIcon"));
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("messageBarText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    m_action = new QPushButton(this);
    m_action->setObjectName(QStringLiteral("messageBarAction"));
    m_close = new QToolButton(this);
    m_close->setObjectName(QStringLiteral("messageBarClose"));
    m_close->setAccessibleName(tr("Close message"));
    m_close->setToolTip(tr("Close message"));
    m_close->setAutoRaise(true);
    m_close->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_action);
    layout->addWidget(m_close, 0, Qt::AlignTop);

    connect(m_close, &QToolButton::clicked, this, &MessageBar::dismiss);
    connect(m_action, &QPushButton::clicked, this, [this] {
        // Copy first: the action may show another message and replace the callback.
        const auto callback = m_callback;
        dismiss();
        if (callback) {
            callback();
        }
    });
    hide();
}

void MessageBar::showMessage(Kind kind, const QString &text, const QString &actionText, std::function<void()> action) {
    m_kind = kind;
    m_text->setText(text);
    m_text->setAccessibleName(text);
    m_callback = std::move(action);
    m_action->setText(actionText);
    m_action->setAccessibleName(actionText);
    m_action->setVisible(!actionText.isEmpty() && m_callback);

    QStyle::StandardPixmap pixmap = QStyle::SP_MessageBoxInformation;
    QColor background(0xe3, 0xf0, 0xfb);
    QColor border(0x7a, 0xa7, 0xd6);
    switch (kind) {
    case Kind::Information:
        break;
    case Kind::Positive:
        background = QColor(0xe4, 0xf4, 0xe1);
        border = QColor(0x7c, 0xb8, 0x6f);
        break;
    case Kind::Warning:
        pixmap = QStyle::SP_MessageBoxWarning;
        background = QColor(0xfd, 0xf3, 0xd8);
        border = QColor(0xd8, 0xb0, 0x4c);
        break;
    case Kind::Error:
        pixmap = QStyle::SP_MessageBoxCritical;
        background = QColor(0xfb, 0xe3, 0xe1);
        border = QColor(0xd6, 0x7a, 0x72);
        break;
    }
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(pixmap).pixmap(size, size));
    setStyleSheet(QStringLiteral("#messageBar { background: %1; border: 1px solid %2; border-radius: 4px; }"
                                 "#messageBar QLabel { color: #202020; }")
                      .arg(background.name(), border.name()));
    show();
}

void MessageBar::dismiss() {
    m_callback = {};
    hide();
}

QString MessageBar::text() const {
    return m_text->text();
}

} // namespace atrium::ui
