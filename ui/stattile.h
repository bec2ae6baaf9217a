#pragma once

#include <QFrame>

class QLabel;

namespace atrium::ui {

// One figure of the overview: a large number with its caption and an optional note below.
class StatTile final : public QFrame {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StatTile)
public:
    // The value label is named "<name>Value" so tests and screen readers find it.
    StatTile(const QString &name, const QString &caption, QWidget *parent = nullptr);

    void setValue(const QString &value);
    void setNote(const QString &note);
    QString value() const;

private:
    QLabel *m_value = nullptr;
    QLabel *m_caption = nullptr;
    QLabel *m_note = nullptr;
};

} // namespace atrium::ui
