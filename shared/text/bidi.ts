/**
 * Bidirectional override and isolate characters (U+202A–U+202E, U+2066–U+2069)
 * reorder the text shown after them: an account named `prod\u202Eved` reads as
 * `proddev`-ish garbage, and a crafted name can make one resource look like
 * another (the "Trojan Source" trick). Names from AWS and config never need
 * them, so every escaper removes them before anything else.
 */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

export function stripBidi(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}
