#include "sim/pcg_lanes.h"

#include <cstring>

namespace baton::sim {

namespace {

using Lanes = std::uint64_t __attribute__((vector_size(64)));  // eight 64-bit lanes
using Words = std::uint32_t __attribute__((vector_size(32)));

// The increment of `steps` steps of the generator at once: s -> a^steps s + c.
std::uint64_t jump_increment(std::uint64_t inc, int steps) {
  std::uint64_t c = 0;
  for (int k = 0; k < steps; ++k) c = c * Pcg32::kMult + inc;
  return c;
}

// Integer arithmetic only, so every clone (plain x86-64, AVX2, AVX-512) gives the same bits;
// the best one for the machine is picked when the program loads. Four vectors of eight
// copies, each jumping 32 steps, keep four 64-bit multiplies in flight: one vector alone
// waits for its own multiply (some 15 cycles with AVX-512) every eight outputs.
[[gnu::target_clones("default", "arch=x86-64-v3", "arch=x86-64-v4")]] std::uint64_t fill_lanes(
    std::uint64_t state, std::uint64_t inc, std::uint32_t* out, std::size_t blocks) {
  constexpr std::uint64_t a = Pcg32::kMult;
  constexpr std::uint64_t a2 = a * a;
  constexpr std::uint64_t a4 = a2 * a2;
  constexpr std::uint64_t a8 = a4 * a4;
  constexpr std::uint64_t a16 = a8 * a8;
  constexpr std::uint64_t a32 = a16 * a16;
  const std::uint64_t c8 = jump_increment(inc, 8);
  const std::uint64_t c32 = jump_increment(inc, 32);
  // The output function of eight states, stored as eight 32-bit words.
  const auto store = [](std::uint32_t* to, const Lanes& s) {
    const Lanes xorshifted = ((s >> 18u) ^ s) >> 27u & 0xffffffffu;
    const Lanes rot = s >> 59u;
    const Lanes rotated = ((xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u))) & 0xffffffffu;
    const Words words = __builtin_convertvector(rotated, Words);
    std::memcpy(to, &words, sizeof words);
  };
  Lanes s0;
  for (int k = 0; k < 8; ++k) {
    s0[k] = state;
    state = state * a + inc;
  }
  std::size_t b = 0;
  if (blocks >= 4) {
    Lanes s1 = s0 * a8 + c8;
    Lanes s2 = s1 * a8 + c8;
    Lanes s3 = s2 * a8 + c8;
    for (; b + 4 <= blocks; b += 4) {
      store(out + 8 * b, s0);
      store(out + 8 * b + 8, s1);
      store(out + 8 * b + 16, s2);
      store(out + 8 * b + 24, s3);
      s0 = s0 * a32 + c32;
      s1 = s1 * a32 + c32;
      s2 = s2 * a32 + c32;
      s3 = s3 * a32 + c32;
    }
  }
  for (; b < blocks; ++b) {
    store(out + 8 * b, s0);
    s0 = s0 * a8 + c8;
  }
  return s0[0];
}

}  // namespace

void Pcg32::fill(std::uint32_t* out, std::size_t n) {
  const std::size_t blocks = n / 8;
  if (blocks > 0) state_ = fill_lanes(state_, inc_, out, blocks);
  for (std::size_t i = 8 * blocks; i < n; ++i) out[i] = (*this)();
}

}  // namespace baton::sim
