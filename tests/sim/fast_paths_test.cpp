// The pieces that make the simulation fast must change nothing but speed: the bulk generator
// reproduces pcg32, the Newton pass solver reproduces solve_handoff(), and the inline table
// lookup reproduces the tables.
#include <gtest/gtest.h>

#include <cmath>
#include <pcg_random.hpp>
#include <vector>

#include "baton/simulation.h"
#include "sim/exchange_model.h"
#include "sim/pass_solver.h"
#include "sim/pcg_lanes.h"
#include "sim/ziggurat.h"

namespace baton {
namespace {

TEST(Pcg32Lanes, BulkAndSingleDrawsAreThePcg32Sequence) {
  // Both bulk versions: with AVX-512 intrinsics (where this machine has them) and portable.
  for (bool portable : {false, true}) {
    for (std::uint64_t stream : {0ull, 1ull, 977ull}) {
      pcg32 reference(42, stream);
      sim::Pcg32 rng(42, stream);
      std::vector<std::uint32_t> bulk(1003);
      // Single draws, then bulk fills of awkward lengths, then single draws again.
      for (int i = 0; i < 5; ++i) ASSERT_EQ(rng(), reference()) << i;
      for (std::size_t n :
           {std::size_t{1003}, std::size_t{4}, std::size_t{7}, std::size_t{0}, std::size_t{40}}) {
        portable ? rng.fill_portable(bulk.data(), n) : rng.fill(bulk.data(), n);
        for (std::size_t i = 0; i < n; ++i) {
          ASSERT_EQ(bulk[i], reference()) << portable << " " << n << " " << i;
        }
      }
      for (int i = 0; i < 5; ++i) ASSERT_EQ(rng(), reference()) << i;
    }
  }
}

TEST(Ziggurat, BulkConversionEqualsOneByOne) {
  const sim::Ziggurat& z = sim::Ziggurat::instance();
  // Whole pieces of 512, a piece ending inside a word of eight rejection flags, a short fill.
  for (std::size_t n : {std::size_t{4096}, std::size_t{4093}, std::size_t{5}}) {
    sim::Pcg32 a(3, n);
    sim::Pcg32 b(3, n);
    std::vector<std::uint32_t> bits(n);
    std::vector<std::uint32_t> same_bits(n);
    std::vector<double> normals(n);
    a.fill(bits.data(), n);
    b.fill(same_bits.data(), n);
    z.fill(a, bits.data(), normals.data(), n);
    for (std::size_t i = 0; i < n; ++i) {
      // Rejections (about 2.8 %) draw more numbers from the generator, in the same order.
      ASSERT_EQ(normals[i], z.from_bits(same_bits[i], b)) << n << " " << i;
    }
    EXPECT_EQ(a(), b()) << n;
  }
}

TEST(Ziggurat, BothFastPathsAgree) {
  // The AVX-512 version (where this machine has it) and the portable one, over lengths that
  // leave every remainder of sixteen and eight.
  const sim::Ziggurat& z = sim::Ziggurat::instance();
  for (std::size_t n : {std::size_t{512}, std::size_t{509}, std::size_t{23}, std::size_t{7}}) {
    sim::Pcg32 rng(5, n);
    std::vector<std::uint32_t> bits(n);
    rng.fill(bits.data(), n);
    std::vector<double> a(n), b(n);
    std::vector<std::uint32_t> ra(n + 16), rb(n + 16);
    const std::size_t ca = sim::ziggurat_fast_path(z.fast_bounds(), z.fast_widths(), bits.data(),
                                                   a.data(), ra.data(), n);
    const std::size_t cb = sim::ziggurat_fast_path_portable(z.fast_bounds(), z.fast_widths(),
                                                            bits.data(), b.data(), rb.data(), n);
    ASSERT_EQ(ca, cb) << n;
    for (std::size_t k = 0; k < ca; ++k) ASSERT_EQ(ra[k], rb[k]) << n << " " << k;
    for (std::size_t i = 0; i < n; ++i) ASSERT_EQ(a[i], b[i]) << n << " " << i;
    if (n == 512) EXPECT_GT(ca, 5u);  // about 2.8 % of the draws
  }
}

// Marsaglia and Tsang's RNOR (J. Stat. Software 5(8), 2000, with its 32-bit draws) on
// Ziggurat's own tables, sampling as the paper gives it: the straightforward reference for
// Ziggurat's sampling, whose wedge test skips exp() where two lines already decide.
class PaperZiggurat {
 public:
  explicit PaperZiggurat(const sim::Ziggurat& z)
      : kn_(z.fast_bounds()), wn_(z.fast_widths()), fn_(z.layer_heights()) {}
  double operator()(sim::Pcg32& rng) const {
    auto hz = static_cast<std::int32_t>(rng());
    auto iz = static_cast<std::uint32_t>(hz) & 127u;
    for (;;) {
      if (std::abs(static_cast<double>(hz)) < kn_[iz]) {
        return hz * wn_[iz];
      }
      const double x = hz * wn_[iz];
      if (iz == 0) {
        const double r = 3.442619855899;
        double tx, ty;
        do {
          tx = -std::log1p(-(rng() * 0x1p-32)) / r;
          ty = -std::log1p(-(rng() * 0x1p-32));
        } while (ty + ty < tx * tx);
        return hz > 0 ? r + tx : -r - tx;
      }
      if (fn_[iz] + (rng() * 0x1p-32) * (fn_[iz - 1] - fn_[iz]) < std::exp(-0.5 * x * x)) {
        return x;
      }
      hz = static_cast<std::int32_t>(rng());
      iz = static_cast<std::uint32_t>(hz) & 127u;
    }
  }

