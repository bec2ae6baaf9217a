#include "ratelimiter.h"

#include <algorithm>

namespace atrium::portal {

RateLimiter::RateLimiter(int perMinute, int burst) : m_perMinute(perMinute), m_burst(std::max(1, burst)) {}

bool RateLimiter::allow(const QString &address, qint64 nowMs) {
    if (m_perMinute <= 0) {
        return true;
    }
    const QMutexLocker lock(&m_mutex);
    // Forget full buckets now and then, so that many addresses cannot grow the table for ever.
    if (m_buckets.size() > 50000) {
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (nowMs - it->lastMs > 60000LL * m_burst / m_perMinute + 1000) {
                it = m_buckets.erase(it);
            } else {
                ++it;
            }
        }
    }
    auto it = m_buckets.find(address);
    if (it == m_buckets.end()) {
        it = m_buckets.insert(address, Bucket{double(m_burst), nowMs});
    }
    Bucket &b = *it;
    b.tokens = std::min<double>(m_burst, b.tokens + double(nowMs - b.lastMs) * m_perMinute / 60000.0);
    b.lastMs = nowMs;
    if (b.tokens < 1.0) {
        return false;
    }
    b.tokens -= 1.0;
    return true;
}

int RateLimiter::size() const {
    const QMutexLocker lock(&m_mutex);
    return int(m_buckets.size());
}

} // namespace atrium::portal
