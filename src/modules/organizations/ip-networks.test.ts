import assert from "node:assert/strict";
import { test } from "node:test";
import { clientNetwork, isInNetworks, parseCidr } from "./ip-networks.ts";

test("networks are normalised to their network address", () => {
  assert.deepEqual(parseCidr(" 203.0.113.77/24 "), { ok: true, cidr: "203.0.113.0/24" });
  assert.deepEqual(parseCidr("198.51.100.4"), { ok: true, cidr: "198.51.100.4/32" });
  assert.deepEqual(parseCidr("2001:DB8:0:0:1::5/48"), { ok: true, cidr: "2001:db8::/48" });
  assert.deepEqual(parseCidr("2001:db8::1"), { ok: true, cidr: "2001:db8::1/128" });
  assert.deepEqual(parseCidr("::ffff:10.1.2.3/120"), { ok: true, cidr: "::ffff:10.1.2.0/120" });
});

test("malformed and too wide networks are refused with a reason", () => {
  for (const bad of [
    "",
    "300.1.1.1/24",
    "203.0.113.0/33",
    "203.0.113.0/2x",
    "2001:db8::/129",
    "abc",
    "1.2.3.4/24/1",
  ]) {
    const parsed = parseCidr(bad);
    assert.equal(parsed.ok, false, bad);
  }
  const wide = parseCidr("0.0.0.0/0");
  assert.equal(wide.ok, false);
  assert.match(wide.ok ? "" : wide.message, /слишком широкая/);
  assert.equal(parseCidr("2001::/8").ok, false);
});

test("client addresses are matched against IPv4 and IPv6 networks", () => {
  const list = ["203.0.113.0/24", "2001:db8:abcd::/48"];
  assert.equal(isInNetworks("203.0.113.200", list), true);
  assert.equal(isInNetworks("::ffff:203.0.113.9", list), true, "IPv4-mapped IPv6");
  assert.equal(isInNetworks("203.0.114.1", list), false);
  assert.equal(isInNetworks("2001:db8:abcd:12::7", list), true);
  assert.equal(isInNetworks("2001:db8:abce::7", list), false);
  assert.equal(isInNetworks("not-an-ip", list), false);
});

test("the client's network is its /24 or /64", () => {
  assert.equal(clientNetwork("203.0.113.200"), "203.0.113.0/24");
  assert.equal(clientNetwork("::ffff:127.0.0.1"), "127.0.0.0/24");
  assert.equal(clientNetwork("2001:db8:1:2:3:4:5:6"), "2001:db8:1:2::/64");
});
