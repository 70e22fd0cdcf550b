// A QR code for the terminal, so a phone's camera can open the server's address.
#pragma once

#include <string>

namespace baton::server {

/// `text` as a QR code (libqrencode, error correction level M) drawn with Unicode half blocks:
/// two rows of modules per line, with the 4-module quiet zone the standard asks for. Light
/// modules are drawn as blocks and dark ones as blanks (as `qrencode -t UTF8` does), which reads
/// right on the usual dark terminal; phone cameras read either polarity. Empty when the text
/// does not fit a QR code.
std::string qr_half_blocks(const std::string& text);

}  // namespace baton::server
