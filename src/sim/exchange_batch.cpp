// ExchangeModel::lookup_all(): locate() and read() of exchange_model.h for many races in one
// loop without branches, which the compiler turns into vector code: eight races at a time
// with AVX-512, four with AVX2, two with SSE2 (a clone for each, picked when the program
// loads), every table load a gather. The arithmetic is that of locate() and read(), operation
// for operation; this file is compiled without contracting multiplies and adds into fused
// ones (cmake/modules.cmake), so every clone gives the bits of the scalar functions
// (ExchangeModel.LookupAllIsLookupBitForBit).
#include <algorithm>
#include <cmath>

#include "sim/exchange_model.h"

namespace baton::sim {

// The loop takes the tables' pointers and grid constants as separate arguments: GCC 12 does
// not vectorise it when they come in a struct.
struct ExchangeModel::Batch {
  [[gnu::target_clones("default", "arch=x86-64-v3", "arch=x86-64-v4")]] static void run(
      const double* __restrict rows, const double* __restrict nodes, double u0, double inv_du,
      double x_max, double y0, double inv_dy, double y_max, int last_i, int last_j, int nt,
      const double* __restrict tau_s, const double* __restrict u_mps, std::size_t n,
      double* __restrict baton, double* __restrict mismatch, double* __restrict ease,
      std::uint64_t* __restrict flags) {
    for (std::size_t r = 0; r < n; ++r) {
      const double tau = tau_s[r];
      // locate()
      const double x = (u_mps[r] - u0) * inv_du;
      const double xc = std::min(std::max(x, 0.0), x_max);
      const int i = std::min(static_cast<int>(xc), last_i);
      const double w = xc - i;
      const double bend = w * (w - 1.0);
      const int row = i * kRowWords;
      const double lo = rows[row + kLo] + w * rows[row + kDlo] + bend * rows[row + kQlo];
      const double hi = rows[row + kHi] + w * rows[row + kDhi] + bend * rows[row + kQhi];
      const double d =
          tau - (rows[row + kCentre] + w * rows[row + kDcentre] + bend * rows[row + kQcentre]);
      const double root = std::sqrt(std::abs(d));
      const double y = ((d < 0.0 ? -root : root) - y0) * inv_dy;
      const double yc = std::min(std::max(y, 0.0), y_max);
      const int j = std::min(static_cast<int>(yc), last_j);
      const double v = yc - j;
      const bool legal = (tau >= lo) & (tau <= hi);
      const double margin = rows[row + kMargin];
      const double to_lo = std::abs(tau - lo), to_hi = std::abs(tau - hi);
      const bool near = (to_lo < margin) | (to_hi < margin);
      const bool near_switch = std::abs(d) < rows[row + kSwitchMargin];
      // kRowFlags: late before the centre (1), late after it (2), the solver's segment (4).
      const auto row_flags = static_cast<int>(rows[row + kRowFlags]);
      const bool exact_row = (row_flags & 4) != 0;
      const bool late = ((d < 0.0 ? row_flags : row_flags >> 1) & 1) != 0;
      const bool outside = (x != xc) | near | (legal & ((y != yc) | exact_row | near_switch));
      flags[r] = (legal ? LookupBatch::kLegal : 0u) | (outside ? LookupBatch::kOutside : 0u) |
                 (late ? LookupBatch::kLate : 0u);
      // read()
      const int k = kNodeWords * (i * nt + j);  // node (i, j); (i, j + 1) follows
      const int b = k + kNodeWords * nt;        // node (i + 1, j)
      const auto at = [&](int field) {
        const double top =
            nodes[k + field] + v * (nodes[k + kNodeWords + field] - nodes[k + field]);
        const double bottom =
            nodes[b + field] + v * (nodes[b + kNodeWords + field] - nodes[b + field]);
        return top + w * (bottom - top);
      };
      mismatch[r] = at(kMismatch);
      baton[r] = at(kBaton);
      ease[r] = at(kEase);
    }
  }
};

void ExchangeModel::lookup_all(const double* tau_s, const double* u_mps, std::size_t n,
                               const LookupBatch& out) const {
  Batch::run(row_table_.data(), nodes_.data(), u0_, inv_du_, x_max_, y0_, inv_dy_, y_max_, nu_ - 2,
             nt_ - 2, nt_, tau_s, u_mps, n, out.baton_m, out.mismatch_mps, out.ease_cost_s,
             out.flags);
}

}  // namespace baton::sim
