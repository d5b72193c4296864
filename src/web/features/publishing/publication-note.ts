/**
 * A publication's note (what to know about a publish that went through, e.g. "Published as a Bill: the
 * item is paid, but … To publish paid items as …, link the payment method in …") split for the Publish
 * panel: a title, what happened, and the fix when the note names one. Nothing of the note is dropped.
 */
export interface NoteParts {
  /** "Published as a Bill", "Published as Awaiting Payment, not Paid", … */
  readonly title: string;
  /** Why, as a sentence (may be empty when the note is only a fix). */
  readonly detail: string;
  /** What to do about it, when the note says. */
  readonly fix: string | null;
  /** The fix is in Business settings > Connections (link there). */
  readonly linksConnections: boolean;
}

/** How the fixes in the notes (and the error catalogue they quote) start: imperatives. */
const FIX_START =
  /^(To |Go |Fix |Link |Refresh |Open |Reactivate |Add |Choose |Business settings > |Void |Delete |Change |Publish |Record |Mark |Settle |Give |Restore |Align |Set |Select |Correct |Clear |Check |Nothing to do)/;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function noteParts(note: string): NoteParts {
  const text = note.trim();
  const colon = text.indexOf(': ');
  const headed = text.startsWith('Published as') && colon > 0;
  const title = headed ? text.slice(0, colon) : 'Published, with a note';
  const rest = headed ? text.slice(colon + 2).trim() : text;
  const sentences = rest.split(/(?<=[.!?])\s+(?=[A-Z])/);
  const at = sentences.findIndex((s, i) => i > 0 && FIX_START.test(s));
  const detail = (at === -1 ? sentences : sentences.slice(0, at)).join(' ');
  const fix = at === -1 ? null : sentences.slice(at).join(' ');
  return {
    title,
    detail: capitalised(detail),
    fix,
    linksConnections: text.includes('Business settings > Connections'),
  };
}
