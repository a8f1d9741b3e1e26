import { type Config, loadConfig } from "../../src/config/config.ts";

/** The development defaults with test overrides; no file or port of the developer's is touched. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({ NODE_ENV: "test", LOG_LEVEL: "silent", ...overrides });
}