 private:
  const double* kn_;  // the layers' bounds on |hz| (integers, as doubles)
  const double* wn_;
  const double* fn_;
};

TEST(Ziggurat, IsThePapersAlgorithm) {
  // Four million draws, some 110,000 of them through the slow path.
  sim::Pcg32 a(8, 1);
  sim::Pcg32 b(8, 1);
  const sim::Ziggurat& z = sim::Ziggurat::instance();
  const PaperZiggurat paper(z);
  for (int i = 0; i < 4000000; ++i) ASSERT_EQ(z(a), paper(b)) << i;
  EXPECT_EQ(a(), b());
}

HandoffParams blind_plan() {
  const Event e = find_event("4x100", RuleSet::wa);
  return reference_team("t", 38.0, e).exchanges[0].handoff;
}

TEST(PassSolver, AgreesWithSolveHandoff) {
  // A sweep over go-marks (from immediate contact to never catching up), incoming speeds
  // (below and above the outgoing runner's top speed), decelerations and reactions.
  int compared = 0, exchanged = 0, legal = 0, late = 0;
  for (double decel : {0.0, 0.5, 2.0}) {
    for (double u : {6.0, 9.5, 10.5, 11.0, 12.5}) {
      for (double reaction : {0.0, 0.15, 0.4}) {
        for (double mark = 0.0; mark <= 60.0; mark += 0.37) {
          HandoffParams p = blind_plan();
          p.incoming_decel_mps2 = decel;
          p.incoming_speed_mps = u;
          p.reaction_s = reaction;
          p.go_mark_m = mark;
          const HandoffResult ref = solve_handoff(p);
          const sim::PassOutcome fast = sim::solve_pass(p);
          ++compared;
          exchanged += ref.exchanged;
          legal += ref.legal;
          ASSERT_EQ(fast.exchanged, ref.exchanged) << u << " " << decel << " " << mark;
          // Legality is decided at 1e-9 m of a zone edge; the roots differ by about 1e-12 s.
          if (std::abs(ref.baton_position_m) > 1e-6 &&
              std::abs(ref.baton_position_m - p.zone_length_m) > 1e-6) {
            ASSERT_EQ(fast.legal, ref.legal) << u << " " << decel << " " << mark;
          }
          EXPECT_NEAR(fast.baton_m, ref.baton_position_m, 1e-9) << u << " " << decel << " " << mark;
          EXPECT_NEAR(fast.mismatch_mps, ref.incoming_speed_mps - ref.outgoing_speed_mps, 1e-9)
              << u << " " << decel << " " << mark;
          // A late pass and what its easing costs the outgoing runner, as late_pass() says.
          ASSERT_EQ(fast.late, ref.late) << u << " " << decel << " " << mark;
          late += ref.late && ref.exchanged;
          if (ref.exchanged) {
            EXPECT_NEAR(fast.ease_cost_s, ref.ease_cost_s, 1e-9)
                << u << " " << decel << " " << mark;
          }
        }
      }
    }
  }
  // The sweep covers every kind of outcome.
  EXPECT_GT(exchanged, compared / 10);
  EXPECT_LT(exchanged, compared);
  EXPECT_GT(legal, 0);
  EXPECT_LT(legal, exchanged);
  EXPECT_GT(late, 0);
}

TEST(ExchangeModel, QuickWindowEqualsTheExactWindow) {
  for (double decel : {0.0, 0.8}) {
    HandoffParams plan = blind_plan();
    plan.incoming_decel_mps2 = decel;
    const sim::ExchangeModel m(plan, 0.1, 0.35);
    for (double f = 0.9; f <= 1.1; f += 0.01) {
      const double u = f * plan.incoming_speed_mps;
      double lo = 0, hi = 0;
      m.exact_window(u, lo, hi);
      // The table's window at a node is the bisection of the quick solver (1 us), between
      // nodes an interpolation: within 2 ms as TablesAgreeWithTheExactSolver allows, where the
      // tables serve (departures within the 0.35 s span around the planned reaction). Far
      // earlier departures end in late passes whose limit bends with the speed.
      const double span_lo = plan.reaction_s - 0.35;
      if (lo >= span_lo) EXPECT_NEAR(m.tau_min(u), lo, 2e-3) << u;
      if (lo < span_lo) EXPECT_LT(m.tau_min(u), span_lo + 2e-3) << u;
      EXPECT_NEAR(m.tau_max(u), hi, 2e-3) << u;
    }
  }
}

TEST(ExchangeModel, LookupFlagsPointsOutsideTheTables) {
  const HandoffParams plan = blind_plan();
  const sim::ExchangeModel m(plan, 0.1, 0.35);
  const double u = plan.incoming_speed_mps;
  EXPECT_FALSE(m.lookup(plan.reaction_s, u).outside);
  EXPECT_TRUE(m.lookup(plan.reaction_s, 0.8 * u).outside);
  EXPECT_TRUE(m.lookup(plan.reaction_s, 1.2 * u).outside);
  // Outside the tables fast() asks the solver, which agrees with the reference.
  const sim::PassOutcome far = m.fast(plan.reaction_s, 1.2 * u);
  const sim::PassOutcome ref = m.exact(plan.reaction_s, 1.2 * u);
  EXPECT_EQ(far.legal, ref.legal);
  EXPECT_NEAR(far.baton_m, ref.baton_m, 1e-9);
}

TEST(ExchangeModel, LookupAllIsLookupBitForBit) {
  // The vector loop (the clone for this machine's instruction set) against the scalar lookup,
  // over the tables, beyond them in speed and departure, and next to the thresholds, with and
  // without deceleration; 1001 points leave a remainder in every vector width.
  for (double decel : {0.0, 0.8}) {
    HandoffParams plan = blind_plan();
    plan.incoming_decel_mps2 = decel;
    const sim::ExchangeModel m(plan, 0.1, 0.35);
    const double u0 = plan.incoming_speed_mps;
    sim::Pcg32 rng(11, 7);
    const std::size_t n = 1001;
    std::vector<double> tau(n), u(n), baton(n), mismatch(n), ease(n);
    std::vector<std::uint64_t> flags(n);
    for (std::size_t r = 0; r < n; ++r) {
      u[r] = u0 * (0.85 + 0.3 * (rng() * 0x1p-32));
      tau[r] = plan.reaction_s + 0.5 * (rng() * 0x1p-32 - 0.5);
      if (r % 5 == 0) tau[r] = m.tau_min(u[r]) + 1e-7 * (static_cast<double>(r % 3) - 1.0);
    }
    m.lookup_all(tau.data(), u.data(), n,
                 {baton.data(), mismatch.data(), ease.data(), flags.data()});
    std::size_t legal = 0, outside = 0, late = 0;
    for (std::size_t r = 0; r < n; ++r) {
      const sim::TableLookup t = m.lookup(tau[r], u[r]);
      const std::uint64_t f = flags[r];
      ASSERT_EQ((f & sim::LookupBatch::kLegal) != 0, t.legal) << r;
      ASSERT_EQ((f & sim::LookupBatch::kOutside) != 0, t.outside) << r;
      ASSERT_EQ((f & sim::LookupBatch::kLate) != 0, t.late) << r;
      ASSERT_EQ(f & ~std::uint64_t{7}, 0u) << r;
      ASSERT_EQ(baton[r], t.baton_m) << r;
      ASSERT_EQ(mismatch[r], t.mismatch_mps) << r;
      ASSERT_EQ(ease[r], t.ease_cost_s) << r;
      legal += t.legal, outside += t.outside, late += t.late;
    }
    // The points cover every case.
    EXPECT_GT(legal, 100u);
    EXPECT_GT(outside, 100u);
    EXPECT_GT(late, 10u);
    EXPECT_LT(legal, n);
  }
}

}  // namespace
}  // namespace baton
