import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { renderErrorsDoc } from "./errors-doc.ts";

test("docs/errors.md lists the error catalogue as it is", () => {
  const committed = readFileSync(new URL("../../docs/errors.md", import.meta.url), "utf8");
  assert.equal(committed, renderErrorsDoc(), "regenerate with `npm run cli -- docs`");
});
