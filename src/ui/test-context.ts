// The page context of a view rendered alone in a unit test: nobody signed in, demo support contacts.
import type { PageContext } from "./layout.tsx";

export function testPageContext(overrides: Partial<PageContext> = {}): PageContext {
  return {
    viewer: undefined,
    csrfToken: "t",
    path: "/",
    support: { phone: "8 800 000-00-00", email: "help@example.org", hours: "пн–пт 9:00–18:00" },
    standin: false,
    ...overrides,
  };
}
