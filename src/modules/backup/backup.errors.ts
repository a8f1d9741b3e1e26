/** A backup or restore refused for a reason the operator can act on; the message says which. */
export class BackupError extends Error {
  override name = "BackupError";
}
