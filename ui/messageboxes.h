#pragma once

#include <QMessageBox>
#include <QString>

class QWidget;

namespace atrium::ui {

// Every question, notice and file chooser of the console goes through here, so that GUI tests can
// give the next answer in advance instead of a modal dialog blocking them.
class MessageBoxes final {
public:
    MessageBoxes() = delete;

    static QMessageBox::StandardButton question(QWidget *parent, const QString &title, const QString &text,
                                                QMessageBox::StandardButtons buttons = QMessageBox::Yes |
                                                                                       QMessageBox::No,
                                                QMessageBox::StandardButton defaultButton = QMessageBox::No);
    static void information(QWidget *parent, const QString &title, const QString &text);
    static void warning(QWidget *parent, const QString &title, const QString &text);
    static void critical(QWidget *parent, const QString &title, const QString &text);
    static void about(QWidget *parent, const QString &title, const QString &text);
    // An empty string means the operator cancelled.
    static QString saveFileName(QWidget *parent, const QString &caption, const QString &suggestion,
                                const QString &filter);
    static QString openFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter);

    // Test seam: the next call answers with this instead of showing anything.
    static void setNextAnswer(QMessageBox::StandardButton answer);
    static void setNextFileName(const QString &fileName);
    // Test seam: never show a dialog; questions get their default button, file choosers cancel.
    static void setNonInteractive(bool on);
    // The text of the last message, question or file chooser caption (shown or answered).
    static QString lastText();
    static int messageCount();
    static void reset();
};

} // namespace atrium::ui
