// IPv4 and IPv6 networks in CIDR notation for the organization's allow-list (O13), and the network
// a request comes from, to notice entries from a new one.
import { BlockList, isIP, SocketAddress } from "node:net";

export type CidrParse = { ok: true; cidr: string } | { ok: false; message: string };

// Wider networks would make the allow-list pointless (half the Internet would pass).
const narrowestAllowed = { 4: 8, 6: 16 } as const;

/** `203.0.113.7/24` → `203.0.113.0/24`; a single address becomes /32 or /128. */
export function parseCidr(input: string): CidrParse {
  const [rawAddress = "", rawPrefix, ...rest] = input.trim().split("/");
  const family = isIP(rawAddress);
  if (rest.length > 0 || (family !== 4 && family !== 6)) {
    return {
      ok: false,
      message: "Укажите адрес сети в формате CIDR, например 203.0.113.0/24 или 2001:db8::/48.",
    };
  }
  const bits = family === 4 ? 32 : 128;
  const prefix = rawPrefix === undefined ? bits : Number(rawPrefix);
  if (
    !Number.isInteger(prefix) ||
    prefix < 0 ||
    prefix > bits ||
    (rawPrefix !== undefined && !/^\d+$/.test(rawPrefix))
  ) {
    return {
      ok: false,
      message: `Длина префикса должна быть целым числом от ${narrowestAllowed[family]} до ${bits}.`,
    };
  }
  if (prefix < narrowestAllowed[family]) {
    return {
      ok: false,
      message: `Сеть /${prefix} слишком широкая: укажите префикс не короче /${narrowestAllowed[family]}.`,
    };
  }
  return { ok: true, cidr: `${networkAddress(rawAddress, family, prefix)}/${prefix}` };
}

/** True when `ip` is inside one of the (already normalised) networks. */
export function isInNetworks(ip: string, cidrs: readonly string[]): boolean {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [address = "", prefix = "0"] = cidr.split("/");
    list.addSubnet(address, Number(prefix), isIP(address) === 4 ? "ipv4" : "ipv6");
  }
  const address = clientAddress(ip);
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/** The /24 (IPv4) or /64 (IPv6) the client is in: how «a new network» is told apart. */
export function clientNetwork(ip: string): string {
  const address = clientAddress(ip);
  const family = isIP(address);
  if (family === 0) return "unknown";
  return family === 4 ? `${networkAddress(address, 4, 24)}/24` : `${networkAddress(address, 6, 64)}/64`;
}

/** An IPv4 client seen through an IPv6 socket (`::ffff:203.0.113.7`) is the IPv4 client. */
function clientAddress(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  return mapped?.[1] ?? ip;
}

function networkAddress(address: string, family: 4 | 6, prefix: number): string {
  const bits = family === 4 ? 32 : 128;
  const value = family === 4 ? ipv4ToBigInt(address) : ipv6ToBigInt(address);
  const mask = prefix === 0 ? 0n : ((1n << BigInt(prefix)) - 1n) << BigInt(bits - prefix);
  const masked = value & mask;
  return family === 4 ? bigIntToIpv4(masked) : bigIntToIpv6(masked);
}

function ipv4ToBigInt(address: string): bigint {
  return address.split(".").reduce((sum, octet) => (sum << 8n) + BigInt(Number(octet)), 0n);
}

function bigIntToIpv4(value: bigint): string {
  return [24n, 16n, 8n, 0n].map((shift) => String((value >> shift) & 255n)).join(".");
}

function ipv6ToBigInt(address: string): bigint {
  let text = address.toLowerCase();
  // An embedded IPv4 tail (`::ffff:1.2.3.4`) becomes two hexadecimal groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4?.[1]) {
    const n = ipv4ToBigInt(v4[1]);
    text = text.replace(v4[1], `${(n >> 16n).toString(16)}:${(n & 0xffffn).toString(16)}`);
  }
  const [head = "", tail] = text.split("::");
  const headGroups = head === "" ? [] : head.split(":");
  const tailGroups = tail === undefined || tail === "" ? [] : tail.split(":");
  const zeros = Array(8 - headGroups.length - tailGroups.length).fill("0");
  const groups = tail === undefined ? headGroups : [...headGroups, ...zeros, ...tailGroups];
  return groups.reduce((sum, group) => (sum << 16n) + BigInt(Number.parseInt(group, 16)), 0n);
}

function bigIntToIpv6(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, index) =>
    ((value >> BigInt((7 - index) * 16)) & 0xffffn).toString(16),
  );
  // SocketAddress writes the canonical short form (RFC 5952).
  return new SocketAddress({ address: groups.join(":"), family: "ipv6" }).address;
}
