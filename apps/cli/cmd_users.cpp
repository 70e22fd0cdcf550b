// baton users add|list|passwd|remove|audit: the accounts that may log in to `baton serve`, and
// the audit log of writes (include/baton/account_admin.h). Passwords are read from standard
// input (--password-stdin) or typed twice without echo, and never printed.
#include <fmt/format.h>

#include "baton/account_admin.h"
#include "baton/account_json.h"
#include "baton/text_table.h"
#include "cli/context.h"
#include "cli/password_prompt.h"
#include "common/today.h"

namespace baton::cli {
namespace {

AuditStamp cli_stamp() { return AuditStamp{utc_timestamp(), "cli"}; }

std::string read_password(bool from_stdin, const std::string& name) {
  return from_stdin ? password_from_stdin()
                    : password_from_terminal(fmt::format("Password for {}: ", name));
}

void add_add(CLI::App& users, Context& ctx) {
  auto account = std::make_shared<NewAccount>();
  auto role = std::make_shared<std::string>();
  auto from_stdin = std::make_shared<bool>(false);
  CLI::App* cmd = users.add_subcommand("add", "Create an account that may log in to the web app");
  cmd->add_option("name", account->name, "The name typed to log in")->required();
  cmd->add_option("--role", *role, "coach, assistant or athlete")
      ->required()
      ->check(CLI::IsMember({"coach", "assistant", "athlete"}));
  cmd->add_option("--athlete", account->athlete,
                  "For an athlete account: their name on the roster (default: the account name)");
  cmd->add_flag("--password-stdin", *from_stdin,
                "Read the password from the first line of standard input");
  cmd->callback([account, role, from_stdin, &ctx] {
    account->role = parse_role(*role, Location{"--role", 0, ""});
    Database db = ctx.open_database();
    account->password = read_password(*from_stdin, account->name);
    add_account(db, *account, cli_stamp());
    const Account stored = *Accounts(db).find(account->name);
    if (ctx.json) {
      ctx.print_json(account_to_json(stored));
    } else {
      ctx.print(fmt::format("Added {} ({}{})\n", stored.name, to_string(stored.role),
                            stored.athlete.empty() ? "" : ", runs as " + stored.athlete));
    }
  });
}

void add_list(CLI::App& users, Context& ctx) {
  CLI::App* cmd = users.add_subcommand("list", "List the accounts");
  cmd->callback([&ctx] {
    Database db = ctx.open_database();
    const std::vector<Account> all = Accounts(db).list();
    if (ctx.json) {
      nlohmann::json list = nlohmann::json::array();
      for (const Account& a : all) list.push_back(account_to_json(a));
      ctx.print_json({{"users", list}});
      return;
    }
    if (all.empty()) {
      ctx.print("No accounts yet: baton users add NAME --role coach\n");
      return;
    }
    TextTable table({"Name", "Role", "Athlete", "Created (UTC)"});
    for (const Account& a : all) {
      table.add_row({a.name, std::string(to_string(a.role)), a.athlete, a.created_at});
    }
    ctx.print(table.render());
  });
}

void add_passwd(CLI::App& users, Context& ctx) {
  auto name = std::make_shared<std::string>();
  auto from_stdin = std::make_shared<bool>(false);
  CLI::App* cmd = users.add_subcommand("passwd", "Set an account's password (logs it out)");
  cmd->add_option("name", *name, "The account")->required();
  cmd->add_flag("--password-stdin", *from_stdin,
                "Read the password from the first line of standard input");
  cmd->callback([name, from_stdin, &ctx] {
    Database db = ctx.open_database();
    if (!Accounts(db).find(*name)) {
      throw NotFoundError(fmt::format("no account called '{}'", *name), Location{"name", 0, ""});
    }
    change_password(db, *name, read_password(*from_stdin, *name), cli_stamp());
    if (ctx.json) {
      ctx.print_json({{"name", *name}, {"password_changed", true}});
    } else {
      ctx.print(fmt::format("Password of {} changed; its sessions ended\n", *name));
    }
  });
}

void add_remove(CLI::App& users, Context& ctx) {
  auto name = std::make_shared<std::string>();
  CLI::App* cmd = users.add_subcommand("remove", "Remove an account and end its sessions");
  cmd->add_option("name", *name, "The account")->required();
  cmd->callback([name, &ctx] {
    Database db = ctx.open_database();
    remove_account(db, *name, cli_stamp());
    if (ctx.json) {
      ctx.print_json({{"removed", *name}});
    } else {
      ctx.print(fmt::format("Removed {}\n", *name));
    }
  });
}

void add_audit(CLI::App& users, Context& ctx) {
  auto limit = std::make_shared<size_t>(50);
  CLI::App* cmd = users.add_subcommand("audit", "The newest writes: who, when (UTC), what");
  cmd->add_option("--limit", *limit, "How many entries (default 50)")->check(CLI::Range(1, 100000));
  cmd->callback([limit, &ctx] {
    Database db = ctx.open_database();
    const std::vector<AuditEntry> entries = Accounts(db).audit(*limit);
    if (ctx.json) {
      ctx.print_json(audit_to_json(entries));
      return;
    }
    TextTable table({"When (UTC)", "Who", "What", ">Status"});
    for (const AuditEntry& e : entries) {
      table.add_row({e.at, e.user, e.action, e.status ? std::to_string(e.status) : ""});
    }
    ctx.print(entries.empty() ? std::string("No writes logged yet\n") : table.render());
  });
}

}  // namespace

void add_users_command(CLI::App& app, Context& ctx) {
  CLI::App* users =
      app.add_subcommand("users", "Accounts that may log in to the web app, and the audit log");
  users->require_subcommand(1);
  add_add(*users, ctx);
  add_list(*users, ctx);
  add_passwd(*users, ctx);
  add_remove(*users, ctx);
  add_audit(*users, ctx);
}

}  // namespace baton::cli
