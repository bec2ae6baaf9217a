#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace atrium::portal {

// Per-address token buckets: `perMinute` requests a minute on average, bursts up to `burst`.
// In memory, per portal process (a restart forgets them; several portals each count their own).
// Thread-safe (one mutex): a portal serving from several threads shares one limiter per kind, so
// that an address gets one budget whichever thread its connections land on.
class RateLimiter final {
public:
    RateLimiter(int perMinute, int burst);

    // True when the address may go ahead (and uses one token). perMinute 0 = unlimited.
    // nowMs: a monotonic clock shared by every caller (steady clock milliseconds).
    bool allow(const QString &address, qint64 nowMs);
    int size() const;

private:
    struct Bucket {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    int m_perMinute;
    int m_burst;
    mutable QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace atrium::portal
