#include "sim/parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace baton::sim {

void parallel_for(std::int64_t count, int threads, const std::function<void(std::int64_t, int)>& fn,
                  const std::function<void(double)>& progress) {
  if (count <= 0) return;
  std::atomic<std::int64_t> next{0};
  std::atomic<std::int64_t> done{0};
  std::mutex mutex;
  std::condition_variable finished;
  std::exception_ptr error;
  auto work = [&](int worker) {
    for (;;) {
      const std::int64_t i = next.fetch_add(1);
      if (i >= count) break;
      try {
        fn(i, worker);
      } catch (...) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!error) error = std::current_exception();
        next.store(count);
      }
      if (done.fetch_add(1) + 1 == count) {
        std::lock_guard<std::mutex> lock(mutex);
        finished.notify_all();
      }
    }
  };
  const int n = static_cast<int>(std::min<std::int64_t>(threads, count));
  if (n <= 1 && !progress) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (int w = 0; w < n; ++w) pool.emplace_back(work, w);
    if (progress) {
      std::unique_lock<std::mutex> lock(mutex);
      while (done.load() < count && !error) {
        finished.wait_for(lock, std::chrono::milliseconds(100));
        progress(static_cast<double>(done.load()) / static_cast<double>(count));
      }
    }
    for (std::thread& t : pool) t.join();
  }
  if (error) std::rethrow_exception(error);
}

}  // namespace baton::sim
