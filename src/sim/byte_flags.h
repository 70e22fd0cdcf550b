// Finding the few set flags among many: the simulation's kernels mark rare cases (rejected
// normals, dropped batons) with a byte per race, and the scalar code that follows visits only
// the marked ones, eight flags per load, without a branch per flag.
#pragma once

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace baton::sim {

/// Calls visit(i) for each i in [0, n) whose flag is 1, in increasing order. Flags are 0 or 1;
/// the bytes are read eight at a time, so `flags` must be readable up to n rounded up to a
/// multiple of eight (bytes past n are ignored).
template <class Visit>
void for_each_flagged(const std::uint8_t* flags, std::size_t n, Visit&& visit) {
  static_assert(std::endian::native == std::endian::little);  // byte k of a word is flag i8 + k
  for (std::size_t i8 = 0; i8 < n; i8 += 8) {
    std::uint64_t word;
    std::memcpy(&word, flags + i8, sizeof word);
    if (n - i8 < 8) word &= (std::uint64_t{1} << (8 * (n - i8))) - 1;  // past n: not ours
    for (; word != 0; word &= word - 1) {
      visit(i8 + static_cast<std::size_t>(std::countr_zero(word) / 8));
    }
  }
}

}  // namespace baton::sim
