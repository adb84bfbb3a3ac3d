import { demoFixtures, headerValues } from "./fixtures.js";
import type { Scenario } from "./run-scenario.js";

const AUTH_HEADERS = ["authentication-results", "arc-seal", "arc-message-signature", "arc-authentication-results"];

export function scenarios(root: string): Scenario[] {
  const demo = demoFixtures(root);
  const arc = demo.find((f) => f.file.startsWith("03-"));
  if (!arc) throw new Error("test/fixtures/demo/03-*.eml (the ARC fixture) is missing");
  const managed = { trustedAuthservIds: ["mx.example.net"], bannerMode: "failures", lockedSettings: ["trustedAuthservIds"] };
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
  ];
}
