#include "server/qr_text.h"

#include <qrencode.h>

#include <memory>

namespace baton::server {

std::string qr_half_blocks(const std::string& text) {
  std::unique_ptr<QRcode, void (*)(QRcode*)> code(
      QRcode_encodeString(text.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1), QRcode_free);
  if (!code) return "";
  constexpr int kQuiet = 4;
  const int width = code->width;
  const int size = width + 2 * kQuiet;
  // Light (true) outside the symbol and for light modules; libqrencode sets bit 0 for dark.
  const auto light = [&](int row, int col) {
    const int r = row - kQuiet;
    const int c = col - kQuiet;
    if (r < 0 || c < 0 || r >= width || c >= width) return true;
    return (code->data[r * width + c] & 1) == 0;
  };
  std::string out;
  for (int row = 0; row < size; row += 2) {
    for (int col = 0; col < size; ++col) {
      const bool top = light(row, col);
      const bool bottom = row + 1 < size ? light(row + 1, col) : false;
      out += top && bottom ? "\u2588" : top ? "\u2580" : bottom ? "\u2584" : " ";
    }
    out += '\n';
  }
  return out;
}

}  // namespace baton::server
