// W19 by User-Agent: old Internet Explorer, EdgeHTML, Chrome, Firefox and Safari are caught; current
// browsers and anything unrecognised pass.
import assert from "node:assert/strict";
import { test } from "node:test";
import { checkBrowser } from "./browser-check.ts";

const agents: [string, boolean][] = [
  ["Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko", false],
  ["Mozilla/4.0 (compatible; MSIE 8.0; Windows NT 6.1; Trident/4.0)", false],
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19582",
    false,
  ],
  [
    "Mozilla/5.0 (Windows NT 6.1) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/79.0.3945.130 Safari/537.36",
    false,
  ],
  ["Mozilla/5.0 (Windows NT 6.1; rv:78.0) Gecko/20100101 Firefox/78.0", false],
  [
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_13_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/13.1.2 Safari/605.1.15",
    false,
  ],
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 YaBrowser/25.2.0.0 Safari/537.36",
    true,
  ],
  [
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
    true,
  ],
  ["Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0", true],
  [
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
    true,
  ],
  [
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/120.0.0.0 Safari/537.36",
    true,
  ],
  ["curl/8.5.0", true],
  ["", true],
];

for (const [agent, supported] of agents) {
  test(`${supported ? "supported" : "outdated"}: ${agent.slice(0, 90) || "(no User-Agent)"}`, () => {
    assert.equal(checkBrowser(agent).supported, supported);
  });
}

test("the outdated browser is named as a person would say it", () => {
  assert.equal(checkBrowser(agents[0]?.[0]).name, "Internet Explorer");
  assert.equal(checkBrowser(agents[4]?.[0]).name, "Mozilla Firefox 78");
});
