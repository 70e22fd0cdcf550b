// baton serve [--host H] [--port P] [--allowed-host NAME]... [--auth] [--tls-cert F --tls-key F]
// [--tls-self-signed]: the coach's web app and JSON API.
#include "cli/context.h"
#include "server/server.h"

namespace baton::cli {

void add_serve_command(CLI::App& app, Context& ctx) {
  auto opt = std::make_shared<server::ServeOptions>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the web app and its JSON API");
  cmd->add_option("--host", opt->host,
                  "Address to listen on (default 127.0.0.1; any other needs a login and a coach "
                  "account)");
  cmd->add_option("--port", opt->port, "TCP port (default 8080; 0 picks a free one)")
      ->check(CLI::Range(0, 65535));
  cmd->add_option("--allowed-host", opt->allowed_hosts,
                  "A host name requests may address this server by, besides localhost and its IP "
                  "address (repeatable; e.g. the machine's name on the team's network)");
  cmd->add_flag("--auth", opt->auth,
                "Require a login on every address, loopback too (baton users add ...)");
  cmd->add_option("--tls-cert", opt->tls_cert, "PEM certificate: serve HTTPS");
  cmd->add_option("--tls-key", opt->tls_key, "PEM private key of --tls-cert");
  cmd->add_flag("--tls-self-signed", opt->tls_self_signed,
                "Serve HTTPS with a self-signed certificate, made beside the database (or at "
                "--tls-cert/--tls-key) when missing; its fingerprint is printed");
  cmd->callback([opt, &ctx] {
    opt->db_path = ctx.db_path;
    server::serve(*opt);
  });
}

}  // namespace baton::cli
