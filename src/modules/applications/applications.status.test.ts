// The transition table, exhaustively: every status × every role × every action against the moves
// written out below by hand (the agreed process of domain/frmr.md §6.7 and the task).
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  applicationActions,
  applicationRoles,
  applicationStatuses,
  availableActions,
  decideTransition,
  finalStatuses,
  transitions,
} from "./applications.status.ts";

const allowed = `
  draft              send_to_head            worker   awaiting_head
  awaiting_head      recall_from_head        worker   draft
  awaiting_head      agree                   head     agreed
  awaiting_head      refuse_agreement        head     agreement_refused
  agreed             return_to_draft         worker   draft
  agreement_refused  return_to_draft         worker   draft
  draft              submit                  worker   submitted
  agreed             submit                  worker   submitted
  agreement_refused  submit                  worker   submitted
  submitted          start_review            operator under_review
  under_review       request_documents       operator documents_requested
  documents_requested documents_provided     system   under_review
  under_review       transfer_to_commission  operator with_commission
  with_commission    approve                 operator approved
  with_commission    reject                  operator rejected
  draft              withdraw                worker   withdrawn
  awaiting_head      withdraw                worker   withdrawn
  agreed             withdraw                worker   withdrawn
  agreement_refused  withdraw                worker   withdrawn
  submitted          withdraw                worker   withdrawn
  under_review       withdraw                worker   withdrawn
  documents_requested withdraw               worker   withdrawn
  with_commission    withdraw                worker   withdrawn
`
  .trim()
  .split("\n")
  .map((line) => line.trim().split(/\s+/));

const expected = new Map(allowed.map(([from, action, role, to]) => [`${from} ${action} ${role}`, to]));
const actionAllowedFrom = new Set(allowed.map(([from, action]) => `${from} ${action}`));

test("every status × role × action gives exactly the expected decision", () => {
  let checked = 0;
  for (const status of Object.values(applicationStatuses)) {
    for (const role of Object.values(applicationRoles)) {
      for (const action of Object.values(applicationActions)) {
        const decision = decideTransition(status, action, role);
        const to = expected.get(`${status} ${action} ${role}`);
        const where = `${status} --${action}--> by ${role}`;
        if (to) assert.deepEqual(decision, { ok: true, to }, where);
        else if (actionAllowedFrom.has(`${status} ${action}`)) {
          assert.deepEqual(decision, { ok: false, reason: "wrong-role" }, where);
        } else assert.deepEqual(decision, { ok: false, reason: "not-allowed-now" }, where);
        checked++;
      }
    }
  }
  assert.equal(checked, 11 * 4 * 13);
});

test("each action has one row, hence one role", () => {
  const actions = transitions.map((transition) => transition.action);
  assert.equal(new Set(actions).size, actions.length);
  assert.deepEqual(new Set(actions), new Set(Object.values(applicationActions)));
});

test("no move leaves a final status, and every status is reachable from the draft", () => {
  for (const status of finalStatuses) {
    for (const role of Object.values(applicationRoles)) assert.deepEqual(availableActions(status, role), []);
  }
  const reached = new Set<string>(["draft"]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const transition of transitions) {
      if (transition.from.some((from) => reached.has(from)) && !reached.has(transition.to)) {
        reached.add(transition.to);
        grew = true;
      }
    }
  }
  assert.deepEqual(reached, new Set(Object.values(applicationStatuses)));
});

test("the buttons offered match the table", () => {
  assert.deepEqual(availableActions("under_review", "operator").sort(), [
    "request_documents",
    "transfer_to_commission",
  ]);
  assert.deepEqual(availableActions("awaiting_head", "head").sort(), ["agree", "refuse_agreement"]);
  assert.deepEqual(availableActions("approved", "worker"), []);
});
