/** An error whose message is for the user as it stands (HTTP status, a refused redirect, not a report). */
export class LinkError extends Error {
  override name = 'LinkError';
}
