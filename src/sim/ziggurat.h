// Standard normal variates by the ziggurat method (Marsaglia and Tsang, "The Ziggurat Method for
// Generating Random Variables", J. Stat. Software 5(8), 2000): 128 layers, 32-bit draws. About
// 97 % of draws cost one generator call, one multiply and one compare; the tail beyond r is
// sampled exactly (Marsaglia 1964), so rare events such as disqualifications keep their odds.
#pragma once

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>

namespace baton::sim {

/// The ziggurat's fast path for n draws: out[i] = the draw when accepted; the indices of the
/// draws that need the slow path go to `rejected` in increasing order (room for n + 16), and
/// their count is returned (ziggurat.cpp).
std::size_t ziggurat_fast_path(const double* kn, const double* wn, const std::uint32_t* bits,
                               double* out, std::uint32_t* rejected, std::size_t n);
/// The same without AVX-512 intrinsics (what ziggurat_fast_path() runs where the machine lacks
/// them): compiler-vectorised flags, then their rejections in order.
std::size_t ziggurat_fast_path_portable(const double* kn, const double* wn,
                                        const std::uint32_t* bits, double* out,
                                        std::uint32_t* rejected, std::size_t n);

class Ziggurat {
 public:
  /// The tables are computed once and are immutable afterwards.
  static const Ziggurat& instance() {
    static const Ziggurat z;
    return z;
  }

  /// One N(0, 1) draw; `rng()` must return uniformly distributed 32-bit values.
  template <class Rng>
  double operator()(Rng& rng) const {
    return from_bits(static_cast<std::uint32_t>(rng()), rng);
  }

  /// The N(0, 1) draw that starts with the 32 random bits `bits` (already taken from the
  /// generator); the rare rejections draw further values from `rng`.
  template <class Rng>
  double from_bits(std::uint32_t bits, Rng& rng) const {
    const auto hz = static_cast<std::int32_t>(bits);
    const std::uint32_t iz = bits & 127u;
    if (static_cast<std::uint32_t>(std::abs(static_cast<std::int64_t>(hz))) < kn_[iz]) {
      return hz * wn_[iz];
    }
    return slow(rng, hz, iz);
  }

  /// out[i] = from_bits(bits[i], rng) for i in [0, n), in order: first every draw's fast path
  /// at once (a loop the compiler vectorises), then the rejections one by one.
  template <class Rng>
  void fill(Rng& rng, const std::uint32_t* bits, double* out, std::size_t n) const {
    constexpr std::size_t kPiece = 512;
    std::uint32_t rejected[kPiece + 16];
    for (std::size_t start = 0; start < n; start += kPiece) {
      const std::size_t m = n - start < kPiece ? n - start : kPiece;
      const std::size_t count =
          ziggurat_fast_path(kn_double_.data(), wn_.data(), bits + start, out + start, rejected, m);
      for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = start + rejected[k];
        out[i] = slow(rng, static_cast<std::int32_t>(bits[i]), bits[i] & 127u);
      }
    }
  }

  /// The tables (for tests): the layers' bounds on |hz| (integers, as doubles), the widths
  /// (x = hz * width) and the heights f(x_i).
  const double* fast_bounds() const { return kn_double_.data(); }
  const double* fast_widths() const { return wn_.data(); }
  const double* layer_heights() const { return fn_.data(); }

  /// A uniform draw in [0, 1).
  template <class Rng>
  static double uniform(Rng& rng) {
    return static_cast<std::uint32_t>(rng()) * 0x1p-32;
  }

 private:
  static constexpr double kR = 3.442619855899;       // start of the tail
  static constexpr double kV = 9.91256303526217e-3;  // area of each layer

