#include "cli/password_prompt.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "baton/error.h"

namespace baton::cli {
namespace {

// One line typed on the terminal `fd` with echo off (restored however the read ends); the
// prompt goes to stderr, so stdout stays the command's answer.
std::string read_hidden(int fd, const std::string& prompt) {
  (void)!::write(STDERR_FILENO, prompt.data(), prompt.size());
  termios old{};
  const bool tty = tcgetattr(fd, &old) == 0;
  if (tty) {
    termios quiet = old;
    quiet.c_lflag &= static_cast<tcflag_t>(~ECHO);
    quiet.c_lflag |= ECHONL;
    tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  std::string line;
  char c = 0;
  while (::read(fd, &c, 1) == 1 && c != '\n') line += c;
  if (tty) tcsetattr(fd, TCSAFLUSH, &old);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace

std::string password_from_stdin() {
  std::string line;
  if (!std::getline(std::cin, line) && line.empty()) {
    throw ParseError("standard input held no password", Location{"--password-stdin", 0, ""});
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

std::string password_from_terminal(const std::string& prompt) {
  // Standard input must be the terminal itself: a password piped in without --password-stdin
  // is more likely a mistake than a choice.
  if (!isatty(STDIN_FILENO)) {
    throw ParseError(
        "standard input is not a terminal to type the password on: pipe it in "
        "with --password-stdin",
        Location{"--password-stdin", 0, ""});
  }
  const std::string first = read_hidden(STDIN_FILENO, prompt);
  const std::string second = read_hidden(STDIN_FILENO, "Again: ");
  if (first != second) {
    throw ParseError("the two passwords differ: nothing was changed", Location{"password", 0, ""});
  }
  return first;
}

}  // namespace baton::cli
