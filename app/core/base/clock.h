#pragma once

#include <QDateTime>

namespace atrium::core {

// Time comes from an injected clock so that tests can move it (tests/support has a fake one).
class Clock {
public:
    virtual ~Clock() = default;
    virtual QDateTime now() const = 0; // UTC
    qint64 nowMs() const { return now().toMSecsSinceEpoch(); }
};

class SystemClock final : public Clock {
public:
    QDateTime now() const override { return QDateTime::currentDateTimeUtc(); }
};

// Timestamps are stored as UTC milliseconds since the epoch (BIGINT on both engines).
inline QDateTime fromMs(qint64 ms) { return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC); }
inline QString isoUtc(qint64 ms) { return fromMs(ms).toString(Qt::ISODateWithMs); }

} // namespace atrium::core
