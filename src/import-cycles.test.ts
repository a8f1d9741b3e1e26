// No module of src/ imports itself through others: a circle makes the order of evaluation decide
// whether a binding is ready (the routes ↔ filing routes and the staff page ↔ its forms circles were
// cut for that). `import type` and `export type` are erased at build time and do not count.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";

const root = resolve(import.meta.dirname);

function sources(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The relative modules a file loads at run time. */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const statements = text.matchAll(/^\s*(?:import|export)\s+(type\s+)?(?:[^;"]*?\sfrom\s+)?"(\.[^"]+)"/gm);
  return [...statements].filter((match) => !match[1]).map((match) => resolve(dirname(file), match[2] ?? ""));
}

function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, "open");
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === "open") found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, "done");
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

test("the reader of imports sees a circle where there is one", () => {
  const graph = new Map([
    ["a", ["b"]],
    ["b", ["c"]],
    ["c", ["a"]],
    ["d", ["a"]],
  ]);
  assert.deepEqual(cycles(graph), [["a", "b", "c", "a"]]);
  assert.deepEqual(
    cycles(
      new Map([
        ["a", ["b"]],
        ["b", []],
      ]),
    ),
    [],
  );
});

test("no module of src/ imports itself through others at run time", () => {
  const files = sources(root);
  assert.ok(files.length > 100, "the sources were found");
  const graph = new Map(files.map((file) => [file, runtimeImports(file)]));
  const edges = [...graph.values()].reduce((sum, list) => sum + list.length, 0);
  assert.ok(edges > files.length, "the imports were read");
  const circles = cycles(graph).map((circle) => circle.map((file) => relative(root, file)).join(" → "));
  assert.deepEqual(circles, []);
});
