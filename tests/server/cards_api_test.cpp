// Relay cards and the relay report over HTTP: the order asked for (as the roster spells it) or
// the fastest one of the squad, the page in the answer, a print route that only this app may
// frame, and every bad request refused naming its field.
#include <gtest/gtest.h>

#include "server/server_process.h"

namespace baton {
namespace {

class CardsApi : public testing::ExampleServerTest {
 protected:
  testing::HttpResponse post(const std::string& path, const nlohmann::json& body) {
    return server.send_json("POST", path, body.dump());
  }
  std::vector<std::string> fastest_girls() {
    return post("/api/lineups", {{"event", "4x100"}, {"sex", "F"}}).json()["order"];
  }
};

std::string joined(const std::vector<std::string>& names) {
  std::string s;
  for (const std::string& n : names) s += (s.empty() ? "" : ",") + n;
  return s;
}

std::string url_encoded(const std::string& text) {
  std::string out;
  for (const unsigned char c : text) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == ',') {
      out += static_cast<char>(c);
    } else {
      char hex[4];
      std::snprintf(hex, sizeof hex, "%%%02X", c);
      out += hex;
    }
  }
  return out;
}

TEST_F(CardsApi, WithoutAnOrderTheFastestOrderGetsTheCards) {
  const std::vector<std::string> order = fastest_girls();
  const auto r = post("/api/cards", {{"event", "4x100"}, {"sex", "F"}});
  ASSERT_EQ(r.status, 200) << r.body;
  const nlohmann::json doc = r.json();
  EXPECT_EQ(doc["event"], "4x100");
  EXPECT_EQ(doc["name"], "4x100 m relay");
  EXPECT_EQ(doc["order"], order);
  EXPECT_EQ(doc["chosen"], false);
  EXPECT_GT(doc["team_time_s"].get<double>(), 40.0);
  const std::string html = doc["html"];
  for (const std::string& name : order) {
    EXPECT_NE(html.find("<h2>" + name + "</h2>"), std::string::npos) << name;
  }
  EXPECT_NE(html.find(" foot lengths ("), std::string::npos) << "go-marks are planned";
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST_F(CardsApi, AChosenOrderIsUsedWithTheRostersSpelling) {
  const std::vector<std::string> order = {"Marcus Reed", "Jaylen Scott", "Tyler Brooks",
                                          "Ethan Park"};
  const auto r =
      post("/api/cards",
           {{"event", "4x100"}, {"order", {"marcus reed", "JAYLEN SCOTT", order[2], order[3]}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["order"], order);
  EXPECT_EQ(r.json()["chosen"], true);
  const std::string html = r.json()["html"];
  for (const std::string& name : order) {
    EXPECT_NE(html.find("<h2>" + name + "</h2>"), std::string::npos) << name;
  }
  EXPECT_LT(html.find("<h2>" + order[0] + "</h2>"), html.find("<h2>" + order[1] + "</h2>"));
}

TEST_F(CardsApi, ReportsSayWhoChoseTheOrder) {
  auto r = post("/api/report", {{"event", "4x100"}, {"sex", "F"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["order"], fastest_girls());
  EXPECT_EQ(r.json()["chosen"], false);
  EXPECT_GT(r.json()["team_time_s"].get<double>(), 40.0);
  EXPECT_NE(r.json()["html"].get<std::string>().find("Best predicted lineup"), std::string::npos);

  const std::vector<std::string> order = {"Ethan Park", "Tyler Brooks", "Jaylen Scott",
                                          "Marcus Reed"};
  r = post("/api/report", {{"event", "4x100"}, {"order", order}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.json()["chosen"], true);
  const std::string html = r.json()["html"];
  EXPECT_EQ(r.json()["order"], order);
  for (const std::string& name : order) EXPECT_NE(html.find(name), std::string::npos) << name;
  EXPECT_NE(html.find("Running order chosen by the coach"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

TEST_F(CardsApi, ThePrintRouteServesThePageUnderAStrictPolicy) {
  const std::vector<std::string> order = fastest_girls();
  for (const char* kind : {"cards", "report"}) {
    const std::string want =
        post(std::string("/api/") + kind, {{"event", "4x100"}, {"order", order}}).json()["html"];
    const auto r = server.get(std::string("/print/") + kind +
                              "?event=4x100&order=" + url_encoded(joined(order)));
    ASSERT_EQ(r.status, 200) << kind << ": " << r.body;
    EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
    EXPECT_EQ(r.body, want) << kind;
    const std::string policy = r.header("content-security-policy");
    EXPECT_EQ(policy.rfind("default-src 'none'", 0), 0u) << policy;
    EXPECT_NE(policy.find("frame-ancestors 'self'"), std::string::npos) << policy;
    EXPECT_NE(policy.find("sandbox"), std::string::npos) << policy;
    EXPECT_EQ(policy.find("script"), std::string::npos) << policy;
    EXPECT_EQ(r.header("x-frame-options"), "SAMEORIGIN");
    EXPECT_EQ(r.header("x-content-type-options"), "nosniff");
  }
  // The squad picks the fastest order here too; the app's own pages stay unframeable.
  EXPECT_EQ(server.get("/print/cards?event=4x100&sex=F").body,
            post("/api/cards", {{"event", "4x100"}, {"sex", "F"}}).json()["html"]);
  EXPECT_EQ(server.get("/").header("x-frame-options"), "DENY");
}

TEST_F(CardsApi, OneRunnersCardHasALinkOfItsOwn) {
  const std::vector<std::string> order = fastest_girls();
  const std::string base = "/print/cards?event=4x100&order=" + url_encoded(joined(order));
  const auto all = server.get(base);
  ASSERT_EQ(all.status, 200) << all.body;
  for (size_t leg = 1; leg <= 4; ++leg) {
    const auto r = server.get(base + "&leg=" + std::to_string(leg));
    ASSERT_EQ(r.status, 200) << r.body;
    size_t cards = 0;
    for (size_t at = r.body.find("<section class=\"card\""); at != std::string::npos;
         at = r.body.find("<section class=\"card\"", at + 1)) {
      ++cards;
    }
    EXPECT_EQ(cards, 1u) << leg;
    EXPECT_NE(r.body.find("<h2>" + order[leg - 1] + "</h2>"), std::string::npos) << leg;
    EXPECT_NE(r.body.find("Leg " + std::to_string(leg) + " of 4"), std::string::npos) << leg;
  }
  for (const char* leg : {"0", "5", "two"}) {
    const auto r = server.get(base + "&leg=" + leg);
    EXPECT_EQ(r.status, 400) << leg;
    EXPECT_EQ(r.json()["field"], "leg") << leg;
  }
}

TEST_F(CardsApi, NamesAreEscapedInThePages) {
  const auto added = server.send_json(
      "POST", "/api/athletes",
      R"({"name": "Eve <i>O'Hara</i>", "sex": "F", "marks": {"100m": "12.40", "200m": "25.30"}})");
  ASSERT_EQ(added.status, 201) << added.body;
  const std::vector<std::string> order = {"Ava Brooks", "Maya Johnson", "Zoe Carter",
                                          "Eve <i>O'Hara</i>"};
  for (const char* path : {"/api/cards", "/api/report"}) {
    const auto r = post(path, {{"event", "4x100"}, {"order", order}});
    ASSERT_EQ(r.status, 200) << r.body;
    const std::string html = r.json()["html"];
    EXPECT_EQ(html.find("<i>"), std::string::npos) << path;
    EXPECT_NE(html.find("Eve &lt;i&gt;O"), std::string::npos) << path;
  }
}

struct BadBody {
  const char* body;
  int status;
  const char* field;
};

TEST_F(CardsApi, BadRequestsAreRefusedNamingTheField) {
  const BadBody cases[] = {
      {R"({"event": "4x100", )", 400, "body"},
      {R"(["4x100"])", 400, "body"},
      {R"({})", 400, "event"},
      {R"({"event": 4})", 400, "event"},
      {R"({"event": "4x100", "runs": 10})", 400, "runs"},
      {R"({"event": "4x100", "sex": "X"})", 400, "sex"},
      {R"({"event": "4x100", "sex": true})", 400, "sex"},
      {R"({"event": "4x100", "order": "Ava Brooks,Maya Johnson"})", 400, "order"},
      {R"({"event": "4x100", "order": ["Ava Brooks", 2, "Zoe Carter", "Lily Nguyen"]})", 400,
       "order.1"},
      {R"({"event": "4x150", "sex": "F"})", 404, "event"},
      {R"({"event": "4x100", "order": ["Ava Brooks", "Nobody Here", "Zoe Carter", "Lily Nguyen"]})",
       404, "order.1"},
  };
  for (const char* path : {"/api/cards", "/api/report"}) {
    for (const BadBody& c : cases) {
      const auto r = server.send_json("POST", path, c.body);
      EXPECT_EQ(r.status, c.status) << path << " " << c.body << " -> " << r.body;
      ASSERT_NO_THROW(r.json()) << r.body;
      EXPECT_EQ(r.json()["field"], c.field) << path << " " << c.body << " -> " << r.body;
    }
    // Three runners for four legs, one runner twice, or a list far too long: refused.
    nlohmann::json long_list = nlohmann::json::array();
    for (int i = 0; i < 65; ++i) long_list.push_back("Ava Brooks");
    for (const nlohmann::json& order :
         {nlohmann::json{"Ava Brooks", "Maya Johnson", "Zoe Carter"},
          nlohmann::json{"Ava Brooks", "Maya Johnson", "Zoe Carter", "Ava Brooks"}, long_list}) {
      const auto r = post(path, {{"event", "4x100"}, {"order", order}});
      EXPECT_EQ(r.status, 400) << path << " " << order.dump() << " -> " << r.body;
    }
    EXPECT_EQ(server.request("POST", path, R"({"event": "4x100"})", "text/plain").status, 400);
  }
  const struct {
    const char* target;
    const char* field;
  } gets[] = {{"/print/cards", "event"},
              {"/print/cards?event=4x100&color=red", "color"},
              {"/print/report?event=4x100&order=Ava%20Brooks,,Zoe%20Carter", "order"},
              {"/print/report?event=4x100&sex=Q", "sex"}};
  for (const auto& g : gets) {
    const auto r = server.get(g.target);
    EXPECT_EQ(r.status, 400) << g.target << " -> " << r.body;
    EXPECT_EQ(r.json()["field"], g.field) << g.target << " -> " << r.body;
  }
}

}  // namespace
}  // namespace baton
