// pcg32 (O'Neill 2014, PCG-XSH-RR 64/32) with a bulk fill that yields exactly the sequence of
// pcg_cpp's `pcg32` for the same (seed, stream), but steps eight interleaved copies of the LCG
// (each jumping eight steps at a time) in one vector, so that consecutive outputs do not wait
// for each other's 64-bit multiply and SIMD units can compute them together. The state after
// fill(n) is the state after n single draws, so bulk and single draws can be mixed freely.
#pragma once

#include <cstddef>
#include <cstdint>

namespace baton::sim {

class Pcg32 {
 public:
  static constexpr std::uint64_t kMult = 6364136223846793005ULL;

  /// The same stream as `pcg32(seed, stream)` of pcg_random.hpp.
  Pcg32(std::uint64_t seed, std::uint64_t stream) : inc_((stream << 1) | 1u) {
    state_ = (seed + inc_) * kMult + inc_;
  }

  std::uint32_t operator()() {
    const std::uint64_t old = state_;
    state_ = old * kMult + inc_;
    return output(old);
  }

  /// Writes the next n outputs to out.
  void fill(std::uint32_t* out, std::size_t n);
  /// The same without the AVX-512 intrinsics (what fill() runs where the machine lacks them).
  void fill_portable(std::uint32_t* out, std::size_t n);

 private:
  static std::uint32_t output(std::uint64_t s) {
    const auto xorshifted = static_cast<std::uint32_t>(((s >> 18u) ^ s) >> 27u);
    const auto rot = static_cast<std::uint32_t>(s >> 59u);
    return (xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u));
  }

  std::uint64_t state_ = 0;
  std::uint64_t inc_ = 1;
};

}  // namespace baton::sim
