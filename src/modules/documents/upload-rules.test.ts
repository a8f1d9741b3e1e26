import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { missingRequirements } from "./document-types.ts";
import { checkQuota, decideAccess } from "./documents.policy.ts";
import { contentDisposition, downloadFileName } from "./download.ts";
import { checkFileName, formatFileSize, rejectionMessage } from "./upload-rules.ts";

describe("file names", () => {
  test("kept as given, normalised and trimmed", () => {
    assert.deepEqual(checkFileName("  Иванова М.П. диплом на 2 л.pdf "), {
      ok: true,
      name: "Иванова М.П. диплом на 2 л.pdf",
    });
    assert.deepEqual(checkFileName("e\u0301.pdf"), { ok: true, name: "\u00e9.pdf" });
  });

  test("path parts, control characters and overlong names are refused", () => {
    const reason = (name: string) => {
      const check = checkFileName(name);
      return check.ok ? "ok" : check.rejection.reason;
    };
    assert.equal(reason("../a.pdf"), "name_path");
    assert.equal(reason("a\\b.pdf"), "name_path");
    assert.equal(reason(".."), "name_path");
    assert.equal(reason("a\u0000.pdf"), "name_control");
    assert.equal(reason("a\u009b.pdf"), "name_control");
    assert.equal(reason("a\u2066.pdf"), "name_control");
    assert.equal(reason(`${"я".repeat(201)}.pdf`), "name_too_long");
    assert.equal(reason("   "), "missing_file");
    assert.equal(reason("отчёт..pdf"), "ok");
  });
});

test("sizes in КБ and МБ", () => {
  assert.equal(formatFileSize(0), "0 КБ");
  assert.equal(formatFileSize(100), "1 КБ");
  assert.equal(formatFileSize(640 * 1024), "640 КБ");
  assert.equal(formatFileSize(1.5 * 1024 * 1024), "1,5 МБ");
  assert.equal(formatFileSize(100 * 1024 * 1024), "100 МБ");
});

test("quota messages carry the limits", () => {
  assert.match(rejectionMessage({ reason: "quota_files", maxFiles: 200 }), /\(200\)/);
  assert.match(
    rejectionMessage({ reason: "quota_bytes", maxBytes: 100 * 1024 * 1024, usedBytes: 99 * 1024 * 1024 }),
    /100 МБ, занято 99 МБ/,
  );
  assert.match(rejectionMessage({ reason: "unsupported", detected: "docx" }), /DOCX не принимается/);
});

describe("policy", () => {
  test("quota: the file count first, then the total size including the new file", () => {
    const quota = { maxFiles: 3, maxBytes: 1000 };
    assert.equal(checkQuota({ files: 2, bytes: 500 }, 500, quota), undefined);
    assert.deepEqual(checkQuota({ files: 2, bytes: 500 }, 501, quota), {
      reason: "quota_bytes",
      maxBytes: 1000,
      usedBytes: 500,
    });
    assert.deepEqual(checkQuota({ files: 3, bytes: 0 }, 1, quota), { reason: "quota_files", maxFiles: 3 });
  });

  test("access: own documents only; a foreign one is told apart for the audit", () => {
    const actor = { id: "u1", context: { kind: "worker" } as const, ip: "127.0.0.1" };
    assert.deepEqual(decideAccess(actor, { userId: "u1" }), { allowed: true });
    assert.deepEqual(decideAccess(actor, { userId: "u2" }), { allowed: false, reason: "foreign" });
    assert.deepEqual(decideAccess(actor, undefined), { allowed: false, reason: "missing" });
  });
});

describe("download headers", () => {
  test("quotes, backslashes and non-ASCII never reach the quoted fallback", () => {
    assert.equal(
      contentDisposition('a"b\\c 100%.pdf'),
      `attachment; filename="a_b_c 100_.pdf"; filename*=UTF-8''a%22b%5Cc%20100%25.pdf`,
    );
    assert.equal(
      contentDisposition("№1*.pdf"),
      `attachment; filename="_1*.pdf"; filename*=UTF-8''%E2%84%961%2A.pdf`,
    );
  });

  test("the extension follows the content", () => {
    assert.equal(downloadFileName("scan.JPEG", "image/jpeg"), "scan.JPEG");
    assert.equal(downloadFileName("scan.pdf", "image/jpeg"), "scan.pdf.jpg");
    assert.equal(downloadFileName("паспорт", "application/pdf"), "паспорт.pdf");
  });
});

test("a requirement is met by any of its types", () => {
  const ids = missingRequirements("periodic_accreditation", ["specialist_certificate", "snils"]).map(
    (r) => r.id,
  );
  assert.ok(!ids.includes("admission") && !ids.includes("snils"));
  assert.ok(ids.includes("identity"));
});
