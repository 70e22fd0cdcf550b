#include "sim/ziggurat.h"

namespace baton::sim {

// An integer-to-double conversion and one multiply per draw: exact in every clone, so the
// AVX2 / AVX-512 versions (picked when the program loads) give the same numbers.
[[gnu::target_clones("default", "arch=x86-64-v3", "arch=x86-64-v4")]] void ziggurat_fast_path(
    const std::uint32_t* __restrict kn, const double* __restrict wn,
    const std::uint32_t* __restrict bits, double* __restrict out, std::uint8_t* __restrict rejected,
    std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint32_t b = bits[i];
    const auto hz = static_cast<std::int32_t>(b);
    const int iz = static_cast<int>(b & 127u);            // a signed index lets gathers vectorise
    const std::uint32_t magnitude = hz < 0 ? 0u - b : b;  // |hz|, 2^31 included
    out[i] = hz * wn[iz];
    rejected[i] = magnitude >= kn[iz];
  }
}

}  // namespace baton::sim
