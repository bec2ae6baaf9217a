#include "ui/messageboxes.h"

#include "ui/uilogging.h"

#include <QFileDialog>
#include <QQueue>
#include <optional>

namespace atrium::ui {
namespace {
struct SeamState {
    QQueue<QMessageBox::StandardButton> answers;
    QQueue<QString> fileNames;
    bool nonInteractive = false;
    QString lastText;
    int count = 0;
};

SeamState &seam() {
    static SeamState s;
    return s;
}

// Records the message; returns the prepared answer when a test gave one.
std::optional<QMessageBox::StandardButton> prepared(const QString &text) {
    SeamState &s = seam();
    s.lastText = text;
    ++s.count;
    qCDebug(lcUi) << "message:" << text;
    if (!s.answers.isEmpty()) {
        return s.answers.dequeue();
    }
    return std::nullopt;
}

void notice(QMessageBox::Icon icon, QWidget *parent, const QString &title, const QString &text) {
    if (prepared(text) || seam().nonInteractive) {
        return;
    }
    QMessageBox box(icon, title, text, QMessageBox::Ok, parent);
    box.setObjectName(QStringLiteral("messageBox"));
    box.exec();
}
} // namespace

QMessageBox::StandardButton MessageBoxes::question(QWidget *parent, const QString &title, const QString &text,
                                                   QMessageBox::StandardButtons buttons,
                                                   QMessageBox::StandardButton defaultButton) {
    if (auto answer = prepared(text)) {
        return *answer;
    }
    if (seam().nonInteractive) {
        return defaultButton;
    }
    QMessageBox box(QMessageBox::Question, title, text, buttons, parent);
    box.setObjectName(QStringLiteral("questionBox"));
    box.setDefaultButton(defaultButton);
    return static_cast<QMessageBox::StandardButton>(box.exec());
}

void MessageBoxes::information(QWidget *parent, const QString &title, const QString &text) {
    notice(QMessageBox::Information, parent, title, text);
}

void MessageBoxes::warning(QWidget *parent, const QString &title, const QString &text) {
    notice(QMessageBox::Warning, parent, title, text);
}

void MessageBoxes::critical(QWidget *parent, const QString &title, const QString &text) {
    notice(QMessageBox::Critical, parent, title, text);
}

void MessageBoxes::about(QWidget *parent, const QString &title, const QString &text) {
    if (prepared(text) || seam().nonInteractive) {
        return;
    }
    QMessageBox::about(parent, title, text);
}

QString MessageBoxes::saveFileName(QWidget *parent, const QString &caption, const QString &suggestion,
                                   const QString &filter) {
    SeamState &s = seam();
    s.lastText = caption;
    ++s.count;
    if (!s.fileNames.isEmpty()) {
        return s.fileNames.dequeue();
    }
    if (s.nonInteractive) {
        return {};
    }
    return QFileDialog::getSaveFileName(parent, caption, suggestion, filter);
}

QString MessageBoxes::openFileName(QWidget *parent, const QString &caption, const QString &dir, const QString &filter) {
    SeamState &s = seam();
    s.lastText = caption;
    ++s.count;
    if (!s.fileNames.isEmpty()) {
        return s.fileNames.dequeue();
    }
    if (s.nonInteractive) {
        return {};
    }
    return QFileDialog::getOpenFileName(parent, caption, dir, filter);
}

void MessageBoxes::setNextAnswer(QMessageBox::StandardButton answer) {
    seam().answers.enqueue(answer);
}

void MessageBoxes::setNextFileName(const QString &fileName) {
    seam().fileNames.enqueue(fileName);
}

void MessageBoxes::setNonInteractive(bool on) {
    seam().nonInteractive = on;
}

QString MessageBoxes::lastText() {
    return seam().lastText;
}

int MessageBoxes::messageCount() {
    return seam().count;
}

void MessageBoxes::reset() {
    seam() = SeamState{};
}

} // namespace atrium::ui
