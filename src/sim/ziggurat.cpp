// GCC 12 warns of the deliberately undefined vectors inside its own AVX-512 headers once
// they are inlined here (GCC bug 105593, fixed in GCC 13); the warnings say nothing of this code.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#pragma GCC diagnostic ignored "-Wuninitialized"
#endif
#include "sim/ziggurat.h"

#include <immintrin.h>

#include <bit>
#include <cmath>

#include "sim/byte_flags.h"
#include "sim/cpu_features.h"

namespace baton::sim {
namespace {

// One draw of the fast path: an integer-to-double conversion, one multiply and one compare,
// all exact, so every version below gives the same numbers. The bounds are doubles (integers
// below 2^32, exact), so that both table loads are gathers of doubles: with 32-bit bounds
// GCC 12 loads them one by one, at twice the time per draw.
inline bool fast_draw(const double* kn, const double* wn, std::uint32_t b, double& out) {
  const double hz = static_cast<std::int32_t>(b);  // exact; |hz| = 2^31 included
  const int iz = static_cast<int>(b & 127u);       // a signed index lets gathers vectorise
  out = hz * wn[iz];
  return std::abs(hz) >= kn[iz];
}

// The draws with a flag per draw (a clone per instruction set, picked when the program
// loads); ziggurat_fast_path_portable() then lists the flagged ones (for_each_flagged).
[[gnu::target_clones("default", "arch=x86-64-v3", "arch=x86-64-v4")]] void flag_draws(
    const double* __restrict kn, const double* __restrict wn, const std::uint32_t* __restrict bits,
    double* __restrict out, std::uint8_t* __restrict rejected, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) rejected[i] = fast_draw(kn, wn, bits[i], out[i]);
}

}  // namespace

std::size_t ziggurat_fast_path_portable(const double* kn, const double* wn,
                                        const std::uint32_t* bits, double* out,
                                        std::uint32_t* rejected, std::size_t n) {
  constexpr std::size_t kPiece = 512;
  alignas(64) std::uint8_t flags[kPiece + 8] = {};
  std::size_t count = 0;
  for (std::size_t start = 0; start < n; start += kPiece) {
    const std::size_t m = n - start < kPiece ? n - start : kPiece;
    flag_draws(kn, wn, bits + start, out + start, flags, m);
    for_each_flagged(flags, m, [&](std::size_t i) {
      rejected[count++] = static_cast<std::uint32_t>(start + i);
    });
  }
  return count;
}

namespace {

// Eight draws (bits b8, layers iz8): their values to `to`, and which ones are rejected.
[[BATON_AVX512, gnu::always_inline]] inline __mmask8 eight_draws(const double* kn, const double* wn,
                                                                 __m256i b8, __m256i iz8,
                                                                 double* to) {
  const __m512d hz = _mm512_cvtepi32_pd(b8);
  _mm512_storeu_pd(to, _mm512_mul_pd(hz, _mm512_i32gather_pd(iz8, wn, 8)));
  return _mm512_cmp_pd_mask(_mm512_abs_pd(hz), _mm512_i32gather_pd(iz8, kn, 8), _CMP_GE_OQ);
}

// With AVX-512: sixteen draws at a time, and the indices of the rejected ones packed into the
// list by one compress instruction, without a branch per draw.
[[BATON_AVX512]] std::size_t fast_path_avx512(const double* kn, const double* wn,
                                              const std::uint32_t* bits, double* out,
                                              std::uint32_t* rejected, std::size_t n) {
  const __m512i lane = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
  const __m512i low7 = _mm512_set1_epi32(127);
  std::size_t count = 0;
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    const __m512i b = _mm512_loadu_si512(bits + i);
    const __m512i iz = _mm512_and_si512(b, low7);
    const __mmask8 lo =
        eight_draws(kn, wn, _mm512_castsi512_si256(b), _mm512_castsi512_si256(iz), out + i);
    const __mmask8 hi = eight_draws(kn, wn, _mm512_extracti64x4_epi64(b, 1),
                                    _mm512_extracti64x4_epi64(iz, 1), out + i + 8);
    const auto mask = static_cast<__mmask16>(lo | (hi << 8));
    const __m512i at = _mm512_add_epi32(lane, _mm512_set1_epi32(static_cast<int>(i)));
    // Stored whole (the list has sixteen spare entries); only the packed ones count.
    _mm512_storeu_si512(rejected + count, _mm512_maskz_compress_epi32(mask, at));
    count += static_cast<std::size_t>(std::popcount(static_cast<unsigned>(mask)));
  }
  for (; i < n; ++i) {
    rejected[count] = static_cast<std::uint32_t>(i);
    count += fast_draw(kn, wn, bits[i], out[i]);
  }
  return count;
}

}  // namespace

std::size_t ziggurat_fast_path(const double* kn, const double* wn, const std::uint32_t* bits,
                               double* out, std::uint32_t* rejected, std::size_t n) {
  return avx512_available() ? fast_path_avx512(kn, wn, bits, out, rejected, n)
                            : ziggurat_fast_path_portable(kn, wn, bits, out, rejected, n);
}

}  // namespace baton::sim
