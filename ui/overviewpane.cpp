#include "ui/overviewpane.h"

#include "models/dbexecutor.h"
#include "ui/stattile.h"

#include <QGridLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

namespace atrium::ui {

OverviewPane::OverviewPane(models::DbExecutor *executor, QWidget *parent) : Pane(executor, parent) {
    setAccessibleName(tr("Overview"));

    m_title = new QLabel(tr("Overview"), this);
    m_title->setObjectName(QStringLiteral("overviewTitle"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_title->setFont(big);

    m_subtitle = new QLabel(this);
    m_subtitle->setObjectName(QStringLiteral("overviewSubtitle"));
    m_subtitle->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("overviewBusy"));
    m_busy->setAccessibleName(tr("Loading the overview"));
    m_busy->setRange(0, 0); // indeterminate
    m_busy->setTextVisible(false);
    m_busy->setMaximumHeight(6);
    m_busy->setVisible(false);

    m_emptyText = new QLabel(tr("No directory is open. Create one with File ▸ New directory, open one with "
                                "File ▸ Open directory, or connect to a shared directory on PostgreSQL."),
                             this);
    m_emptyText->setObjectName(QStringLiteral("overviewNoDirectory"));
    m_emptyText->setWordWrap(true);

    m_tiles = new QWidget(this);
    m_tiles->setObjectName(QStringLiteral("overviewTiles"));
    auto *grid = new QGridLayout(m_tiles);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(12);
    grid->setVerticalSpacing(12);

    auto *usersHeading = new QLabel(tr("Users"), m_tiles);
    auto *guestsHeading = new QLabel(tr("Guests"), m_tiles);
    auto *directoryHeading = new QLabel(tr("Directory"), m_tiles);
    for (QLabel *heading : {usersHeading, guestsHeading, directoryHeading}) {
        QFont f = heading->font();
        f.setBold(true);
        heading->setFont(f);
    }
    grid->addWidget(usersHeading, 0, 0, 1, 4);
    addTile(QStringLiteral("members"), tr("Members"), 1, 0);
    addTile(QStringLiteral("guests"), tr("Guest users"), 1, 1);
    grid->addWidget(guestsHeading, 2, 0, 1, 4);
    addTile(QStringLiteral("guestsPending"), tr("Pending acceptance"), 3, 0);
    addTile(QStringLiteral("guestsAccepted"), tr("Accepted"), 3, 1);
    addTile(QStringLiteral("guestsPendingOver7Days"), tr("Pending for more than 7 days"), 3, 2);
    addTile(QStringLiteral("guestsSignInBlocked"), tr("Sign-in blocked"), 3, 3);
    grid->addWidget(directoryHeading, 4, 0, 1, 4);
    addTile(QStringLiteral("groups"), tr("Groups"), 5, 0);
    addTile(QStringLiteral("applications"), tr("Applications"), 5, 1);
    StatTile *providers = addTile(QStringLiteral("identityProviders"), tr("Identity providers"), 5, 2);
    providers->setNote(tr("Built in: partner directory, Microsoft account, email one-time passcode"));
    addTile(QStringLiteral("partners"), tr("Partner organizations"), 5, 3);
    for (int c = 0; c < 4; ++c) {
        grid->setColumnStretch(c, 1);
    }
    m_tiles->setVisible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    layout->setSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_busy);
    layout->addSpacing(8);
    layout->addWidget(m_emptyText);
    layout->addWidget(m_tiles);
    layout->addStretch(1);
    setSession(nullptr);
}

StatTile *OverviewPane::addTile(const QString &name, const QString &caption, int row, int column) {
    auto *tile = new StatTile(name, caption, m_tiles);
    static_cast<QGridLayout *>(m_tiles->layout())->addWidget(tile, row, column);
    m_tileByName.insert(name, tile);
    return tile;
}

void OverviewPane::setSession(models::SessionPtr session) {
    m_session = std::move(session);
    ++m_generation;
    if (!m_session) {
        m_title->setText(tr("Overview"));
        m_subtitle->clear();
        m_emptyText->setVisible(true);
        m_tiles->setVisible(false);
        setLoading(false);
        return;
    }
    const core::DirectoryInfo &d = m_session->directory;
    m_title->setText(d.displayName);
    m_subtitle->setText(tr("%1 · tenant %2").arg(d.initialDomain, d.tenantId));
    m_emptyText->setVisible(false);
    for (StatTile *tile : std::as_const(m_tileByName)) {
        tile->setValue(QStringLiteral("–"));
    }
    m_tiles->setVisible(true);
    reload();
}

void OverviewPane::reload() {
    if (!m_session) {
        return;
    }
    const quint64 generation = ++m_generation;
    setLoading(true);
    const core::ServiceContext ctx = m_session->context();
    executor()->call<core::Result<core::OverviewCounts>>(
        this, [ctx] { return core::OverviewService(ctx).counts(); },
        [this, generation](const core::Result<core::OverviewCounts> &counts) {
            if (generation != m_generation) {
                return; // a newer reload or another directory superseded this one
            }
            setLoading(false);
            if (!counts.ok()) {
                emit errorOccurred(counts.error());
                return;
            }
            showCounts(*counts);
        });
}

void OverviewPane::showCounts(const core::OverviewCounts &counts) {
    const QLocale locale;
    const auto set = [&](const QString &name, qint64 value) {
        m_tileByName.value(name)->setValue(locale.toString(value));
    };
    set(QStringLiteral("members"), counts.members);
    set(QStringLiteral("guests"), counts.guests);
    set(QStringLiteral("guestsPending"), counts.guestsPending);
    set(QStringLiteral("guestsAccepted"), counts.guestsAccepted);
    set(QStringLiteral("guestsPendingOver7Days"), counts.guestsPendingOver7Days);
    set(QStringLiteral("guestsSignInBlocked"), counts.guestsSignInBlocked);
    set(QStringLiteral("groups"), counts.groups);
    set(QStringLiteral("applications"), counts.applications);
    set(QStringLiteral("identityProviders"), counts.builtInIdentityProviders + counts.configuredIdentityProviders);
    m_tileByName.value(QStringLiteral("identityProviders"))
        ->setNote(counts.configuredIdentityProviders > 0
                      ? tr("3 built in, %n configured (SAML/WS-Fed, Google, Facebook, OpenID Connect)", nullptr,
                           int(counts.configuredIdentityProviders))
                      : tr("Built in: partner directory, Microsoft account, email one-time passcode"));
    set(QStringLiteral("partners"), counts.partners);
    emit countsShown();
}

void OverviewPane::setLoading(bool loading) {
    m_loading = loading;
    m_busy->setVisible(loading);
}

} // namespace atrium::ui
