#include "sim/ziggurat.h"

#include <cmath>

namespace baton::sim {

// An integer-to-double conversion, one multiply and one compare per draw: exact in every
// clone, so the AVX2 / AVX-512 versions (picked when the program loads) give the same numbers.
// The bounds are doubles (integers below 2^32, exact), so that both table loads are gathers of
// doubles: with 32-bit bounds GCC 12 loads them one by one, at twice the time per draw.
[[gnu::target_clones("default", "arch=x86-64-v3", "arch=x86-64-v4")]] void ziggurat_fast_path(
    const double* __restrict kn, const double* __restrict wn, const std::uint32_t* __restrict bits,
    double* __restrict out, std::uint8_t* __restrict rejected, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t b = bits[i];
    const double hz = static_cast<std::int32_t>(b);  // exact; |hz| = 2^31 included
    const int iz = static_cast<int>(b & 127u);       // a signed index lets gathers vectorise
    out[i] = hz * wn[iz];
    rejected[i] = std::abs(hz) >= kn[iz];
  }
}

}  // namespace baton::sim
