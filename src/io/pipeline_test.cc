#include "io/pipeline.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>
#include <vector>

namespace dyad::io {
namespace {

// Results come out in submission order whatever the thread count, and no
// more than max_in_flight items are ever pending.
TEST(OrderedPipeline, KeepsOrderAndBound) {
  for (int threads : {1, 2, 4}) {
    std::vector<int> out;
    std::atomic<int> pending{0}, max_pending{0};
    const size_t window = 3;
    {
      OrderedPipeline<int, int> p(
          threads, window,
          [&](int& x) {
            // Uneven work, so that later items often finish first.
            if (x % 3 == 0) std::this_thread::sleep_for(std::chrono::microseconds(200));
            return x * 2;
          },
          [&](int& y) {
            out.push_back(y);
            --pending;
          });
      for (int i = 0; i < 200; ++i) {
        int now = ++pending;
        int seen = max_pending.load();
        while (now > seen && !max_pending.compare_exchange_weak(seen, now)) {
        }
        p.Submit(i);
      }
      p.Finish();
    }
    ASSERT_EQ(out.size(), 200u) << threads;
    for (int i = 0; i < 200; ++i) ASSERT_EQ(out[i], 2 * i) << threads;
    EXPECT_LE(max_pending.load(), static_cast<int>(window) + 1) << threads;
  }
}

}  // namespace
}  // namespace dyad::io
