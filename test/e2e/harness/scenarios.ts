import { demoFixtures, fixtures, headerValues } from "./fixtures.js";
import type { Scenario } from "./run-scenario.js";
import { policyScenarios } from "./policy-scenarios.js";
import { DEMO_SETTINGS } from "./demo-settings.js";

/** The verdict of each demo message when the demo server mx.example.net is trusted (test/fixtures/demo/README.md). */
export const DEMO_VERDICTS: Record<string, string> = {
  "01-authenticated.eml": "verified",
  "02-dmarc-fail-cleartext.eml": "failed",
  "03-mailing-list-arc.eml": "failed",
  "04-forged-below.eml": "failed",
  "05-lookalike-idn.eml": "suspicious",
  "06-microsoft365.eml": "verified",
  "07-eai-domain.eml": "verified",
  "08-no-auth.eml": "unverified",
};

const AUTH_HEADERS = ["authentication-results", "arc-seal", "arc-message-signature", "arc-authentication-results"];

export function scenarios(root: string): Scenario[] {
  const demo = demoFixtures(root);
  const hostile = fixtures(root, "hostile");
  const arc = demo.find((f) => f.file.startsWith("03-"));
  if (!arc) throw new Error("test/fixtures/demo/03-*.eml (the ARC fixture) is missing");
  const managed = { trustedAuthservIds: ["mx.example.net"], bannerMode: "failures", lockedSettings: ["trustedAuthservIds"] };
  const expected = demo.map((f) => ({ file: f.file, subject: f.subject, level: DEMO_VERDICTS[f.file] ?? "unknown" }));
  return [
    {
      name: "foundation",
      tests: ["the add-on starts", "reads the Authentication-Results and ARC headers of a fixture"],
      inbox: demo.map((f) => f.text),
      data: {
        inboxCount: demo.length,
        arcFixture: {
          subject: arc.subject,
          headers: Object.fromEntries(AUTH_HEADERS.map((h) => [h, headerValues(arc.text, h)])),
        },
      },
    },
    {
      name: "managed",
      tests: ["values from managed storage reach the add-on"],
      managed,
      data: { managed },
    },
    {
      name: "pane",
      tests: [
        "every demo message gets its verdict on the button and in the popup",
        "the popup shows sender, DMARC, TLS and the ARC chain of the mailing-list message",
        "several selected messages show a neutral state",
        "the banner appears for failed and suspicious messages only",
        "the banner leaves the message itself unchanged",
      ],
      inbox: demo.map((f) => f.text),
      managed: DEMO_SETTINGS,
      data: { expected },
    },
    {
      name: "unconfigured",
      tests: ["Trust this server turns an unconfigured message into its real verdict"],
      inbox: demo.map((f) => f.text),
      data: { expected },
    },
    {
      name: "hostile",
      tests: ["hostile header values render inert and keep the layout"],
      inbox: hostile.map((f) => f.text),
      managed: DEMO_SETTINGS,
      data: { files: hostile.map((f) => ({ file: f.file, subject: f.subject })) },
    },
    ...policyScenarios(demo),
  ];
}
