import { errorCatalogue } from "./errors.ts";

/** docs/errors.md, generated from the catalogue (`npm run cli -- docs`); a test keeps them equal. */
export function renderErrorsDoc(): string {
  const rows = Object.entries(errorCatalogue).map(
    ([code, entry]) => `| \`${code}\` | ${entry.status} | ${entry.title} | ${entry.message} |`,
  );
  return [
    "# Error codes",
    "",
    "Generated from `src/shared/errors.ts`. Pages show the title and message; the JSON API answers",
    "`{code, message, details}`.",
    "",
    "| code | HTTP | title | message |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
}
