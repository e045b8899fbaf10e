// Checks markdown reports as GitHub renders them: every ```mermaid block parses with Mermaid's own parser, and every
// in-page link (#anchor) points at a heading, using github-slugger (GitHub's heading-anchor rules). Takes files, or
// folders searched for DATA_LAYER.md. Exits 1 on any failure.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
const { default: GithubSlugger } = await import('github-slugger');

function* reports(path) {
  if (statSync(path).isFile()) { yield path; return; }
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'bin' || entry === 'obj' || entry.startsWith('.')) continue;
    const child = join(path, entry);
    if (statSync(child).isDirectory()) yield* reports(child);
    else if (entry === 'DATA_LAYER.md') yield child;
  }
}

let parsed = 0;
let links = 0;
let failures = 0;
for (const root of process.argv.slice(2)) {
  for (const file of reports(root)) {
    const text = readFileSync(file, 'utf8');
    const slugger = new GithubSlugger();
    const anchors = new Set(text.split('\n').filter(l => /^#{1,6} /.test(l)).map(l => slugger.slug(l.replace(/^#+ /, ''))));
    for (const [, anchor] of text.matchAll(/\]\(#([^)]+)\)/g)) {
      if (anchors.has(anchor)) { links++; } else { failures++; console.error(`${file}: link #${anchor} matches no heading`); }
    }
    const blocks = [...text.matchAll(/```mermaid\n([\s\S]*?)```/g)];
    for (const [index, block] of blocks.entries()) {
      try {
        await mermaid.parse(block[1]);
        parsed++;
      } catch (error) {
        failures++;
        console.error(`${file}: diagram ${index + 1} does not parse: ${String(error.message).split('\n').slice(0, 4).join(' | ')}`);
      }
    }
  }
}
console.log(`mermaid: ${parsed} diagrams parse; anchors: ${links} in-page links resolve; ${failures} problems`);
if (parsed === 0 && failures === 0) { console.error('mermaid: no diagram found'); process.exit(1); }
process.exit(failures === 0 ? 0 : 1);
