// An ordered parallel pipeline with bounded memory.
//
// The caller submits work items in order; `threads` workers run `work` on
// them; results come out through `sink` in submission order, whatever the
// number of threads, so output is byte-identical for any N. At most
// `max_in_flight` items are queued or waiting to be written, so memory stays
// bounded on inputs of any size. With threads <= 1 everything runs inline.
//
//   OrderedPipeline<Batch, std::string> p(4, 16, code_batch, write_string);
//   for (...) p.Submit(std::move(batch));
//   p.Finish();
#ifndef DYAD_IO_PIPELINE_H_
#define DYAD_IO_PIPELINE_H_

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace dyad::io {

template <typename In, typename Out>
class OrderedPipeline {
 public:
  using WorkFn = std::function<Out(In&)>;
  using SinkFn = std::function<void(Out&)>;

  OrderedPipeline(int threads, size_t max_in_flight, WorkFn work, SinkFn sink)
      : work_(std::move(work)), sink_(std::move(sink)), max_in_flight_(max_in_flight) {
    if (threads <= 1) return;
    for (int i = 0; i < threads; ++i) workers_.emplace_back([this] { WorkerLoop(); });
  }
  ~OrderedPipeline() { Finish(); }

  // Blocks while max_in_flight items are pending.
  void Submit(In item) {
    if (workers_.empty()) {
      Out out = work_(item);
      sink_(out);
      return;
    }
    std::unique_lock<std::mutex> lock(mu_);
    // The submitting thread is the only writer: while the window is full it
    // writes whatever has finished, in order, and waits for more.
    done_cv_.wait(lock, [&] {
      DrainLocked(lock);
      return next_seq_ - next_out_ < max_in_flight_;
    });
    jobs_.push_back({next_seq_++, std::move(item)});
    have_job_.notify_one();
  }

  // Waits for every item, writes the rest, stops the workers. Idempotent.
  void Finish() {
    if (workers_.empty()) return;
    {
      std::unique_lock<std::mutex> lock(mu_);
      done_cv_.wait(lock, [&] {
        DrainLocked(lock);
        return next_out_ == next_seq_;
      });
      stop_ = true;
    }
    have_job_.notify_all();
    for (auto& t : workers_) t.join();
    workers_.clear();
  }

 private:
  void WorkerLoop() {
    for (;;) {
      std::pair<uint64_t, In> job;
      {
        std::unique_lock<std::mutex> lock(mu_);
        have_job_.wait(lock, [&] { return stop_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      Out out = work_(job.second);
      {
        std::lock_guard<std::mutex> lock(mu_);
        results_.emplace(job.first, std::move(out));
      }
      done_cv_.notify_all();
    }
  }

  // Writes finished results in order. Called with the lock held, by the
  // submitting thread only, which keeps output ordered and single-threaded;
  // the lock is released while the sink runs, so that workers can hand in
  // results and take jobs meanwhile. Returns with the lock held, having
  // found no result ready under it (so no wake-up is missed).
  void DrainLocked(std::unique_lock<std::mutex>& lock) {
    for (auto it = results_.find(next_out_); it != results_.end(); it = results_.find(next_out_)) {
      {
        Out out = std::move(it->second);
        results_.erase(it);
        lock.unlock();
        sink_(out);
      }  // `out` is freed outside the lock too
      lock.lock();
      ++next_out_;
    }
  }

  WorkFn work_;
  SinkFn sink_;
  size_t max_in_flight_;
  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable have_job_, done_cv_;
  std::deque<std::pair<uint64_t, In>> jobs_;
  std::map<uint64_t, Out> results_;
  uint64_t next_seq_ = 0, next_out_ = 0;
  bool stop_ = false;
};

}  // namespace dyad::io

#endif  // DYAD_IO_PIPELINE_H_
