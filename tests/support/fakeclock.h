#pragma once

#include "core/base/clock.h"

#include <atomic>

namespace atrium::test {

// A clock tests move by hand. Starts at 2026-01-15T09:00:00Z.
class FakeClock final : public core::Clock {
public:
    QDateTime now() const override { return QDateTime::fromMSecsSinceEpoch(m_ms.load(), Qt::UTC); }
    void set(const QDateTime &t) { m_ms = t.toMSecsSinceEpoch(); }
    void advanceSecs(qint64 s) { m_ms += s * 1000; }
    void advanceDays(qint64 d) { advanceSecs(d * 86400); }

private:
    std::atomic<qint64> m_ms{1768467600000};
};

} // namespace atrium::test
