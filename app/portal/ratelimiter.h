#pragma once

#include <QHash>
#include <QString>

namespace atrium::portal {

// Per-address token buckets: `perMinute` requests a minute on average, bursts up to `burst`.
// In memory, per portal process (a restart forgets them; several portals each count their own).
// Not thread-safe: used on the server's thread only.
class RateLimiter final {
public:
    RateLimiter(int perMinute, int burst);

    // True when the address may go ahead (and uses one token). perMinute 0 = unlimited.
    bool allow(const QString &address, qint64 nowMs);
    int size() const { return int(m_buckets.size()); }

private:
    struct Bucket {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    int m_perMinute;
    int m_burst;
    QHash<QString, Bucket> m_buckets;
};

} // namespace atrium::portal
