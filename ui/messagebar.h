#pragma once

#include <QFrame>
#include <functional>

class QLabel;
class QPushButton;
class QToolButton;

namespace atrium::ui {

// The inline bar above the panes for recoverable errors and results ("changed by someone else —
// reload"), as KeePassXC's MessageWidget does: nothing modal, one optional action.
class MessageBar final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageBar)
public:
    enum class Kind { Information, Positive, Warning, Error };

    explicit MessageBar(QWidget *parent = nullptr);

    void showMessage(Kind kind, const QString &text, const QString &actionText = {}, std::function<void()> action = {});
    void dismiss();

    Kind kind() const { return m_kind; }
    QString text() const;

private:
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    QPushButton *m_action = nullptr;
    QToolButton *m_close = nullptr;
    std::function<void()> m_callback;
    Kind m_kind = Kind::Information;
};

} // namespace atrium::ui
