/** The plain message a section shows when the service behind it did not answer. */
export function Unavailable({ what }: { what: string }) {
  return (
    <p className="unavailable" role="status">
      {what} can&apos;t be shown right now. Please try again in a moment.
    </p>
  );
}
