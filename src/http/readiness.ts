// Whether the process is ready to serve: at start it listens at once (so that /healthz and /readyz
// answer and say why) while it waits for the database; until then every other request gets 503.
export interface Readiness {
  readonly ready: boolean;
  /** Why not ready, for /readyz and the operator (English, no secrets). */
  readonly reason: string | undefined;
  notReady(reason: string): void;
  markReady(): void;
}

export function createReadiness(): Readiness {
  let reason: string | undefined;
  return {
    get ready() {
      return reason === undefined;
    },
    get reason() {
      return reason;
    },
    notReady(why) {
      reason = why;
    },
    markReady() {
      reason = undefined;
    },
  };
}
