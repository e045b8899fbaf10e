// Parses every ```mermaid block in the given markdown files (or in every DATA_LAYER.md under the given folders)
// with Mermaid's own parser, as GitHub would render them. Exits 1 when a diagram does not parse.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>');
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');

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
let failures = 0;
for (const root of process.argv.slice(2)) {
  for (const file of reports(root)) {
    const text = readFileSync(file, 'utf8');
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
console.log(`mermaid: ${parsed} diagrams parse, ${failures} do not`);
if (parsed === 0 && failures === 0) { console.error('mermaid: no diagram found'); process.exit(1); }
process.exit(failures === 0 ? 0 : 1);
