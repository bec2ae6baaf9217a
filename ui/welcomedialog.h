#pragma once

#include <QDialog>
#include <memory>

namespace Ui {
class WelcomeDialog;
}

namespace atrium::ui {

// Shown at the first start, when the default directory does not exist yet.
class WelcomeDialog final : public QDialog {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WelcomeDialog)
public:
    enum class Choice { None, CreateNew, LoadSample, OpenOther };

    explicit WelcomeDialog(const QString &location, QWidget *parent = nullptr);
    ~WelcomeDialog() override;

    Choice choice() const { return m_choice; }

private:
    void choose(Choice choice);

    std::unique_ptr<Ui::WelcomeDialog> m_ui;
    Choice m_choice = Choice::None;
};

} // namespace atrium::ui
