// What the simulation's hand-written vector code needs from the processor, checked once.
#pragma once

namespace baton::sim {

/// The attribute of functions written with AVX-512 intrinsics; call them only when
/// avx512_available().
#define BATON_AVX512 gnu::target("avx512f,avx512dq,avx512vl")

/// Whether this processor runs BATON_AVX512 code.
inline bool avx512_available() {
  static const bool available = [] {
    __builtin_cpu_init();  // in case this runs before the program's constructors have
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512dq") &&
           __builtin_cpu_supports("avx512vl");
  }();
  return available;
}

}  // namespace baton::sim
