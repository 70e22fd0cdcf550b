// A minimal parallel loop for the simulation: indices are handed out in order from an atomic
// counter, so which thread runs an index never changes what the index computes.
#pragma once

#include <cstdint>
#include <functional>

namespace baton::sim {

/// Calls fn(i, worker) for i in [0, count) on `threads` workers (worker in [0, threads)).
/// When `progress` is set, the calling thread reports the fraction done about ten times a
/// second. Rethrows the first exception a worker threw.
void parallel_for(std::int64_t count, int threads, const std::function<void(std::int64_t, int)>& fn,
                  const std::function<void(double)>& progress = {});

}  // namespace baton::sim
