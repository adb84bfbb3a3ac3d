/** The message of a thrown value, for logs, statuses and CLI errors (a non-Error as its string). */
export function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
