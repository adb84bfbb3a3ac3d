/** The admin-policy scenarios (issue 7): a good policy and a broken one, through policies.json. */
import type { Fixture } from "./fixtures.js";
import { policyDelivery, policyHooks } from "./policy-file.js";
import type { Scenario } from "./run-scenario.js";

/** A second account, never connected, whose identity and server name the policy's accountTrust matches. */
const CORP_ACCOUNT_PREFS = {
  "mail.accountmanager.accounts": "account1,account2",
  "mail.accountmanager.defaultaccount": "account2",
  "mail.account.account2.server": "server2",
  "mail.account.account2.identities": "id1",
  "mail.server.server2.type": "pop3",
  "mail.server.server2.hostname": "pop.corp.example",
  "mail.server.server2.name": "pop.corp.example",
  "mail.server.server2.userName": "alice",
  "mail.server.server2.login_at_startup": false,
  "mail.server.server2.check_new_mail": false,
  "mail.server.server2.download_on_biff": false,
  "mail.identity.id1.useremail": "alice@corp.example",
  "mail.identity.id1.fullName": "Alice Corp",
  "mail.identity.id1.valid": true,
};

/**
 * Trusts the demo's receiving server for all accounts, more servers for the corp.example account,
 * locks the banner mode and the global list, and tags tls=pass mail with an admin rule. Booleans
 * are written the ways Thunderbird's policy engine may deliver them (1, "true").
 */
export const GOOD_POLICY = {
  trustedAuthservIds: ["mx.example.net"],
  accountTrust: [
    { match: { emailDomain: "corp.example" }, trustedAuthservIds: ["mx.corp.example"] },
    { match: { incomingServer: "pop.corp.example" }, trustedAuthservIds: ["filter.corp.example"] },
  ],
  trustedForwarders: ["lists.example.org"],
  bannerMode: "always",
  showBadge: 1,
  allowUserRules: "true",
  adminRules: [
    {
      id: "org-tls-verified",
      name: "Organization: tag mail that arrived over verified TLS",
      conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }],
      actions: [{ type: "addTag", tag: "$org_tls", name: "TLS (organization)", color: "#2e7d32" }],
    },
  ],
  locked: ["bannerMode", "trustedAuthservIds"],
};

/**
 * Checking turned on and locked by the administrator, with a public DoH server: a policy cannot
 * grant the server's host permission, so the person is offered "Allow" on the options page, and
 * until then nothing is sent.
 */
export const CHECKING_POLICY = {
  trustedAuthservIds: ["mx.example.net"],
  checkSignatures: true,
  dohServer: "https://dns.quad9.net/dns-query",
  locked: ["checkSignatures", "dohServer"],
};

/** Wrong types, unknown keys, an invalid rule: every problem must be reported, the valid parts applied. */
export const BROKEN_POLICY = {
  trustedAuthservIds: ["mx.example.net", "bad server;"],
  bannerMode: "sometimes",
  showBadge: "yes",
  locked: ["bannerMode", "colour"],
  accountTrust: [{ match: {}, trustedAuthservIds: ["x.example"] }],
  adminRules: [{ id: "no-actions", name: "A rule without actions", conditions: [{ type: "methodResult", method: "tls", results: ["pass"] }], actions: [] }],
  allowUserRules: 2,
  colour: "red",
};

export const BROKEN_POLICY_PATHS = [
  "trustedAuthservIds[1]",
  "bannerMode",
  "showBadge",
  "locked[1]",
  "accountTrust[0].match",
  "adminRules[0].actions",
  "allowUserRules",
  "colour",
];

export function policyScenarios(demo: readonly Fixture[]): Scenario[] {
  const first = demo.find((f) => f.file.startsWith("01-"));
  if (!first) throw new Error("test/fixtures/demo/01-*.eml is missing");
  const message01 = { subject: first.subject, text: first.text };
  const delivery = policyDelivery();
  return [
    {
      name: "policy",
      tests: [
        "the policy's trusted server gives demo message 01 its real verdict without any user action",
        "the policy's accountTrust reaches the account with a matching identity domain and server name",
        "the admin rule tags tls=pass mail",
        "the options page shows the locked settings disabled and marked",
        "a user change to a locked setting is refused, also when storage.local is edited by hand",
      ],
      inbox: demo.map((f) => f.text),
      prefs: CORP_ACCOUNT_PREFS,
      data: { policy: GOOD_POLICY, message01, delivery, inboxCount: demo.length },
      ...policyHooks(GOOD_POLICY),
    },
    {
      name: "policy-checking",
      tests: ["checking turned on and locked by the policy: the pane says the server is not allowed yet, the options page offers Allow"],
      inbox: demo.map((f) => f.text),
      data: { policy: CHECKING_POLICY, message01, delivery, inboxCount: demo.length },
      ...policyHooks(CHECKING_POLICY),
    },
    {
      name: "policy-broken",
      tests: ["a broken policy shows its problems with their paths, and the add-on keeps working"],
      inbox: demo.map((f) => f.text),
      data: { policy: BROKEN_POLICY, paths: BROKEN_POLICY_PATHS, message01, delivery, inboxCount: demo.length },
      ...policyHooks(BROKEN_POLICY),
    },
  ];
}
