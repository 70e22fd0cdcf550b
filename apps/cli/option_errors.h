// Library errors name the request field ("go_mark_m", "order.2"); the command line names the
// option that held it ("--go-mark").
#pragma once

#include "baton/error.h"
#include "baton/workspace.h"

namespace baton::cli {

/// `where` naming the option that carries its field (cli_option_for_field()) when the error
/// is about a request value; errors in a file (a file name or line) are kept as they are.
Location option_location(const Location& where);

/// Runs `work`; a NotFoundError, ParseError or ValidationError about a request field is thrown
/// again, same type and message, naming the command-line option instead.
template <typename F>
auto naming_options(F&& work) {
  try {
    return work();
  } catch (const NotFoundError& e) {
    throw NotFoundError(e.message(), option_location(e.where()));
  } catch (const ParseError& e) {
    throw ParseError(e.message(), option_location(e.where()));
  } catch (const ValidationError& e) {
    throw ValidationError(e.message(), option_location(e.where()));
  }
}

}  // namespace baton::cli
