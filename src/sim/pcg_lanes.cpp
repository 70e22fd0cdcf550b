// GCC 12 warns of the deliberately undefined vectors inside its own AVX-512 headers once
// they are inlined here (GCC bug 105593, fixed in GCC 13); the warnings say nothing of this code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif
#include "sim/pcg_lanes.h"

#include <immintrin.h>

#include <cstring>

#include "sim/cpu_features.h"

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

// The eight outputs of eight states: the xorshift, then the 32-bit rotation in one
// instruction, where the version above shifts both ways.
[[BATON_AVX512, gnu::always_inline]] inline void store_avx512(std::uint32_t* to, __m512i s) {
  const __m512i xorshifted = _mm512_srli_epi64(_mm512_xor_si512(_mm512_srli_epi64(s, 18), s), 27);
  const __m256i rot = _mm512_cvtepi64_epi32(_mm512_srli_epi64(s, 59));
  _mm256_storeu_si256(reinterpret_cast<__m256i*>(to),
                      _mm256_rorv_epi32(_mm512_cvtepi64_epi32(xorshifted), rot));
}

// fill_lanes() with AVX-512 intrinsics: the same states and outputs.
[[BATON_AVX512]] std::uint64_t fill_lanes_avx512(std::uint64_t state, std::uint64_t inc,
                                                 std::uint32_t* out, std::size_t blocks) {
  constexpr std::uint64_t a = Pcg32::kMult;
  constexpr std::uint64_t a2 = a * a;
  constexpr std::uint64_t a4 = a2 * a2;
  constexpr std::uint64_t a8 = a4 * a4;
  constexpr std::uint64_t a32 = a8 * a8 * a8 * a8;
  const __m512i m8 = _mm512_set1_epi64(static_cast<long long>(a8));
  const __m512i m32 = _mm512_set1_epi64(static_cast<long long>(a32));
  const __m512i c8 = _mm512_set1_epi64(static_cast<long long>(jump_increment(inc, 8)));
  const __m512i c32 = _mm512_set1_epi64(static_cast<long long>(jump_increment(inc, 32)));
  alignas(64) std::uint64_t first[8];
  for (auto& s : first) {
    s = state;
    state = state * a + inc;
  }
  __m512i s0 = _mm512_load_si512(first);
  std::size_t b = 0;
  if (blocks >= 4) {
    __m512i s1 = _mm512_add_epi64(_mm512_mullo_epi64(s0, m8), c8);
    __m512i s2 = _mm512_add_epi64(_mm512_mullo_epi64(s1, m8), c8);
    __m512i s3 = _mm512_add_epi64(_mm512_mullo_epi64(s2, m8), c8);
    for (; b + 4 <= blocks; b += 4) {
      store_avx512(out + 8 * b, s0);
      store_avx512(out + 8 * b + 8, s1);
      store_avx512(out + 8 * b + 16, s2);
      store_avx512(out + 8 * b + 24, s3);
      s0 = _mm512_add_epi64(_mm512_mullo_epi64(s0, m32), c32);
      s1 = _mm512_add_epi64(_mm512_mullo_epi64(s1, m32), c32);
      s2 = _mm512_add_epi64(_mm512_mullo_epi64(s2, m32), c32);
      s3 = _mm512_add_epi64(_mm512_mullo_epi64(s3, m32), c32);
    }
  }
  for (; b < blocks; ++b) {
    store_avx512(out + 8 * b, s0);
    s0 = _mm512_add_epi64(_mm512_mullo_epi64(s0, m8), c8);
  }
  return static_cast<std::uint64_t>(_mm_cvtsi128_si64(_mm512_castsi512_si128(s0)));
}

}  // namespace

void Pcg32::fill(std::uint32_t* out, std::size_t n) {
  if (!avx512_available()) {
    fill_portable(out, n);
    return;
  }
  const std::size_t blocks = n / 8;
  if (blocks > 0) state_ = fill_lanes_avx512(state_, inc_, out, blocks);
  for (std::size_t i = 8 * blocks; i < n; ++i) out[i] = (*this)();
}

void Pcg32::fill_portable(std::uint32_t* out, std::size_t n) {
  const std::size_t blocks = n / 8;
  if (blocks > 0) state_ = fill_lanes(state_, inc_, out, blocks);
  for (std::size_t i = 8 * blocks; i < n; ++i) out[i] = (*this)();
}

}  // namespace baton::sim
