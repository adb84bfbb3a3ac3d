import { describe, expect, it } from "vitest";
// @ts-expect-error -- a build script in plain JavaScript, without type declarations
import { minifyTemplates } from "../../../scripts/minify-templates.mjs";

const min = minifyTemplates as (source: string) => string;

describe("minifyTemplates (the build's lit template minifier)", () => {
  it("collapses line breaks and indentation in html and css templates into one space", () => {
    const src = "const a = html`<div>\n    <p class=${c}>\n      ${t(\"x\")}\n    </p>\n  </div>`;\nconst s = css`\n  :host {\n    color: red;\n  }\n`;";
    expect(min(src)).toBe('const a = html`<div> <p class=${c}> ${t("x")} </p> </div>`;\nconst s = css` :host { color: red; } `;');
  });

  it("leaves other templates, strings, comments and code untouched, and reaches nested templates", () => {
    const src = [
      "const plain = `keep\n   this`;",
      "const other = sql`keep\n   this`;",
      "// html`not a template\n",
      "const nested = html`<ul>\n  ${items.map((i) => html`<li>\n    ${i}\n  </li>`)}\n</ul>`;",
      'const s = "html`\\n   `";',
    ].join("\n");
    const out = min(src);
    expect(out).toContain("const plain = `keep\n   this`;");
    expect(out).toContain("const other = sql`keep\n   this`;");
    expect(out).toContain("// html`not a template\n");
    expect(out).toContain("const nested = html`<ul> ${items.map((i) => html`<li> ${i} </li>`)} </ul>`;");
    expect(out).toContain('const s = "html`\\n   `";');
  });

  it("keeps single spaces and white space without a line break as they are", () => {
    expect(min("html`<b>a</b> <i>b</i>  c`")).toBe("html`<b>a</b> <i>b</i>  c`");
  });
});
