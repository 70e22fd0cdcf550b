#include "sim/pcg_lanes.h"

#include <cstring>

namespace baton::sim {

namespace {

using Lanes = std::uint64_t __attribute__((vector_size(64)));  // eight 64-bit lanes
using Words = std::uint32_t __attribute__((vector_size(32)));

// Integer arithmetic only, so every clone (plain x86-64, AVX2, AVX-512) gives the same bits;
// the best one for the machine is picked when the program loads.
[[gnu::target_clones("default", "arch=x86-64-v3", "arch=x86-64-v4")]] std::uint64_t fill_lanes(
    std::uint64_t state, std::uint64_t inc, std::uint32_t* out, std::size_t blocks) {
  constexpr std::uint64_t a = Pcg32::kMult;
  constexpr std::uint64_t a2 = a * a;
  constexpr std::uint64_t a4 = a2 * a2;
  constexpr std::uint64_t a8 = a4 * a4;
  // s -> a^8 s + inc (a^7 + ... + a + 1): eight steps of the generator.
  std::uint64_t c8 = 0;
  for (int k = 0; k < 8; ++k) c8 = c8 * a + inc;
  Lanes s;
  for (int k = 0; k < 8; ++k) {
    s[k] = state;
    state = state * a + inc;
  }
  for (std::size_t b = 0; b < blocks; ++b) {
    const Lanes xorshifted = ((s >> 18u) ^ s) >> 27u & 0xffffffffu;
    const Lanes rot = s >> 59u;
    const Lanes rotated = ((xorshifted >> rot) | (xorshifted << ((32u - rot) & 31u))) & 0xffffffffu;
    const Words words = __builtin_convertvector(rotated, Words);
    std::memcpy(out + 8 * b, &words, sizeof words);
    s = s * a8 + c8;
  }
  return s[0];
}

}  // namespace

void Pcg32::fill(std::uint32_t* out, std::size_t n) {
  const std::size_t blocks = n / 8;
  if (blocks > 0) state_ = fill_lanes(state_, inc_, out, blocks);
  for (std::size_t i = 8 * blocks; i < n; ++i) out[i] = (*this)();
}

}  // namespace baton::sim
