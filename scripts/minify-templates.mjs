// The UI's lit templates (html`…`, css`…`) are written indented for people; in the add-on their
// line breaks and indentation are only bytes. esbuild leaves template text as it is, so this
// esbuild plugin collapses, in the literal text of those templates only, every run of white space
// that holds a line break into one space. HTML and CSS render such a run exactly as one space
// (the UI writes no literal text inside <pre> or white-space: pre elements; their text comes from
// expressions, which are not touched). The TypeScript parser finds the templates, so strings,
// comments and nested templates are told apart exactly.
import { readFile } from "node:fs/promises";
import ts from "typescript";

const TAGS = new Set(["html", "css", "svg"]);

/** The literal parts of a template: [start, end) of their text, without `, ${ and }. */
function literalRanges(template, sf) {
  const parts = ts.isNoSubstitutionTemplateLiteral(template) ? [template] : [template.head, ...template.templateSpans.map((s) => s.literal)];
  return parts.map((p) => {
    const start = p.getStart(sf) + 1; // after ` (or the } closing an expression)
    const closesWithBacktick = p.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral || p.kind === ts.SyntaxKind.TemplateTail;
    return [start, p.getEnd() - (closesWithBacktick ? 1 : 2)];
  });
}

/** The source with the white space of its html/css/svg templates collapsed. */
export function minifyTemplates(source, fileName = "file.ts") {
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const ranges = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) ranges.push(...literalRanges(node.template, sf));
    ts.forEachChild(node, visit);
  };
  visit(sf);
  let out = source;
  for (const [start, end] of ranges.sort((a, b) => b[0] - a[0])) {
    out = out.slice(0, start) + out.slice(start, end).replace(/[ \t]*(?:\r?\n)[ \t\r\n]*/g, " ") + out.slice(end);
  }
  return out;
}

/** esbuild plugin: minifies the templates of the UI's TypeScript files (src/ui/). */
export const minifyTemplatesPlugin = {
  name: "minify-lit-templates",
  setup(build) {
    build.onLoad({ filter: /[\\/]src[\\/]ui[\\/].*\.ts$/ }, async (args) => ({
      contents: minifyTemplates(await readFile(args.path, "utf8"), args.path),
      loader: "ts",
    }));
  },
};