  Ziggurat() {
    const double m1 = 2147483648.0;
    double dn = kR;
    double tn = dn;
    const double q = kV / std::exp(-0.5 * dn * dn);
    kn_[0] = static_cast<std::uint32_t>((dn / q) * m1);
    kn_[1] = 0;
    wn_[0] = q / m1;
    wn_[127] = dn / m1;
    fn_[0] = 1.0;
    fn_[127] = std::exp(-0.5 * dn * dn);
    for (int i = 126; i >= 1; --i) {
      dn = std::sqrt(-2.0 * std::log(kV / dn + std::exp(-0.5 * dn * dn)));
      kn_[i + 1] = static_cast<std::uint32_t>((dn / tn) * m1);
      tn = dn;
      fn_[i] = std::exp(-0.5 * dn * dn);
      wn_[i] = dn / m1;
    }
    for (int i = 0; i < 128; ++i) kn_double_[i] = kn_[i];
    bound_wedges();
  }

  template <class Rng>
  [[gnu::noinline]] double slow(Rng& rng, std::int32_t hz, std::uint32_t iz) const {
    for (;;) {
      const double x = hz * wn_[iz];
      if (iz == 0) {  // the tail: x > r
        double tx;
        double ty;
        do {
          tx = -std::log1p(-uniform(rng)) / kR;
          ty = -std::log1p(-uniform(rng));
        } while (ty + ty < tx * tx);
        return hz > 0 ? kR + tx : -kR - tx;
      }
      // The wedge: accept below the curve. Two lines bound the curve over the layer's wedge
      // (chord and tangent), so exp() is needed only between them: the same decision,
      // without exp() for most points.
      const double y = fn_[iz] + uniform(rng) * (fn_[iz - 1] - fn_[iz]);
      const Wedge& wedge = wedge_[iz];
      const double ax = std::abs(x);
      const double chord = wedge.chord0 + wedge.chord_slope * ax;
      const double tangent = wedge.tangent0 + wedge.tangent_slope * ax;
      const double below = wedge.convex ? tangent : chord;  // the curve is above this line
      const double above = wedge.convex ? chord : tangent;  // and below this one
      if (wedge.bounded && y < below - kBoundSlack) return x;
      if (!(wedge.bounded && y > above + kBoundSlack) && y < std::exp(-0.5 * x * x)) return x;
      hz = static_cast<std::int32_t>(rng());
      iz = static_cast<std::uint32_t>(hz) & 127u;
      if (static_cast<std::uint32_t>(std::abs(static_cast<std::int64_t>(hz))) < kn_[iz]) {
        return hz * wn_[iz];
      }
    }
  }

  // Lines that bound f(x) = exp(-x^2 / 2) over the wedge of layer i: the |x| that reach the
  // slow path, from kn_[i] wn_[i] (about x_(i-1); 0 for i = 1) to 2^31 wn_[i] = x_i. They are
  // the chord through the ends and the tangent at the middle. f is
  // concave for |x| < 1 (chord below, tangent above) and convex beyond (the other way round);
  // the layer across |x| = 1 is not bounded.
  struct Wedge {
    bool bounded = false, convex = false;
    double chord0 = 0.0, chord_slope = 0.0, tangent0 = 0.0, tangent_slope = 0.0;
  };
  // Far more than the rounding of the lines and of exp() (about 1e-15 here).
  static constexpr double kBoundSlack = 1e-12;

  void bound_wedges() {
    const double m1 = 2147483648.0;
    for (int i = 1; i < 128; ++i) {
      const double a = kn_[i] * wn_[i];
      const double b = m1 * wn_[i];
      const double fa = std::exp(-0.5 * a * a);
      const double fb = std::exp(-0.5 * b * b);
      Wedge& w = wedge_[i];
      w.chord_slope = (fb - fa) / (b - a);
      w.chord0 = fa - w.chord_slope * a;
      const double mid = 0.5 * (a + b);
      const double f_mid = std::exp(-0.5 * mid * mid);
      w.tangent_slope = -mid * f_mid;
      w.tangent0 = f_mid - w.tangent_slope * mid;
      w.convex = a >= 1.0;
      w.bounded = a >= 1.0 || b <= 1.0;
    }
  }

  std::array<std::uint32_t, 128> kn_{};
  std::array<double, 128> kn_double_{};  // kn_ for the vector fast path
  std::array<double, 128> wn_{};
  std::array<double, 128> fn_{};
  std::array<Wedge, 128> wedge_{};
};

}  // namespace baton::sim
