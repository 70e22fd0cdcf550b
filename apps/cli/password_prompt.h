// Reading a password for `baton users`: from standard input (--password-stdin) or typed twice
// on the terminal with echo off. The password is never printed.
#pragma once

#include <string>

namespace baton::cli {

/// The first line of standard input, without its line end. ParseError ("--password-stdin")
/// when standard input is empty.
std::string password_from_stdin();

/// Asks for a password on the terminal that is standard input (`prompt`, then "Again: ", on
/// stderr) without echo; ParseError when standard input is not a terminal (use
/// --password-stdin) or the two differ.
std::string password_from_terminal(const std::string& prompt);

}  // namespace baton::cli
